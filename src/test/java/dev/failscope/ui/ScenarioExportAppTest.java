package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.cli.SimulateFramesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export scenario…: the running simulation as an animated GIF, the replay script as PNG frames. */
class ScenarioExportAppTest extends AppTestBase {

    private String status() {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    @Test
    void theSimulationOnScreenExportsAsAGifWithOneFramePerStep(@TempDir Path tmp) throws Exception {
        robot.interact(() -> app.view().exportScenarioTo(tmp.resolve("none.gif"), true));
        assertThat(status()).startsWith("Nothing to export: simulate a loss (K)");

        robot.interact(() -> app.view().simulation().simulateLoss("db-main-1"));
        var sim = app.view().simulation();
        waitFor(() -> sim.activeProperty().get() && !sim.events().isEmpty());
        Path gif = tmp.resolve("loss.gif");
        robot.interact(() -> app.view().exportScenarioTo(gif, true));
        waitFor(() -> status().startsWith("Exported"));
        assertThat(status()).isEqualTo("Exported " + (sim.events().size() + 1) + " frames as an animated GIF to " + gif);
        assertThat(SimulateFramesTest.gifFrames(Files.readAllBytes(gif))).hasSize(sim.events().size() + 1);
        // the same frames as the CLI's (same heading aside): one per event after the title
        assertThat(app.view().exportingProperty().get()).isFalse();
    }

    @Test
    void theReplayScriptExportsAsPngFramesWithStepAndTimeCaptions(@TempDir Path tmp) throws Exception {
        robot.interact(() -> app.view().openScenario(ScenarioAppTest.REPLAY));
        waitFor(() -> app.view().presentation().activeProperty().get());
        int slides = app.view().presentation().beats().size();
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !app.view().presentation().activeProperty().get());
        Path dir = tmp.resolve("replay");
        robot.interact(() -> app.view().exportScenarioTo(dir, false));
        waitFor(() -> status().startsWith("Exported"));
        assertThat(status()).isEqualTo("Exported " + slides + " PNG frames and captions.txt to " + dir);
        List<String> captions = Files.readAllLines(dir.resolve("captions.txt"));
        assertThat(captions).hasSize(slides);
        assertThat(captions.get(2)).startsWith("frame-003.png: step 3 / " + slides + " · 07:45 · Question: ");
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(slides);

        Path input = Path.of("sample-topologies/catifyme");
        robot.interact(() -> app.view().exportScenarioTo(input, false));
        waitFor(() -> status().startsWith("Could not export"));
        assertThat(status()).contains("refusing to write into sample-topologies/catifyme");
    }
}
