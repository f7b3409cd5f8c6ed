package dev.failscope.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A handful of hostile inputs as whole processes at -Xmx256m (and one past the heap), through the launcher. */
class HostileProcessTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    private Result java(String xmx, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.failscope.Launcher"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no exit within 60 s: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void corpusCasesAsProcessesAt256m() throws Exception {
        for (HostileCorpus c : HostileCorpus.read()) {
            if (!List.of("yaml-escape-too-big", "duration-huge", "kind-misspelt", "yaml-billion-laughs")
                    .contains(c.name())) {
                continue;
            }
            Path caseDir = dir.resolve(c.name());
            c.writeInto(caseDir);
            Result r = java("256m", "check", caseDir.toString());
            assertThat(r.exit()).as(c.name() + r.out() + r.err()).isEqualTo(2);
            assertThat(r.out() + r.err()).doesNotContain("\tat ", "Exception", "internal error");
            for (String e : c.expect()) {
                assertThat(r.out().replace(caseDir + "/", "")).contains(e);
            }
        }
    }

    @Test
    void pastTheHeapIsOneLineNamingXmx() throws Exception {
        Path fleet = dir.resolve("fleet");
        assertThat(Cli.run("generate", "--clusters", "8000", fleet.toString()).exit()).isZero();

        Result r = java("16m", "check", fleet.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).matches("failscope: out of memory: the input needs more than the \\d+ MB Java heap; "
                + "give it more with -Xmx \\(java -Xmx4g -jar failscope.jar \\.\\.\\.\\) or JAVA_TOOL_OPTIONS=-Xmx4g\n");
    }
}
