package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathExpanderTest {
    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "kind: inventory\nservers: []\n");
        }
    }

    private List<String> expand(String... args) {
        List<LoadError> errors = new ArrayList<>();
        List<SourceFile> files = new PathExpander(TopologyLoader.DIRECTORY_EXTENSIONS).expand(List.of(args), errors);
        assertThat(errors).isEmpty();
        return files.stream().map(SourceFile::displayPath).toList();
    }

    @Test
    void directoryIsEveryKnownFileBelowItInSortedPathOrderSkippingHiddenOnes() throws IOException {
        touch("b.yaml", "a/z.yml", "a-b.json", "A.YAML", "c/d/e.json", "notes.txt", "README.md",
                ".hidden.yaml", ".git/config.yaml", "c/.cache/x.yaml", "c/d/.y.json");

        List<String> files = expand(dir.toString());

        String d = dir.toString();
        assertThat(files).containsExactly(d + "/A.YAML", d + "/a-b.json", d + "/a/z.yml", d + "/b.yaml",
                d + "/c/d/e.json");
    }

    @Test
    void aDisplayNameReplacesTheArgumentInDisplayPathsButNotInWhatIsRead() throws IOException {
        touch("tmp123/catifyme/x.yaml");
        String real = dir.resolve("tmp123/catifyme").toString();
        List<LoadError> errors = new ArrayList<>();

        List<SourceFile> files = new PathExpander(TopologyLoader.DIRECTORY_EXTENSIONS)
                .expand(List.of(real), errors, LoadOptions.DEFAULT.withDisplayName(real, "catifyme"));

        assertThat(errors).isEmpty();
        assertThat(files).extracting(SourceFile::displayPath).containsExactly("catifyme/x.yaml");
        assertThat(files).extracting(SourceFile::path).containsExactly(dir.resolve("tmp123/catifyme/x.yaml"));
    }

    @Test
    void displayPathIsTheArgumentJoinedWithThePathBelowIt() throws IOException {
        touch("topo/x.yaml");

        assertThat(expand(dir.resolve("topo") + "/")).containsExactly(dir.resolve("topo") + "/x.yaml");
        assertThat(expand(dir.resolve("topo").toString())).containsExactly(dir.resolve("topo") + "/x.yaml");
    }

    @Test
    void explicitFilesAreKeptInArgumentOrderWhateverTheirName() throws IOException {
        touch("z.yaml", ".hidden.yaml", "config.txt");
        String d = dir.toString();

        assertThat(expand(d + "/z.yaml", d + "/.hidden.yaml", d + "/config.txt"))
                .containsExactly(d + "/z.yaml", d + "/.hidden.yaml", d + "/config.txt");
    }

    @Test
    void aHiddenDirectoryGivenExplicitlyIsStillRead() throws IOException {
        touch(".topology/a.yaml");

        assertThat(expand(dir.resolve(".topology").toString())).containsExactly(dir.resolve(".topology") + "/a.yaml");
    }

    @Test
    void dotenvAndPropertiesFilesAreReadButTheirExamplesAndHiddenFoldersAreNot() throws IOException {
        touch("app/.env", "app/.env.production", "app/.env.example", "app/.env.sample", "app/cat.env",
                "app/application.properties", ".secrets/.env", "app/.envrc");
        List<LoadError> errors = new ArrayList<>();
        List<String> files = new PathExpander(TopologyLoader::readInDirectory).expand(List.of(dir.toString()),
                errors, LoadOptions.DEFAULT).stream().map(SourceFile::displayPath).toList();
        String d = dir.toString();
        assertThat(files).containsExactly(d + "/app/.env", d + "/app/.env.production",
                d + "/app/application.properties", d + "/app/cat.env");
    }
}
