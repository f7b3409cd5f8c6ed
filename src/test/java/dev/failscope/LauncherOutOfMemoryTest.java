package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.generate.FleetWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet too large for the heap: one line naming -Xmx, exit 2, no stack trace (issue 16). */
class LauncherOutOfMemoryTest {
    @Test
    void aHeapTooSmallGivesOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetWriter.write(FleetGenerator.generate(new FleetSpec(5_000, 3, 3, 10, 2026)), fleet);
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "check", fleet.toString()))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr).startsWith("failscope: out of memory: the Java heap (at most ").contains("-Xmx4g")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(stderr.strip().lines()).hasSize(1);
    }

    @Test
    void theMessageNamesTheHeapAndTheWaysToRaiseIt() {
        assertThat(Launcher.outOfMemory(256L * 1024 * 1024)).contains("at most 256 MB", "-Xmx4g",
                "FAILSCOPE_JAVA_OPTS", "JAVA_TOOL_OPTIONS");
    }
}
