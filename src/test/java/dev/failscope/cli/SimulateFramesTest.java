package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --format gif|png-sequence}: one captioned frame per slide, the same bytes every time. */
public class SimulateFramesTest {
    /** Each frame's delay (hundredths of a second) and size, read back with the JDK's GIF reader. */
    public static List<int[]> gifFrames(byte[] gif) throws Exception {
        List<int[]> out = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                var img = reader.read(i);
                out.add(new int[] {Integer.parseInt(gce.getAttribute("delayTime")), img.getWidth(), img.getHeight()});
            }
        } finally {
            reader.dispose();
        }
        return out;
    }

    @Test
    void aGifOfPrimaryLossHasTheTitleAndOneFramePerEventAndIsTheSameEveryTime(@TempDir Path tmp) throws Exception {
        Path gif = tmp.resolve("loss.gif");
        Cli.Run r = Cli.run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1", "--format", "gif",
                "--output", gif.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1); // an outage at the end, as simulate says
        Cli.Run text = Cli.run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1", "--format", "json");
        int events = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(text.out())
                .path("events").size();
        assertThat(events).isPositive();
        byte[] first = Files.readAllBytes(gif);
        List<int[]> frames = gifFrames(first);
        assertThat(frames).hasSize(events + 1);
        assertThat(frames.get(0)[0]).isEqualTo(250); // the title stays 2.5 s
        assertThat(frames.subList(1, frames.size())).allSatisfy(f -> assertThat(f[0]).isEqualTo(200));
        assertThat(frames).allSatisfy(f -> assertThat(new int[] {f[1], f[2]})
                .containsExactly(frames.get(0)[1], frames.get(0)[2]));
        assertThat(r.out()).isEqualTo("wrote " + gif + " (" + frames.size() + " frames, " + frames.get(0)[1] + "x"
                + frames.get(0)[2] + " animated GIF)\n");

        Cli.Run again = Cli.run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1", "--format", "gif",
                "--output", gif.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(Files.readAllBytes(gif)).isEqualTo(first);
    }

    @Test
    void theReplayScriptAsPngsCarriesEveryStepAndTimeInItsCaptions(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("frames");
        Cli.Run r = Cli.run("simulate", "sample-topologies/catifyme-replay.scenario.yaml", "--format",
                "png-sequence", "--output", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> captions = Files.readAllLines(dir.resolve("captions.txt"));
        int n = captions.size();
        assertThat(n).isGreaterThan(10);
        assertThat(r.out()).startsWith("wrote " + n + " frames (").endsWith(" PNG) and captions.txt to " + dir + "\n");
        for (int i = 0; i < n; i++) {
            String name = String.format("frame-%03d.png", i + 1);
            assertThat(captions.get(i)).startsWith(name + ": step " + (i + 1) + " / " + n + " · ");
            assertThat(ImageIO.read(dir.resolve(name).toFile())).isNotNull();
        }
        assertThat(String.join("\n", captions)).contains("· 07:45 · ", "· 08:00 + 30s · ", "· 09:50 · ",
                "Question: ");
        byte[] one = Files.readAllBytes(dir.resolve("frame-005.png"));
        assertThat(Cli.run("simulate", "sample-topologies/catifyme-replay.scenario.yaml", "--format",
                "png-sequence", "--output", dir.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("frame-005.png"))).isEqualTo(one);
    }

    @Test
    void framesNeedAnOutputAndAScriptNamesItsOwnFailures(@TempDir Path tmp) throws Exception {
        Cli.Run none = Cli.run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1", "--format", "gif");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--format gif needs --output FILE.gif");
        Cli.Run both = Cli.run("simulate", "sample-topologies/catifyme-replay.scenario.yaml", "--fail", "db-main-1",
                "--format", "gif", "--output", tmp.resolve("x.gif").toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("a scenario script names its own failures");
        Cli.Run missing = Cli.run("simulate", "sample-topologies/catifyme");
        assertThat(missing.err()).contains("Missing required option: '--fail=X'");
        Cli.Run into = Cli.run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1", "--format",
                "png-sequence", "--output", "sample-topologies/catifyme");
        assertThat(into.exit()).isEqualTo(2);
        assertThat(into.err()).contains("refusing to write into sample-topologies/catifyme");
        assertThat(Files.exists(tmp.resolve("x.gif"))).isFalse();
    }
}
