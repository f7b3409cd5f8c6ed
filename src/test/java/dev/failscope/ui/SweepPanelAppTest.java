package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SweepRow;
import dev.failscope.ui.graph.Palette;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** The sweep tab on the real application: the same rows as {@code failscope sweep --domains}. */
class SweepPanelAppTest extends AppTestBase {

    private TableView<SweepRow> table() {
        return robot.lookup("#sweep-table").queryTableView();
    }

    private void sweep() throws Exception {
        robot.clickOn("#sweep-tab");
        waitFor(() -> !app.view().sweep().runningProperty().get() && !app.view().sweep().rows().isEmpty());
    }

    @Test
    void openingTheTabSweepsEverySingleFailureWorstFirst() throws Exception {
        sweep();
        assertThat(table().getItems()).hasSize(10);
        assertThat(table().getItems().subList(0, 4)).allSatisfy(r -> assertThat(r.result()).isEqualTo(Health.DOWN));
        assertThat(table().getItems()).extracting(SweepRow::label).contains("db-main-1", "zone:us-west-2a",
                "region:us-west-2", "host:usw2a-r04-n12", "db-legacy-2");
        assertThat(robot.lookup("#sweep-summary").queryAs(Label.class).getText())
                .isEqualTo("4 of 10 single failures cause an outage; 3 degrade, 3 have no effect");

        robot.clickOn("Failure"); // sort by the failure's name
        assertThat(table().getItems().get(0).label()).isEqualTo("db-legacy-2");
    }

    @Test
    void singlePointsOfFailureStandOutOnTheGraph() throws Exception {
        sweep();
        assertThat(graph().viewModel().spofProperty().get()).containsEntry("db-main-1", "its loss alone")
                .doesNotContainKeys("db-replica-1", "db-legacy-2");
        Node main = Node.server("db-main-1");
        var img = lookAt(main, 1.0);
        Box b = box(main);
        assertThat(pixelsIn(img, Palette.LIGHT.danger(), b.x() + 20, b.maxY(), b.width() - 20, 12))
                .as("the red ring and ⚠ SPOF tag under db-main-1").isGreaterThan(150);
        Box r = box(Node.server("db-replica-1"));
        assertThat(pixelsIn(lookAt(Node.server("db-replica-1"), 1.0), Palette.LIGHT.danger(), r.x(), r.maxY(),
                r.width(), 12)).as("db-replica-1 is not a single point of failure").isZero();
    }

    @Test
    void choosingARowShowsThatFailuresOutcomeOnTheGraph() throws Exception {
        sweep();
        int row = table().getItems().stream().map(SweepRow::label).toList().indexOf("db-replica-1");
        robot.interact(() -> table().getSelectionModel().select(row));
        var sim = app.view().simulation();
        waitFor(() -> sim.activeProperty().get() && sim.stepProperty().get() == sim.events().size());
        var overlay = graph().viewModel().overlayProperty().get();
        assertThat(overlay.failed()).containsExactly("db-replica-1");
        assertThat(overlay.clustersDegraded()).containsExactly("catify-main");
    }

    @Test
    void anotherTopologyClearsTheSweep() throws Exception {
        sweep();
        open("sample-topologies/catifyme-fixed");
        assertThat(table().getItems()).isEmpty();
        assertThat(graph().viewModel().spofProperty().get()).isEmpty();
        assertThat(app.view().sweep().summaryProperty().get()).isEqualTo("Topology changed: run the sweep again.");
    }
}
