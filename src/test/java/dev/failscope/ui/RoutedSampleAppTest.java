package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.scene.Scene;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.SimulationViewModel;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's story in the inspector: on catifyme-routed the database fails over and the services stay down, because
 * PgBouncer pins the dead primary; on its fixed twin HAProxy follows the promotion.
 */
class RoutedSampleAppTest extends AppTestBase {

    private SimulationViewModel sim() {
        return app.view().simulation();
    }

    private GraphOverlay loseMainToTheEnd(String sample) throws Exception {
        open(sample);
        robot.interact(() -> sim().simulateLoss("db-main-1"));
        waitFor(() -> sim().activeProperty().get() && !sim().events().isEmpty());
        robot.interact(() -> sim().toEnd());
        lookAt(new Node(NodeKind.ROUTE, sample.endsWith("fixed") ? "haproxy-catify-rw" : "pgbouncer-catify", false),
                1.0);
        return graph().viewModel().overlayProperty().get();
    }

    @Test
    void thePoolerPinsTheDeadPrimaryAndTheServicesStayDownAfterThePromotion() throws Exception {
        GraphOverlay overlay = loseMainToTheEnd("sample-topologies/catifyme-routed");

        assertThat(overlay.promoted()).containsExactly("db-replica-1");
        assertThat(overlay.routes().get("pgbouncer-catify").state()).isEqualTo("pinned");
        assertThat(sim().events()).extracting(SimulationEvent::reason)
                .anyMatch(r -> r.startsWith("service cat-posting still DOWN after db-replica-1 is promoted: "
                        + "pgbouncer-catify pins 10.20.1.11:5432 (db-main-1)"));
        Scene scene = graph().lastScene().orElseThrow();
        assertThat(String.join(" ", scene.texts("pgbouncer-catify"))).contains("PINNED").contains("db-main-1");
    }

    @Test
    void theHealthCheckedProxyFollowsThePromotion() throws Exception {
        GraphOverlay overlay = loseMainToTheEnd("sample-topologies/catifyme-routed-fixed");

        assertThat(overlay.promoted()).containsExactly("db-replica-1");
        assertThat(overlay.routes().get("haproxy-catify-rw").state()).isEqualTo("following");
        Scene scene = graph().lastScene().orElseThrow();
        assertThat(String.join(" ", scene.texts("haproxy-catify-rw"))).contains("FOLLOWING").contains("db-replica-1");
    }
}
