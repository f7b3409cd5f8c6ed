package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Routes in the inspector: the band between services and lanes, their details, and their simulated state. */
class RouteViewTest {
    private static final String ROUTED = "sample-topologies/catifyme-routed";

    private static Inspection inspect(String path) {
        return new Inspector().inspect(List.of(path));
    }

    @Test
    void routesSitBetweenServicesAndLanesWithEdgesToTheirTargets() {
        Inspection i = inspect(ROUTED);
        GraphScene s = GraphSceneBuilder.build(i.topology(), i.findings());
        NodeBox route = s.layout().box(Node.route("pgbouncer-catify")).orElseThrow();
        NodeBox service = s.layout().box(Node.service("cat-posting")).orElseThrow();
        NodeBox primary = s.layout().box(Node.server("db-main-1")).orElseThrow();

        assertThat(route.role()).isEqualTo(NodeRole.ROUTE);
        assertThat(route.box().y()).isGreaterThan(service.box().maxY());
        assertThat(route.box().maxY()).isLessThan(primary.box().y());
        List<Edge> routing = i.topology().graph().edgeSet().stream().filter(e -> e.kind() == EdgeKind.ROUTING)
                .toList();
        assertThat(routing).extracting(e -> e.from().name() + "->" + e.to().name()).containsExactlyInAnyOrder(
                "cat-posting->pgbouncer-catify", "cat-liking->pgbouncer-catify", "cat-commenting->pgbouncer-catify",
                "pgbouncer-catify->db-main-1");
        assertThat(s.look(Node.route("pgbouncer-catify")).subtitle()).isEqualTo("pgbouncer, fixed host");
    }

    @Test
    void aDanglingRouteTargetIsABrokenEdgeToAMissingGhost() {
        Inspection i = inspect("src/test/resources/routes/dangling");
        GraphScene s = GraphSceneBuilder.build(i.topology(), i.findings());
        Edge e = i.topology().graph().edgeSet().stream().filter(x -> x.kind() == EdgeKind.ROUTING)
                .filter(x -> x.to().missing()).findFirst().orElseThrow();

        assertThat(e.to()).isEqualTo(new Node(dev.failscope.model.NodeKind.SERVER, "db-legacy-2", true));
        assertThat(s.look(e).broken()).isTrue();
        assertThat(s.look(e).label()).isEqualTo("✖ missing");
    }

    @Test
    void detailsListEveryFactWithItsPosition() {
        Inspection i = inspect(ROUTED);
        Details d = new DetailsBuilder(i.topology(), i.findings(), p -> Optional.empty())
                .build(Node.route("pgbouncer-catify"), null);

        assertThat(d.kind()).isEqualTo("route");
        assertThat(d.properties()).extracting(p -> p.key() + "=" + p.value()).contains("software=pgbouncer",
                "serves=catify-main", "follows=fixed host", "target #1=10.20.1.11:5432 → db-main-1");
        assertThat(d.properties().stream().filter(p -> p.key().equals("target #1")).findFirst().orElseThrow()
                .position().orElseThrow().line()).isEqualTo(12);
        assertThat(d.findings()).extracting(f -> f.rule()).containsExactly("route-pins-server");
    }

    @Test
    void theOverlayShowsTheRoutePinnedThenAFixedTwinFollowing() {
        Simulation pinned = new Simulator(inspect(ROUTED).topology()).run(FailureScenario.servers("db-main-1"));
        Simulation fixed = new Simulator(inspect(ROUTED + "-fixed").topology())
                .run(FailureScenario.servers("db-main-1"));

        GraphOverlay end = OverlayBuilder.at(pinned.timeline().events(), pinned.timeline().events().size());
        assertThat(end.routes().get("pgbouncer-catify")).isEqualTo(new GraphOverlay.RouteLook("pinned", "db-main-1"));
        GraphOverlay before = OverlayBuilder.at(pinned.timeline().events(), 0);
        assertThat(before.routes()).isEmpty();
        List<dev.failscope.simulation.SimulationEvent> events = fixed.timeline().events();
        GraphOverlay waiting = OverlayBuilder.at(events, events.indexOf(events.stream()
                .filter(e -> e.kind().label().equals("route-waiting") && e.atMillis() == 30_000).findFirst()
                .orElseThrow()) + 1);
        assertThat(waiting.routes().get("haproxy-catify-rw").following()).isFalse();
        GraphOverlay after = OverlayBuilder.at(events, events.size());
        assertThat(after.routes().get("haproxy-catify-rw")).isEqualTo(
                new GraphOverlay.RouteLook("following", "db-replica-1"));
    }
}
