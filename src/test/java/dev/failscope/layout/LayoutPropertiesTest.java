package dev.failscope.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Cluster;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Messy random topologies (missing names, shared members, cycles, zone-less servers) still lay out cleanly. */
class LayoutPropertiesTest {
    @Property(tries = 60)
    void everyVertexGetsAnInBoundsBoxAndLeavesNeverOverlap(@ForAll("seed") long seed,
                                                            @ForAll @IntRange(min = 0, max = 25) int clusters) {
        Topology t = messy(new Random(seed), clusters);
        Layout layout = TopologyLayout.layout(t);
        assertThat(layout.nodes()).hasSize(t.graph().vertexSet().size());
        for (Node n : t.graph().vertexSet()) {
            NodeBox box = layout.box(n).orElseThrow();
            assertThat(layout.bounds().contains(box.box())).isTrue();
        }
        for (Edge e : t.graph().edgeSet()) {
            assertThat(layout.route(e)).isPresent();
        }
        List<NodeBox> leaves = layout.nodes().stream().filter(n -> n.role() != NodeRole.CLUSTER).toList();
        for (int i = 0; i < leaves.size(); i++) {
            for (int j = i + 1; j < leaves.size(); j++) {
                assertThat(leaves.get(i).box().overlaps(leaves.get(j).box()))
                        .as("%s vs %s", leaves.get(i).node(), leaves.get(j).node()).isFalse();
            }
        }
        for (NodeBox n : leaves) {
            if (n.role() == NodeRole.PRIMARY || n.role() == NodeRole.REPLICA) {
                Box cluster = layout.box(NodeKind.CLUSTER, n.cluster()).orElseThrow().box();
                assertThat(cluster.contains(n.box())).isTrue();
            }
        }
        assertThat(TopologyLayout.layout(t).nodes()).isEqualTo(layout.nodes());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seed() {
        return net.jqwik.api.Arbitraries.longs();
    }

    private static Topology messy(Random r, int clusters) {
        TopologyBuilder b = Topology.builder();
        int servers = clusters * 3 + 2;
        String[] zones = {"a", "b", "c", null};
        String[] regions = {"r1", "r2", null};
        for (int i = 0; i < servers; i++) {
            if (r.nextInt(10) == 0) {
                continue;
            }
            ServerStatus status = ServerStatus.values()[r.nextInt(ServerStatus.values().length)];
            String region = regions[r.nextInt(regions.length)];
            String zone = zones[r.nextInt(zones.length)];
            b.server(Fleets.server("s" + i, region, zone == null ? null : region + zone, status));
        }
        for (int c = 0; c < clusters; c++) {
            List<Replica> reps = new ArrayList<>();
            int n = r.nextInt(5);
            for (int k = 0; k < n; k++) {
                String source = r.nextInt(3) == 0 ? "s" + r.nextInt(servers + 3) : null;
                reps.add(Fleets.replica("s" + r.nextInt(servers + 3), source,
                        r.nextBoolean() ? ReplicationMode.SYNC : ReplicationMode.ASYNC, null));
            }
            Cluster cluster = Fleets.cluster("c" + r.nextInt(clusters + 1), "s" + r.nextInt(servers + 3),
                    reps.toArray(Replica[]::new));
            b.cluster(cluster);
            List<String> candidates = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                candidates.add(r.nextInt(4) == 0 ? "ghost" + r.nextInt(5) : "s" + r.nextInt(servers + 3));
            }
            b.policy(Fleets.policy(r.nextInt(6) == 0 ? "nocluster" + c : cluster.name(),
                    candidates.toArray(String[]::new)));
        }
        for (int s = 0; s < clusters / 3 + 1; s++) {
            b.service(Fleets.service("svc" + s, "c" + r.nextInt(clusters + 2)));
        }
        return b.build();
    }
}
