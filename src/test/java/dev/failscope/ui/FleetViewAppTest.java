package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.generate.FleetWriter;
import dev.failscope.model.Cluster;
import dev.failscope.model.Node;
import dev.failscope.ui.viewmodel.CollapseModel;
import dev.failscope.ui.viewmodel.SceneFilter;
import dev.failscope.ui.viewmodel.Viewport;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A generated fleet on the real application: the filter bar, the minimap, collapse from the keyboard. */
class FleetViewAppTest extends AppTestBase {
    static Path fleet;

    @BeforeAll
    static void generate() throws Exception {
        Path dir = Files.createTempDirectory("failscope-fleet-test");
        fleet = dir.resolve("fleet");
        FleetWriter.write(FleetGenerator.generate(new FleetSpec(60, 2, 3, 6, 7)), fleet);
    }

    @Override
    String[] arguments() {
        return new String[] {fleet.toString()};
    }

    private int clustersOnGraph() throws Exception {
        return scene().topology().clusters().size();
    }

    @Test
    void theFilterBarShowsOnlyClustersWithFindingsAndClearsAgain() throws Exception {
        int all = clustersOnGraph();
        assertThat(all).isEqualTo(60);
        assertThat(robot.lookup("#filter-bar").query().isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#filter-bar").query().isVisible());

        robot.clickOn("#filter-findings");
        waitFor(() -> !graph().viewModel().layingProperty().get() && clustersOnGraph() < all);
        int withFindings = clustersOnGraph();
        assertThat(withFindings).isPositive();
        assertThat(scene().topology().clusters()).allSatisfy(c -> assertThat(app.viewModel().findings().stream()
                .anyMatch(f -> mentions(c, f.subject()) || f.targetOpt().map(t -> mentions(c, t)).orElse(false)))
                .as(c.name()).isTrue());
        assertThat(robot.lookup("#filter-shown").queryAs(Label.class).getText())
                .startsWith("showing " + withFindings + " of 60 clusters");

        ComboBox<String> zone = robot.lookup("#filter-zone").queryComboBox();
        String aZone = zone.getItems().get(1);
        robot.interact(() -> zone.setValue(aZone));
        robot.interact(() -> zone.getOnAction().handle(null));
        waitFor(() -> !graph().viewModel().layingProperty().get()
                && graph().viewModel().filterProperty().get().zone() != null);
        assertThat(graph().viewModel().filterProperty().get())
                .isEqualTo(SceneFilter.NONE.withOnlyFindings(true).withZone(aZone));
        assertThat(clustersOnGraph()).isLessThanOrEqualTo(withFindings);

        var onGraph = scene().topology();
        String hidden = app.viewModel().topology().clusters().stream()
                .filter(c -> onGraph.cluster(c.name()).isEmpty()).findFirst().orElseThrow().name();
        robot.interact(() -> app.view().findForTest(hidden));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .isEqualTo("Found " + hidden + ", hidden by the filter: ✕ Clear filters shows it");

        robot.clickOn("#filter-clear");
        waitFor(() -> !graph().viewModel().layingProperty().get() && clustersOnGraph() == all);
        assertThat(robot.lookup("#filter-findings").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#filter-shown").queryAs(Label.class).getText()).isEmpty();
    }

    private boolean mentions(Cluster c, String name) {
        return c.name().equals(name) || c.members().stream().anyMatch(m -> m.name().equals(name))
                || app.viewModel().topology().policy(c.name()).map(p -> p.candidates().stream()
                .anyMatch(r -> r.name().equals(name))).orElse(false);
    }

    @Test
    void clickingTheMinimapMovesTheViewThere() throws Exception {
        assertThat(graph().minimapCanvas().isVisible()).isTrue();
        assertThat(graph().minimapCanvas().getParent().isVisible()).isTrue();
        robot.interact(() -> graph().setViewport(new Viewport(1, 0, 0)));
        waitFor(() -> true);
        Viewport before = graph().viewport();
        robot.clickOn(graph().minimapCanvas()); // its centre: the middle of the layout
        waitFor(() -> !graph().viewport().equals(before));
        var b = scene().layout().bounds();
        double w = graph().canvas().getWidth();
        double h = graph().canvas().getHeight();
        Viewport v = graph().viewport();
        assertThat(v.scale()).isEqualTo(1.0);
        assertThat(Math.abs(v.toWorldX(w / 2) - b.centerX())).as("centred on the layout's middle x")
                .isLessThan(b.width() / 50 + 10);
        assertThat(Math.abs(v.toWorldY(h / 2) - b.centerY())).isLessThan(b.height() / 50 + 10);

        robot.press(KeyCode.M).release(KeyCode.M);
        waitFor(() -> !graph().minimapCanvas().getParent().isVisible());
    }

    @Test
    void cCollapsesTheSelectedServersClusterAndShiftCExpandsAll() throws Exception {
        Cluster c = app.viewModel().topology().clusters().get(0);
        robot.interact(() -> app.viewModel().select(Node.server(c.primary().name())));
        robot.interact(() -> graph().canvas().requestFocus());
        robot.press(KeyCode.C).release(KeyCode.C);
        waitFor(() -> app.view().collapse().isCollapsed(CollapseModel.cluster(c.name())));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("1 cluster collapsed");
        robot.press(KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT);
        waitFor(() -> app.view().collapse().state().get().isNone());
    }

    @Test
    void theContextMenuCollapsesAServersClusterAndItsZone() throws Exception {
        Cluster c = app.viewModel().topology().clusters().get(0);
        var primary = Node.server(c.primary().name());
        var b = box(primary);
        robot.interact(() -> graph().setViewport(new Viewport(1, graph().canvas().getWidth() / 2 - b.centerX(),
                graph().canvas().getHeight() / 2 - b.centerY())));
        waitFor(() -> true);
        Viewport v = graph().viewport();
        robot.rightClickOn(graph().canvas().localToScreen(v.toScreenX(b.centerX()), v.toScreenY(b.centerY())));
        robot.clickOn("Collapse cluster " + c.name() + "  (C)");
        assertThat(app.view().collapse().isCollapsed(CollapseModel.cluster(c.name()))).isTrue();
        String zone = app.viewModel().topology().server(primary.name()).orElseThrow().zone();
        String region = app.viewModel().topology().server(primary.name()).orElseThrow().region();
        robot.rightClickOn(graph().canvas().localToScreen(v.toScreenX(b.centerX()), v.toScreenY(b.centerY())));
        robot.clickOn("Expand cluster " + c.name() + "  (C)");
        assertThat(app.view().collapse().state().get().isNone()).isTrue();
        robot.rightClickOn(graph().canvas().localToScreen(v.toScreenX(b.centerX()), v.toScreenY(b.centerY())));
        robot.clickOn("Collapse zone " + zone);
        assertThat(app.view().collapse().state().get().ids()).containsExactly(CollapseModel.zone(region, zone));
    }
}
