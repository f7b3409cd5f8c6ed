package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.report.ToolInfo;
import dev.failscope.support.Cli;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The files under packaging/ that no build step reads: the release workflow, the desktop entry, the deb template. */
class PackagingFilesTest {
    @Test
    void releaseWorkflowIsValidYamlWithALinuxWindowsAndMacosJob() throws IOException {
        Map<String, Object> workflow;
        try (Reader in = Files.newBufferedReader(Path.of("packaging/github-actions-release.yml"), StandardCharsets.UTF_8)) {
            workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertThat(jobs).containsKeys("build", "release");
        Map<String, Object> build = map(jobs.get("build"));
        List<Map<String, Object>> include = list(map(map(build.get("strategy")).get("matrix")).get("include"));
        assertThat(include).extracting(m -> m.get("name")).containsExactly("linux", "windows", "macos");
        assertThat(include).extracting(m -> m.get("installer")).containsExactly("DEB", "MSI", "DMG");
        for (Map<String, Object> platform : include) {
            String icon = (String) platform.get("icon");
            if (!icon.startsWith("target/")) {
                assertThat(Path.of(icon)).as("icon of %s", platform.get("name")).exists();
            }
            assertThat(Path.of((String) platform.get("resources"))).isDirectory();
        }
        List<Map<String, Object>> steps = list(build.get("steps"));
        String runs = steps.stream().map(s -> String.valueOf(s.get("run"))).collect(Collectors.joining("\n"));
        assertThat(runs).contains("mvn -B verify", "mvn -B -Pdist package", "packaging/test-deb.sh");
    }

    @Test
    void debTemplateDeclaresWhatJavaFxLoads() throws IOException {
        String control = Files.readString(Path.of("packaging/linux/control"), StandardCharsets.UTF_8);
        String depends = control.lines().filter(l -> l.startsWith("Depends:")).findFirst().orElseThrow();
        assertThat(depends).startsWith("Depends: PACKAGE_DEFAULT_DEPENDENCIES PACKAGE_CUSTOM_DEPENDENCIES, ")
                .contains("libgtk-3-0", "libxtst6", "libgl1", "libxxf86vm1", "libpangoft2-1.0-0");
        assertThat(Files.readString(Path.of("packaging/linux/postinst"), StandardCharsets.UTF_8))
                .contains("DESKTOP_COMMANDS_INSTALL", "ln -sf /opt/failscope/lib/app/failscope /usr/bin/failscope");
        assertThat(Files.readString(Path.of("packaging/linux/postrm"), StandardCharsets.UTF_8))
                .contains("rm -f /usr/bin/failscope", "/usr/share/bash-completion/completions/failscope");
        assertThat(Files.readString(Path.of("packaging/linux/postinst"), StandardCharsets.UTF_8))
                .contains("bash-completion/completions/failscope", "zsh/vendor-completions/_failscope");
        assertThat(Files.readString(Path.of("packaging/linux/completion/_failscope"), StandardCharsets.UTF_8))
                .startsWith("#compdef failscope\n").contains("bashcompinit", "_complete_failscope");
        assertThat(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8))
                .contains("dev.failscope.cli.CompletionScript", "failscope-completion.bash");
    }

    @Test
    void desktopEntryStartsTheInstalledLauncher() throws IOException {
        List<String> entry = Files.readAllLines(Path.of("packaging/linux/failscope.desktop"), StandardCharsets.UTF_8);
        assertThat(entry.get(0)).isEqualTo("[Desktop Entry]");
        assertThat(entry).contains("Type=Application", "Exec=/opt/failscope/bin/failscope %F",
                "Icon=/opt/failscope/lib/failscope.png", "Terminal=false");
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            assertThat(Path.of("packaging/icons/failscope-" + size + ".png")).exists();
        }
    }

    @Test
    void versionNamesThePomVersionAndTheCommitWhenKnown() {
        Cli.Run run = Cli.run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("failscope \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?( \\([0-9a-f]{7,40}\\))?\n");
        assertThat(run.out()).startsWith("failscope " + ToolInfo.version());
        assertThat(ToolInfo.version()).isNotEqualTo("dev").doesNotContain("${");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Map<String, Object>>) o;
    }
}
