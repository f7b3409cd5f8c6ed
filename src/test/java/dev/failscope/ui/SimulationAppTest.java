package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Box;
import dev.failscope.layout.LayoutMetrics;
import dev.failscope.model.Node;
import dev.failscope.simulation.EventKind;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.ui.graph.CanvasSceneWriter;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.SimulationViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Simulation mode on the real application: stepping, the marks on the graph, and exporting a step. */
class SimulationAppTest extends AppTestBase {

    private SimulationViewModel sim() {
        return app.view().simulation();
    }

    private void simulate(Runnable start) throws Exception {
        robot.interact(start);
        waitFor(() -> sim().activeProperty().get() && !sim().events().isEmpty());
    }

    private int indexOf(EventKind kind) {
        List<SimulationEvent> events = sim().events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " event");
    }

    private GraphOverlay overlay() {
        return graph().viewModel().overlayProperty().get();
    }

    @Test
    void afterASuccessfulFailoverTheClusterIsTaggedDegradedAsTheImpactPanelSays() throws Exception {
        open("sample-topologies/catifyme-fixed");
        simulate(() -> sim().simulateLoss("db-main-1"));
        robot.interact(() -> sim().toEnd());
        assertThat(dev.failscope.ui.viewmodel.Impact.lines(sim().simulationProperty().get().orElseThrow()))
                .contains("1 cluster degraded: catify-main");
        assertThat(overlay().clustersDegraded()).containsExactly("catify-main");
        Box c = box(Node.cluster("catify-main"));
        WritableImage img = lookAt(Node.cluster("catify-main"), 1.0);
        assertThat(pixelsIn(img, Palette.LIGHT.warning(), c.x(), c.y(), c.width(), LayoutMetrics.CLUSTER_HEADER))
                .as("amber of the ▲ DEGRADED tag in the cluster's header").isGreaterThan(150);
    }

    @Test
    void theFailedTagStaysInsideTheServerBox() throws Exception {
        simulate(() -> sim().simulateZoneLoss("us-west-2b"));
        robot.interact(() -> sim().toEnd());
        assertThat(overlay().failed()).containsExactly("db-replica-1");
        Node replica = Node.server("db-replica-1");
        WritableImage img = lookAt(replica, 1.0);
        Box b = box(replica);
        assertThat(pixelsIn(img, Palette.LIGHT.danger(), b.x() - 4, b.y() - 24, b.width() + 8, 22))
                .as("nothing red above the box, where the edge label 'async · lag 2s' is").isZero();
        assertThat(pixelsIn(img, Palette.LIGHT.danger(), b.x(), b.y() + 26, b.width(), 20))
                .as("the ✖ FAILED tag inside the box").isGreaterThan(300);
    }

    @Test
    void theDecommissionedCandidateIsTriedThenTimesOutNeverBothAtOnce() throws Exception {
        simulate(() -> sim().simulateLoss("db-main-1"));
        int attempt = indexOf(EventKind.CANDIDATE_SKIPPED);
        int timeout = indexOf(EventKind.ATTEMPT_TIMED_OUT);
        assertThat(sim().events().get(attempt).reason())
                .isEqualTo("attempt on db-legacy-2: decommissioned, cannot be promoted");

        robot.interact(() -> sim().jumpTo(attempt + 1));
        assertThat(overlay().trying()).isEqualTo("db-legacy-2");
        assertThat(overlay().tryingWhy()).isEqualTo("decommissioned");
        assertThat(overlay().skipped()).doesNotContainKey("db-legacy-2");
        ListView<SimulationEvent> list = robot.lookup("#timeline-events").queryListView();
        assertThat(list.getSelectionModel().getSelectedItem().reason()).doesNotContain("skip");

        robot.interact(() -> sim().jumpTo(timeout + 1));
        assertThat(overlay().trying()).isNull();
        assertThat(overlay().skipped()).containsEntry("db-legacy-2", "timed out: decommissioned");
    }

    @Test
    void aPictureExportedMidSimulationSaysWhichStepAndTime(@TempDir Path tmp) throws Exception {
        simulate(() -> sim().simulateLoss("db-main-1"));
        int attempt = indexOf(EventKind.CANDIDATE_SKIPPED);
        robot.interact(() -> sim().jumpTo(attempt + 1));
        Path svg = tmp.resolve("step.svg");
        robot.interact(() -> app.view().exportTo(svg));
        waitFor(() -> app.viewModel().statusProperty().get().equals("Exported " + svg));
        String text = Files.readString(svg);
        String caption = "simulated loss of db-main-1  —  step " + (attempt + 1) + " / " + sim().events().size()
                + " at t+30s: attempt on db-legacy-2";
        assertThat(text).contains(caption);
    }

    @Test
    void theToolbarLosesTheSelectedServersZone() throws Exception {
        robot.interact(() -> app.viewModel().select(Node.server("db-replica-1")));
        robot.clickOn("#lose-domain");
        robot.clickOn("#lose-selected-zone");
        waitFor(() -> sim().activeProperty().get());
        assertThat(sim().scenarioProperty().get()).extracting(t -> t.label()).containsExactly("zone:us-west-2b");
    }

    @Test
    void theSimulateMenuLosesARegionByName() throws Exception {
        // The menu bar's pop-ups have no scene of their own under Monocle: open the menu as the skin does (its
        // showing handler fills the items), then choose the item.
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu simulate = bar.getMenus().stream().filter(m -> "Simulate".equals(m.getText()))
                .findFirst().orElseThrow();
        robot.interact(() -> simulate.getOnShowing().handle(new javafx.event.Event(javafx.scene.control.Menu.ON_SHOWING)));
        javafx.scene.control.Menu domains = (javafx.scene.control.Menu) simulate.getItems().stream()
                .filter(i -> "Lose a zone, region or host".equals(i.getText())).findFirst().orElseThrow();
        javafx.scene.control.Menu regions = (javafx.scene.control.Menu) domains.getItems().stream()
                .filter(i -> "Region loss (1)".equals(i.getText())).findFirst().orElseThrow();
        assertThat(regions.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("us-west-2  (3 servers)");
        robot.interact(() -> regions.getItems().get(0).fire());
        waitFor(() -> sim().activeProperty().get());
        assertThat(sim().scenarioProperty().get()).extracting(t -> t.label()).containsExactly("region:us-west-2");
        robot.interact(() -> sim().toEnd());
        assertThat(overlay().failed()).containsExactlyInAnyOrder("db-main-1", "db-replica-1", "db-legacy-2");
    }

    @Test
    void searchFindsZonesAndHostsAndTheToolbarLosesTheFoundHost() throws Exception {
        robot.clickOn("#search").write("us-west-2c").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().statusProperty().get()).startsWith("Found zone us-west-2c (1 server: db-legacy-2)");
        assertThat(graph().shownDomain()).isPresent();

        robot.interact(() -> robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#search").write("usw2b").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().statusProperty().get()).startsWith("Found host usw2b-r02-n07 (1 server: db-replica-1)");
        Box found = graph().shownDomain().orElseThrow();
        Box replica = box(Node.server("db-replica-1"));
        assertThat(found.contains(replica)).isTrue();
        double cx = graph().viewport().toScreenX(found.centerX());
        assertThat(cx).isCloseTo(graph().canvas().getWidth() / 2, org.assertj.core.data.Offset.offset(2.0));

        robot.clickOn("#lose-domain");
        robot.clickOn("#lose-found");
        waitFor(() -> sim().activeProperty().get());
        assertThat(sim().scenarioProperty().get()).extracting(t -> t.label()).containsExactly("host:usw2b-r02-n07");
    }

    @Test
    void everyGlyphOfTheStepperAndTheGraphTagsIsInTheFont() throws Exception {
        simulate(() -> sim().simulateLoss("db-main-1"));
        List<String> texts = new ArrayList<>();
        for (String id : List.of("#sim-reset", "#sim-back", "#sim-play", "#sim-forward", "#sim-end", "#sim-exit")) {
            texts.add(robot.lookup(id).queryAs(Button.class).getText());
        }
        robot.interact(() -> sim().playingProperty().set(true));
        texts.add(robot.lookup("#sim-play").queryAs(Button.class).getText());
        robot.interact(() -> sim().playingProperty().set(false));
        texts.add(CanvasSceneWriter.FAILED_TAG);
        texts.add(CanvasSceneWriter.DEGRADED_TAG);
        Font font = robot.lookup("#sim-play").queryAs(Button.class).getFont();
        WritableImage missing = render("\uE000", font);
        for (String t : texts) {
            t.codePoints().filter(c -> c > 0x7f).forEach(c -> assertThat(same(render(Character.toString(c), font),
                    missing)).as("U+%04X of '%s' has a glyph (not the empty box)", c, t).isFalse());
        }
    }

    private static WritableImage render(String s, Font font) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            Text t = new Text(s);
            t.setFont(Font.font(font.getFamily(), 24));
            new javafx.scene.Scene(new javafx.scene.Group(t));
            return t.snapshot(null, null);
        }));
    }

    private static boolean same(WritableImage a, WritableImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
