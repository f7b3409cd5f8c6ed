package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.scene.SceneState;
import dev.failscope.simulation.EventKind;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GUI's step overlay says what the core's replay (the review page) says, step by step. */
class OverlayBuilderTest {
    @Test
    void aClusterHasNoPrimaryFromItsLossOnAsTheReviewPageShows() {
        for (String sample : List.of("sample-topologies/catifyme", "sample-topologies/catifyme-fixed")) {
            Inspection i = new Inspector().inspect(List.of(sample));
            Simulation sim = new Simulator(i.topology()).run(FailureScenario.servers("db-main-1"));
            var events = sim.timeline().events();
            int lost = 0;
            while (events.get(lost).kind() != EventKind.PRIMARY_LOST) {
                lost++;
            }
            assertThat(OverlayBuilder.at(events, lost + 1).clustersDown()).as(sample).containsExactly("catify-main");
            for (int k = 0; k <= events.size(); k++) {
                GraphOverlay gui = OverlayBuilder.at(events, k);
                SceneState page = SceneState.of(sim.step(k));
                assertThat(gui.clustersDown()).as("%s step %d", sample, k).isEqualTo(page.down());
                assertThat(gui.failed()).as("%s step %d", sample, k).isEqualTo(page.failed());
                assertThat(gui.promoted()).as("%s step %d", sample, k).isEqualTo(page.promoted());
            }
        }
    }
}
