package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FailscopeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void exportsImportedSentinelsAsNativeYamlThatChecksTheSame() throws Exception {
        Path dir = tmp.resolve("out");
        assertThat(run("export", "--format", "native", "src/test/resources/real-configs/redis", "--output",
                dir.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("wrote " + dir.resolve("inventory.yaml"),
                "wrote " + dir.resolve("clusters.yaml"), "wrote " + dir.resolve("failover.yaml"));
        String failover = Files.readString(dir.resolve("failover.yaml"));
        assertThat(failover).contains("cluster: \"mymaster\"", "detection: 5s", "quorum: 2",
                "  - \"172.23.0.6:26379\"   # src/test/resources/real-configs/redis/guhuajun_sentinel1.conf:3:15");
        out.getBuffer().setLength(0);
        // the same verdicts, but one: the Compose file's redis:// URL names a host no file declares. Imported, that
        // is an info (route-target-unknown); written in the native format, a route's targets are asserted, so the
        // exported route is an error until the host is declared
        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).containsOnlyOnce("error:").contains("redis-master:6379", "[route-target-missing]");
    }

    @Test
    void loadErrorsExitTwoAndWriteNothing() {
        Path dir = tmp.resolve("out");
        assertThat(run("export", "--format", "native", "src/test/resources/real-configs/mongodb/"
                + "go-oauth2_init.js", "--output", dir.toString())).isEqualTo(2);
        assertThat(dir).doesNotExist();
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(run("export", "--format", "xml", "x", "--output", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown export format 'xml' (expected one of native, dot, graphml, mermaid)");
    }

    @Test
    void nativeNeedsAnOutputDirectory() {
        assertThat(run("export", "--format", "native", "sample-topologies/catifyme")).isEqualTo(2);
        assertThat(err.toString()).contains("--format native needs --output DIR");
    }

    @Test
    void graphFormatsWriteAFile() throws java.io.IOException {
        Path file = tmp.resolve("g/catifyme.mmd");
        assertThat(run("export", "--format", "mermaid", "sample-topologies/catifyme", "--output", file.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readString(file)).startsWith("flowchart LR\n")
                .contains("failover 1 \u2717 decommissioned");
    }
}
