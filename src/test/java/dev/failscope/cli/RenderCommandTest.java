package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FailscopeCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void rendersTheSampleAsPng() throws Exception {
        Path png = dir.resolve("catifyme.png");
        assertThat(run("render", "sample-topologies/catifyme", "--output", png.toString())).isEqualTo(0);
        var img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(out.toString()).startsWith("wrote " + png + " (" + img.getWidth() + "x" + img.getHeight());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void rendersTheSampleAsSvg() throws Exception {
        Path svg = dir.resolve("catifyme.svg");
        assertThat(run("render", "sample-topologies/catifyme", "-o", svg.toString())).isEqualTo(0);
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg", "db-legacy-2");
    }

    @Test
    void loadErrorsExitTwoWithPositionsAndWriteNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: cluster\nname: x\nprimary: [oops\n");
        Path png = dir.resolve("out.png");
        assertThat(run("render", bad.toString(), "-o", png.toString())).isEqualTo(2);
        assertThat(err.toString()).containsPattern("bad\\.yaml:\\d+:\\d+: error: ");
        assertThat(png).doesNotExist();
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        assertThat(run("render", "sample-topologies/catifyme", "-o", dir.resolve("x.gif").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(".png or .svg");
    }

    @Test
    void missingOutputIsAUsageError() {
        assertThat(run("render", "sample-topologies/catifyme")).isEqualTo(2);
        assertThat(err.toString()).contains("--output");
    }

    @Test
    void unwritableOutputExitsTwoWithoutAStackTrace() throws Exception {
        Path png = Files.writeString(dir.resolve("a-file"), "x").resolve("x.png");
        assertThat(run("render", "sample-topologies/catifyme", "-o", png.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("failscope: cannot write ").doesNotContain("Exception");
    }

    @Test
    void failDrawsTheSimulationEndState() throws Exception {
        Path svg = dir.resolve("sim.svg");
        assertThat(run("render", "sample-topologies/catifyme", "--fail", "db-main-1", "-o", svg.toString()))
                .isEqualTo(0);
        String text = Files.readString(svg);
        assertThat(text).contains("after losing db-main-1: 1 cluster down, 3 services down", "NO PRIMARY", "FAILED");
    }

    @Test
    void failOnTheFixedSampleCrownsTheReplica() throws Exception {
        Path svg = dir.resolve("fixed.svg");
        assertThat(run("render", "sample-topologies/catifyme-fixed", "--fail", "db-main-1", "-o", svg.toString()))
                .isEqualTo(0);
        assertThat(Files.readString(svg)).contains("promoted to primary", "0 clusters down", "DEGRADED");
    }

    @Test
    void unknownFailTargetExitsTwo() {
        assertThat(run("render", "sample-topologies/catifyme", "--fail", "db-mian-1", "-o",
                dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("failscope: ").contains("db-mian-1");
    }
}
