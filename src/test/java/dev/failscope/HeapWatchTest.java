package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapWatchTest {

    @Test
    void onlyInputsLargeForTheHeapAreWatched() {
        long mb = 1L << 20;
        assertThat(HeapWatch.atRisk(mb, 6144 * mb)).isFalse();
        assertThat(HeapWatch.atRisk(47 * mb, 6144 * mb)).isFalse();
        assertThat(HeapWatch.atRisk(48 * mb, 6144 * mb)).isTrue();
        assertThat(HeapWatch.atRisk(31 * mb, 256 * mb)).isFalse();
        assertThat(HeapWatch.atRisk(32 * mb, 256 * mb)).isTrue();
    }

    @Test
    void aHeapThatStaysFullEndsTheRunWithTheOutOfMemoryLine() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HeapWatchProbe.class.getName())).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).startsWith("failscope: out of memory: the input needs more than the ")
                .contains("-Xmx").doesNotContain("no watch", "Exception");
        assertThat(p.exitValue()).isEqualTo(2);
    }
}
