package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path root;

    private void copy(String sample, String env) throws IOException {
        Path from = Path.of("sample-topologies", sample);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Fixtures.write(root.resolve(env), f.getFileName().toString(), Files.readString(f));
            }
        }
    }

    @Test
    void oneLinePerEnvironmentAndExitOneOnErrors() throws IOException {
        copy("catifyme-fixed", "dev");
        copy("catifyme", "prod");
        Fixtures.write(root.resolve("staging"), "broken.yaml", "kind: cluster\nname: [\n");
        Fixtures.write(root.resolve(".git"), "x.yaml", "kind: nonsense\n");
        Fixtures.write(root, "README.yaml", "kind: nonsense\n");

        Cli r = Cli.run("audit", root.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                ENVIRONMENT  CLUSTERS  ERRORS  WARNINGS  NO VIABLE FAILOVER  SINGLE POINTS OF FAILURE
                dev                 1       0         0                   0                         0
                prod                1       2         0                   1                         1
                staging             0    load         0                   0                         0

                prod: no viable failover: catify-main
                prod: single points of failure: db-main-1
                staging: 1 load error (run failscope check on it for details)
                3 environments; 2 with errors: prod, staging
                """);
    }

    @Test
    void greenWhenNoEnvironmentHasAnError() throws IOException {
        copy("catifyme-fixed", "dev");
        copy("three-zone-healthy", "prod");
        assertThat(Cli.run("audit", root.toString()).exit()).isZero();
    }

    @Test
    void jsonAndMarkdown() throws IOException {
        copy("catifyme", "prod");
        Cli json = Cli.run("audit", root.toString(), "--format", "json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("environments").get(0).path("environment").asText()).isEqualTo("prod");
        assertThat(doc.path("environments").get(0).path("singlePointsOfFailure").get(0).asText())
                .isEqualTo("db-main-1");
        assertThat(doc.path("fails").asBoolean()).isTrue();
        Cli md = Cli.run("audit", root.toString(), "--format", "markdown");
        assertThat(md.out()).contains("| prod | 1 | **2** | 0 | 1: `catify-main` | 1: `db-main-1` |\n");
    }

    @Test
    void aRootWithoutEnvironmentsIsAUsageError() {
        assertThat(Cli.run("audit", root.toString()).exit()).isEqualTo(2);
        assertThat(Cli.run("audit", root.resolve("nope").toString()).exit()).isEqualTo(2);
    }
}
