package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspector;
import dev.failscope.model.Node;
import dev.failscope.simulation.EventKind;
import dev.failscope.ui.viewmodel.GraphOverlay.ServiceHealth;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SimulationViewModelTest {
    private final Executor sync = Runnable::run;

    private record Fixture(MainViewModel main, GraphViewModel graph, SimulationViewModel sim) {
    }

    private Fixture open(String path) {
        MainViewModel main = new MainViewModel(new Inspector(), sync, sync);
        GraphViewModel graph = new GraphViewModel(main, sync, sync);
        SimulationViewModel sim = new SimulationViewModel(main, graph, sync, sync);
        main.open(List.of(path));
        return new Fixture(main, graph, sim);
    }

    @Test
    void losingDbMain1OnCatifyMePlaysThePostmortem() {
        Fixture f = open(MainViewModelTest.CATIFYME);
        f.sim().simulateLoss("db-main-1");
        assertThat(f.sim().activeProperty().get()).isTrue();
        assertThat(f.sim().stepProperty().get()).isZero();
        assertThat(f.graph().overlayProperty().get().failed()).isEmpty();

        f.sim().stepForward();
        assertThat(f.graph().overlayProperty().get().failed()).containsExactly("db-main-1");

        int skip = indexOf(f.sim(), EventKind.CANDIDATE_SKIPPED);
        f.sim().jumpTo(skip + 1);
        GraphOverlay atSkip = f.graph().overlayProperty().get();
        assertThat(atSkip.trying()).isEqualTo("db-legacy-2");
        assertThat(atSkip.tryingWhy()).isEqualTo("decommissioned");
        assertThat(atSkip.skipped()).as("tried, not yet given up on").doesNotContainKey("db-legacy-2");

        while (f.sim().stepProperty().get() < f.sim().events().size()) {
            f.sim().stepForward();
        }
        GraphOverlay end = f.graph().overlayProperty().get();
        assertThat(end.clustersDown()).containsExactly("catify-main");
        assertThat(end.promoted()).isEmpty();
        assertThat(end.services()).containsOnly(
                java.util.Map.entry("cat-posting", ServiceHealth.DOWN),
                java.util.Map.entry("cat-liking", ServiceHealth.DOWN),
                java.util.Map.entry("cat-commenting", ServiceHealth.DOWN));
        assertThat(end.trying()).isNull();
        List<String> impact = Impact.lines(f.sim().simulationProperty().get().orElseThrow());
        assertThat(impact).contains("1 cluster down: catify-main",
                "3 services down: cat-commenting, cat-liking, cat-posting");
        assertThat(f.sim().json().orElseThrow()).contains("\"clusters_down\"").contains("catify-main");
    }

    @Test
    void onTheFixedSampleTheReplicaIsPromoted() {
        Fixture f = open("sample-topologies/catifyme-fixed");
        f.sim().simulateLoss("db-main-1");
        f.sim().toEnd();
        GraphOverlay end = f.graph().overlayProperty().get();
        assertThat(end.promoted()).containsExactly("db-replica-1");
        assertThat(end.clustersDown()).isEmpty();
        assertThat(end.services().values()).doesNotContain(ServiceHealth.DOWN);
    }

    @Test
    void stepBackResetAndExit() {
        Fixture f = open(MainViewModelTest.CATIFYME);
        f.sim().simulateLoss("db-main-1");
        f.sim().toEnd();
        int end = f.sim().stepProperty().get();
        f.sim().stepBack();
        assertThat(f.sim().stepProperty().get()).isEqualTo(end - 1);
        f.sim().jumpTo(999);
        assertThat(f.sim().stepProperty().get()).isEqualTo(end);
        f.sim().playingProperty().set(true);
        f.sim().reset();
        assertThat(f.sim().stepProperty().get()).isZero();
        assertThat(f.sim().playingProperty().get()).isFalse();
        f.sim().exit();
        assertThat(f.sim().activeProperty().get()).isFalse();
        assertThat(f.graph().overlayProperty().get()).isEqualTo(GraphOverlay.NONE);
    }

    @Test
    void shiftClickAddsFailuresAndZoneLossFailsTheZone() {
        Fixture f = open(MainViewModelTest.CATIFYME);
        f.sim().simulateLoss("db-main-1");
        f.sim().addFailure("db-replica-1");
        f.sim().addFailure("db-replica-1");
        assertThat(f.sim().scenarioProperty().get()).extracting(t -> t.label())
                .containsExactly("db-main-1", "db-replica-1");
        f.sim().simulateZoneLoss("us-west-2b");
        f.sim().toEnd();
        assertThat(f.graph().overlayProperty().get().failed()).containsExactly("db-replica-1");
        f.sim().simulateRegionLoss("us-west-2");
        f.sim().toEnd();
        assertThat(f.graph().overlayProperty().get().failed())
                .containsExactlyInAnyOrder("db-main-1", "db-replica-1", "db-legacy-2");
    }

    @Test
    void simulateSelectedNeedsAServer() {
        Fixture f = open(MainViewModelTest.CATIFYME);
        assertThat(f.sim().simulateSelected()).isFalse();
        f.main().select(Node.cluster("catify-main"));
        assertThat(f.sim().simulateSelected()).isFalse();
        f.main().select(Node.server("db-main-1"));
        assertThat(f.sim().simulateSelected()).isTrue();
    }

    @Test
    void openingAnotherTopologyLeavesSimulationModeAndReloadingReplays() {
        Fixture f = open(MainViewModelTest.CATIFYME);
        f.sim().simulateLoss("db-main-1");
        f.sim().toEnd();
        f.main().reload();
        assertThat(f.sim().activeProperty().get()).isTrue();
        assertThat(f.sim().stepProperty().get()).isZero();
        assertThat(f.sim().scenarioProperty().get()).extracting(t -> t.label()).containsExactly("db-main-1");
        f.main().open(List.of("sample-topologies/catifyme-fixed"));
        assertThat(f.sim().activeProperty().get()).isFalse();
        assertThat(f.graph().overlayProperty().get()).isEqualTo(GraphOverlay.NONE);
    }

    private static int indexOf(SimulationViewModel sim, EventKind kind) {
        for (int i = 0; i < sim.events().size(); i++) {
            if (sim.events().get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError("no " + kind);
    }
}
