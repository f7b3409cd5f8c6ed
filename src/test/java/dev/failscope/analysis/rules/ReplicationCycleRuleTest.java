package dev.failscope.analysis.rules;

import static dev.failscope.analysis.rules.Fixture.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationCycleRuleTest {
    private static final String RULE = "replication-cycle";

    @TempDir
    Path dir;

    private Fixture withCluster(String replicas) {
        return new Fixture(dir).base()
                .write("spare.yaml", """
                        kind: inventory
                        servers:
                          - {name: db-4, region: us, zone: us-c, host: h4}
                        """)
                .write("cluster.yaml", """
                        kind: cluster
                        name: main
                        primary: db-1
                        replicas:
                        """ + replicas);
    }

    @Test
    void twoReplicasFeedingEachOtherAreReportedOnceAtTheClosingSource() {
        List<Finding> found = withCluster("""
                  - {server: db-2, source: db-3}
                  - {server: db-3, source: db-2}
                """).findings(RULE);
        assertThat(found).hasSize(1);
        assertFinding(found.get(0), RULE, "main", null, "cluster.yaml", 6, 28);
        assertThat(found.get(0).message()).isEqualTo("replica sources of cluster 'main' form a cycle "
                + "(db-3 -> db-2 -> db-3): none of these servers receives data from primary 'db-1'; point the "
                + "source of 'db-3' at the primary or at a replica outside the cycle");
    }

    @Test
    void aReplicaThatIsItsOwnSourceIsACycle() {
        Finding f = withCluster("""
                  - {server: db-2, source: db-2}
                  - {server: db-3}
                """).only(RULE);
        assertFinding(f, RULE, "main", null, "cluster.yaml", 5, 28);
        assertThat(f.message()).contains("(db-2 -> db-2)");
    }

    @Test
    void aPrimaryListedAsItsOwnReplicaIsACycle() {
        Finding f = withCluster("""
                  - {server: db-2}
                  - {server: db-1}
                """).only(RULE);
        assertFinding(f, RULE, "main", null, "cluster.yaml", 6, 14);
        assertThat(f.message()).contains("(db-1 -> db-1)");
    }

    @Test
    void aLongerCycleIsNamedInStreamingOrder() {
        Finding f = withCluster("""
                  - {server: db-2, source: db-4}
                  - {server: db-3, source: db-2}
                  - {server: db-4, source: db-3}
                """).only(RULE);
        assertFinding(f, RULE, "main", null, "cluster.yaml", 7, 28);
        assertThat(f.message()).contains("(db-4 -> db-2 -> db-3 -> db-4)", "point the source of 'db-4'");
    }

    @Test
    void eachClusterReportsItsOwnCycle() {
        List<Finding> found = withCluster("""
                  - {server: db-2, source: db-3}
                  - {server: db-3, source: db-2}
                """).write("other.yaml", """
                kind: inventory
                servers:
                  - {name: db-5, zone: us-a}
                  - {name: db-6, zone: us-b}
                  - {name: db-7, zone: us-c}
                ---
                kind: cluster
                name: other
                primary: db-5
                replicas:
                  - {server: db-6, source: db-7}
                  - {server: db-7, source: db-6}
                """).findings(RULE);
        assertThat(found).extracting(Finding::subject).containsExactly("main", "other");
        assertFinding(found.get(1), RULE, "other", null, "other.yaml", 12, 28);
    }

    @Test
    void cascadingReplicationIsNotACycle() {
        assertThat(withCluster("""
                  - {server: db-2}
                  - {server: db-3, source: db-2}
                  - {server: db-4, source: db-3}
                """).findings(RULE)).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameFindings() {
        String replicas = """
                  - {server: db-2, source: db-4}
                  - {server: db-3, source: db-2}
                  - {server: db-4, source: db-3}
                """;
        List<Finding> first = withCluster(replicas).findings();
        assertThat(withCluster(replicas).findings()).isEqualTo(first);
    }

    /**
     * The pre-check only spares JGraphT: on random clusters (sources among the members, missing names, the primary
     * listed as a replica, replicas listed twice) it says "no cycle" only when a plain search finds none.
     */
    @Test
    void thePreCheckNeverHidesACycle() {
        java.util.Random random = new java.util.Random(16);
        dev.failscope.model.SourcePosition at = new dev.failscope.model.SourcePosition("t.yaml", 1, 1);
        int cyclic = 0;
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(5);
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i <= n + 1; i++) {
                names.add("s" + i);
            }
            List<dev.failscope.model.Replica> replicas = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String server = names.get(random.nextInt(n + 1));
                String source = random.nextInt(3) == 0 ? null : names.get(random.nextInt(names.size()));
                replicas.add(new dev.failscope.model.Replica(new dev.failscope.model.Ref(server, at),
                        source == null ? null : new dev.failscope.model.Ref(source, at),
                        dev.failscope.model.ReplicationMode.ASYNC, null, dev.failscope.model.Facts.NONE));
            }
            dev.failscope.model.Cluster c = new dev.failscope.model.Cluster("c", at, null,
                    new dev.failscope.model.Ref("s0", at), replicas, dev.failscope.model.Facts.NONE, null);
            boolean cycle = hasCycle(c);
            cyclic += cycle ? 1 : 0;
            if (cycle) {
                assertThat(ReplicationCycleRule.mayCycle(c)).as(replicas.toString()).isTrue();
            }
        }
        assertThat(cyclic).isGreaterThan(1000);
    }

    /** Depth-first search over the edges source -> replica (the primary when no source is written). */
    private static boolean hasCycle(dev.failscope.model.Cluster c) {
        java.util.Map<String, List<String>> next = new java.util.HashMap<>();
        for (dev.failscope.model.Replica r : c.replicas()) {
            String from = r.source() != null ? r.source().name() : c.primary().name();
            next.computeIfAbsent(from, k -> new java.util.ArrayList<>()).add(r.server().name());
        }
        for (String start : next.keySet()) {
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(next.get(start));
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                String at = todo.pop();
                if (at.equals(start)) {
                    return true;
                }
                if (seen.add(at)) {
                    todo.addAll(next.getOrDefault(at, List.of()));
                }
            }
        }
        return false;
    }
}
