package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cold {@code check} loads (docs/performance.md, "Start-up"): a child JVM runs it with
 * {@code -Xlog:class+load}. Classes a check does not need (the other subcommands, the GUI, layout, the scene and
 * the renderers, simulation's search) cost a cold process their loading, and nothing else catches them creeping
 * back in through a static table or an eager field.
 */
class LauncherClassLoadingTest {
    @TempDir
    Path tmp;

    @Test
    void aCheckLoadsOnlyCheckAndNoGuiLayoutOrRendering() throws Exception {
        List<String> loaded = loadedClasses("check", "--fail-on", "never", "sample-topologies/catifyme");

        assertThat(loaded).as("the check ran").contains("dev.failscope.cli.CheckCommand",
                "dev.failscope.analysis.Inspector", "dev.failscope.report.TextReport");
        List<String> commands = loaded.stream().filter(c -> c.matches("dev\\.failscope\\.cli\\.[A-Za-z]+Command"))
                .collect(Collectors.toList());
        assertThat(commands).as("subcommand classes loaded").containsExactlyInAnyOrder(
                "dev.failscope.cli.FailscopeCommand", "dev.failscope.cli.CheckCommand");
        assertThat(loaded).as("classes a text check does not need").noneMatch(c -> c.startsWith("javafx.")
                || c.startsWith("dev.failscope.ui.") || c.startsWith("dev.failscope.layout.")
                || c.startsWith("dev.failscope.scene.") || c.startsWith("dev.failscope.report.html.")
                || c.startsWith("dev.failscope.live.") || c.startsWith("org.jfree.") || c.startsWith("java.awt.")
                || c.startsWith("com.fasterxml.jackson.databind.") || c.startsWith("org.jgrapht.alg."));
    }

    @Test
    void aMistypedCommandStillBuildsEveryCommandForTheSuggestion() throws Exception {
        List<String> loaded = loadedClasses("chek", "sample-topologies/catifyme");

        assertThat(loaded).contains("dev.failscope.cli.SweepCommand", "dev.failscope.cli.RenderCommand");
    }

    private List<String> loadedClasses(String... args) throws Exception {
        Path log = tmp.resolve("class-load.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.failscope.Launcher"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [info][class,load] NAME source: ...
            int start = line.indexOf("] ") + 2;
            int end = line.indexOf(' ', start);
            if (start > 1 && end > start) {
                classes.add(line.substring(start, end));
            }
        }
        assertThat(classes).as("the log of %s", String.join(" ", args)).hasSizeGreaterThan(500);
        return classes;
    }
}
