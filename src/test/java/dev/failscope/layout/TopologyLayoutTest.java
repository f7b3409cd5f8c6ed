package dev.failscope.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Cluster;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyLayoutTest {
    private static final Topology FLEET = Fleets.fleet(120, 3);

    @Test
    void everyVertexHasOneBoxAndEveryEdgeARoute() {
        for (Topology t : List.of(Fleets.catifyme(), FLEET, Topology.empty())) {
            Layout layout = TopologyLayout.layout(t);
            assertThat(layout.nodes()).hasSize(t.graph().vertexSet().size());
            for (Node n : t.graph().vertexSet()) {
                assertThat(layout.box(n)).as("box of %s", n).isPresent();
            }
            assertThat(layout.edges()).hasSize(t.graph().edgeSet().size());
            for (Edge e : t.graph().edgeSet()) {
                EdgeRoute r = layout.route(e).orElseThrow();
                assertThat(r.points()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(layout.bounds().contains(r.bounds())).isTrue();
            }
            for (NodeBox n : layout.nodes()) {
                assertThat(layout.bounds().contains(n.box())).as("%s in bounds", n.node()).isTrue();
            }
        }
    }

    @Test
    void membersAreInsideTheirClusterBox() {
        Layout layout = TopologyLayout.layout(FLEET);
        for (Cluster c : FLEET.clusters()) {
            Box box = layout.box(Node.cluster(c.name())).orElseThrow().box();
            for (var m : c.members()) {
                NodeBox member = layout.box(NodeKind.SERVER, m.name()).orElseThrow();
                assertThat(box.contains(member.box())).as("%s inside %s", m.name(), c.name()).isTrue();
                assertThat(member.cluster()).isEqualTo(c.name());
            }
        }
    }

    @Test
    void serverAndServiceBoxesDoNotOverlapAndClusterBoxesDoNotOverlap() {
        Layout layout = TopologyLayout.layout(FLEET);
        List<NodeBox> leaves = layout.nodes().stream().filter(n -> n.role() != NodeRole.CLUSTER).toList();
        List<NodeBox> clusters = layout.nodes().stream().filter(n -> n.role() == NodeRole.CLUSTER).toList();
        assertNoOverlap(leaves);
        assertNoOverlap(clusters);
        for (NodeBox s : leaves) {
            for (NodeBox c : layout.nodesIn(s.box().x(), s.box().y(), s.box().width(), s.box().height())) {
                if (c.role() == NodeRole.CLUSTER && c.box().overlaps(s.box())) {
                    assertThat(c.box().contains(s.box())).as("%s cut by %s", s.node(), c.node()).isTrue();
                    assertThat(s.cluster()).isEqualTo(c.node().name());
                }
            }
        }
    }

    private static void assertNoOverlap(List<NodeBox> boxes) {
        List<NodeBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(n -> n.box().x()));
        for (int i = 0; i < sorted.size(); i++) {
            Box a = sorted.get(i).box();
            for (int j = i + 1; j < sorted.size() && sorted.get(j).box().x() < a.maxX(); j++) {
                assertThat(a.overlaps(sorted.get(j).box()))
                        .as("%s overlaps %s", sorted.get(i).node(), sorted.get(j).node()).isFalse();
            }
        }
    }

    @Test
    void primaryIsAboveReplicasAndCascadingReplicasAreBelowTheirSource() {
        Layout layout = TopologyLayout.layout(FLEET);
        int cascades = 0;
        for (Edge e : FLEET.graph().edgeSet()) {
            if (e.kind() != EdgeKind.REPLICATION) {
                continue;
            }
            NodeBox src = layout.box(e.from()).orElseThrow();
            NodeBox rep = layout.box(e.to()).orElseThrow();
            assertThat(rep.box().y()).as("%s below %s", e.to(), e.from()).isGreaterThanOrEqualTo(src.box().maxY());
            assertThat(rep.depth()).isEqualTo(src.depth() + 1);
            if (src.role() == NodeRole.REPLICA) {
                cascades++;
            }
        }
        assertThat(cascades).isPositive();
        for (Cluster c : FLEET.clusters()) {
            assertThat(layout.box(NodeKind.SERVER, c.primary().name()).orElseThrow().role())
                    .isEqualTo(NodeRole.PRIMARY);
        }
    }

    @Test
    void lanesAreZonesSortedAndServersSitInTheirZoneLane() {
        Layout layout = TopologyLayout.layout(Fleets.catifyme());
        assertThat(layout.lanes()).extracting(Lane::label).containsExactly(
                "us-west-2 / us-west-2a", "us-west-2 / us-west-2b", "us-west-2 / us-west-2c");
        NodeBox legacy = layout.box(Node.server("db-legacy-2")).orElseThrow();
        assertThat(layout.lanes().get(legacy.lane()).zone()).isEqualTo("us-west-2c");
        assertThat(layout.lanes().get(legacy.lane()).bounds().contains(legacy.box())).isTrue();
        assertThat(legacy.role()).isEqualTo(NodeRole.STANDALONE);
        assertThat(legacy.cluster()).isEqualTo("catify-main");
    }

    @Test
    void decommissionedTargetSitsBesideTheClusterThatFailsOverToIt() {
        Layout layout = TopologyLayout.layout(Fleets.catifyme());
        Box cluster = layout.box(Node.cluster("catify-main")).orElseThrow().box();
        Box legacy = layout.box(Node.server("db-legacy-2")).orElseThrow().box();
        assertThat(legacy.x()).isGreaterThan(cluster.maxX());
        assertThat(legacy.x() - cluster.maxX()).isLessThan(100);
        assertThat(legacy.y()).isBetween(cluster.y(), cluster.maxY());
    }

    @Test
    void missingFailoverTargetGetsAGhostBoxNearItsCluster() {
        Topology t = Topology.builder()
                .server(Fleets.server("a", "r", "r-a", ServerStatus.ACTIVE))
                .server(Fleets.server("b", "r", "r-b", ServerStatus.ACTIVE))
                .cluster(Fleets.cluster("main", "a", Fleets.replica("b", null, ReplicationMode.SYNC, null)))
                .policy(Fleets.policy("main", "b", "ghost-1"))
                .service(Fleets.service("app", "main", "nowhere"))
                .build();
        Layout layout = TopologyLayout.layout(t);
        NodeBox ghost = layout.box(new Node(NodeKind.SERVER, "ghost-1", true)).orElseThrow();
        assertThat(ghost.cluster()).isEqualTo("main");
        assertThat(layout.lanes().get(ghost.lane()).zone()).isNull();
        Box main = layout.box(Node.cluster("main")).orElseThrow().box();
        assertThat(ghost.box().y()).isBetween(main.y(), main.maxY());
        assertThat(layout.box(new Node(NodeKind.CLUSTER, "nowhere", true))).isPresent();
        Edge dangling = t.graph().edgeSet().stream().filter(e -> e.to().name().equals("ghost-1")).findFirst()
                .orElseThrow();
        assertThat(layout.route(dangling).orElseThrow().end().x()).isEqualTo(ghost.box().x());
    }

    @Test
    void servicesSitInTheBandAboveTheLanes() {
        Layout layout = TopologyLayout.layout(Fleets.catifyme());
        double lanesTop = layout.lanes().get(0).bounds().y();
        List<NodeBox> services = layout.nodes().stream().filter(n -> n.role() == NodeRole.SERVICE).toList();
        assertThat(services).hasSize(3);
        for (NodeBox s : services) {
            assertThat(layout.serviceBand().contains(s.box())).isTrue();
            assertThat(s.box().maxY()).isLessThan(lanesTop);
        }
    }

    @Test
    void layoutIsDeterministicAndIndependentOfDeclarationOrder() {
        Layout a = TopologyLayout.layout(FLEET);
        Layout again = TopologyLayout.layout(Fleets.fleet(120, 3));
        assertThat(again.nodes()).isEqualTo(a.nodes());
        assertThat(again.edges()).isEqualTo(a.edges());
        assertThat(again.lanes()).isEqualTo(a.lanes());

        var reversed = Topology.builder();
        reverse(FLEET.servers()).forEach(reversed::server);
        reverse(FLEET.clusters()).forEach(reversed::cluster);
        reverse(FLEET.policies()).forEach(reversed::policy);
        reverse(FLEET.services()).forEach(reversed::service);
        Layout b = TopologyLayout.layout(reversed.build());
        assertThat(b.nodes()).isEqualTo(a.nodes());
        assertThat(b.lanes()).isEqualTo(a.lanes());
        assertThat(b.edges()).containsExactlyInAnyOrderElementsOf(a.edges());
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void longCascadeAndReplicationCycleDoNotBreakTheLayout() {
        var b = Topology.builder();
        List<dev.failscope.model.Replica> reps = new ArrayList<>();
        b.server(Fleets.server("s0", "r", "z", ServerStatus.ACTIVE));
        for (int i = 1; i < 300; i++) {
            b.server(Fleets.server("s" + i, "r", "z", ServerStatus.ACTIVE));
            reps.add(Fleets.replica("s" + i, i == 1 ? null : "s" + (i - 1), ReplicationMode.ASYNC,
                    Duration.ofSeconds(1)));
        }
        b.server(Fleets.server("x", "r", "z", ServerStatus.ACTIVE));
        b.server(Fleets.server("y", "r", "z", ServerStatus.ACTIVE));
        reps.add(Fleets.replica("x", "y", ReplicationMode.ASYNC, null));
        reps.add(Fleets.replica("y", "x", ReplicationMode.ASYNC, null));
        b.cluster(Fleets.cluster("chain", "s0", reps.toArray(dev.failscope.model.Replica[]::new)));
        Layout layout = TopologyLayout.layout(b.build());
        assertThat(layout.box(Node.server("s299")).orElseThrow().depth()).isEqualTo(299);
        assertThat(layout.box(Node.server("x")).orElseThrow().depth()).isPositive();
    }
}
