package dev.failscope.analysis.rules;

import static dev.failscope.analysis.rules.Fixture.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** no-viable-failover, failover-delayed and no-failover-policy. */
class PolicyRulesTest {
    @TempDir
    Path dir;

    private static final String DB2_DECOMMISSIONED_DB3_MAINTENANCE = """
            kind: inventory
            servers:
              - {name: db-1, region: us, zone: us-a, host: h1}
              - {name: db-2, region: us, zone: us-b, host: h2, status: decommissioned}
              - {name: db-3, region: us, zone: us-c, host: h3, status: maintenance}
            """;

    private Fixture fixture() {
        return new Fixture(dir).base();
    }

    @Test
    void noViableFailoverFiresAtTheCandidateListAndNamesEachReason() {
        Finding f = fixture().write("inventory.yaml", DB2_DECOMMISSIONED_DB3_MAINTENANCE)
                .only("no-viable-failover");
        assertFinding(f, "no-viable-failover", "main", null, "failover.yaml", 3, 13);
        assertThat(f.message()).isEqualTo("cluster 'main' has no viable failover candidate (db-2: decommissioned; "
                + "db-3: in maintenance): losing primary 'db-1' would promote nothing and is an outage");
    }

    @Test
    void noViableFailoverFiresForABlockList() {
        Finding f = fixture().write("failover.yaml", """
                kind: failover
                cluster: main
                candidates:
                  - db-9
                """).only("no-viable-failover");
        assertFinding(f, "no-viable-failover", "main", null, "failover.yaml", 4, 3);
        assertThat(f.message()).contains("(db-9: not declared in any inventory)");
    }

    @Test
    void noViableFailoverFiresForAnEmptyCandidateList() {
        Finding f = fixture().write("failover.yaml", """
                kind: failover
                cluster: main
                candidates: []
                """).only("no-viable-failover");
        assertFinding(f, "no-viable-failover", "main", null, "failover.yaml", 3, 13);
        assertThat(f.message()).contains("the candidate list is empty", "losing primary 'db-1'");
    }

    @Test
    void noViableFailoverDoesNotFireWhenOneCandidateIsViable() {
        assertThat(fixture().findings("no-viable-failover")).isEmpty();
    }

    @Test
    void sameZoneWarnsButDoesNotMakeACandidateNonViable() {
        Fixture fx = fixture().write("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: db-1, region: us, zone: us-a, host: h1}
                  - {name: db-2, region: us, zone: us-a, host: h2}
                  - {name: db-3, region: us, zone: us-c, host: h3, status: decommissioned}
                """);
        assertThat(fx.findings("failover-target-same-zone")).hasSize(1);
        assertThat(fx.findings("no-viable-failover")).isEmpty();
    }

    @Test
    void noViableFailoverIsLeftToClusterMissingForAnUndeclaredCluster() {
        Fixture fx = fixture().write("failover.yaml", """
                kind: failover
                cluster: ghost
                candidates: [db-9]
                """);
        assertThat(fx.findings("cluster-missing")).hasSize(1);
        assertThat(fx.findings("no-viable-failover")).isEmpty();
    }

    @Test
    void failoverDelayedFiresAtTheFirstViableCandidate() {
        Finding f = fixture()
                .write("inventory.yaml", """
                        kind: inventory
                        servers:
                          - {name: db-1, region: us, zone: us-a, host: h1}
                          - {name: db-2, region: us, zone: us-b, host: h2, status: maintenance}
                          - {name: db-3, region: us, zone: us-c, host: h3}
                        """)
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates: [db-9, db-2, db-3]
                        attempt-timeout: 45s
                        """).only("failover-delayed");
        assertFinding(f, "failover-delayed", "main", "db-3", "failover.yaml", 3, 26);
        assertThat(f.message()).isEqualTo("failover of cluster 'main' reaches its first viable candidate 'db-3' "
                + "only after 90s (2 x attempt-timeout 45s) skipping non-viable candidates "
                + "(db-9: not declared in any inventory; db-2: in maintenance): put 'db-3' first or remove the "
                + "candidates that cannot be promoted");
    }

    @Test
    void failoverDelayedDoesNotFireWhenTheFirstCandidateIsViable() {
        assertThat(fixture().write("failover.yaml", """
                kind: failover
                cluster: main
                candidates: [db-2, db-9]
                """).findings("failover-delayed")).isEmpty();
    }

    @Test
    void failoverDelayedDoesNotFireWhenNothingIsViable() {
        Fixture fx = fixture().write("inventory.yaml", DB2_DECOMMISSIONED_DB3_MAINTENANCE);
        assertThat(fx.findings("failover-delayed")).isEmpty();
        assertThat(fx.findings("no-viable-failover")).hasSize(1);
    }

    @Test
    void noFailoverPolicyFiresForAClusterWithReplicasAndNoPolicy() {
        Finding f = new Fixture(dir).write("inventory.yaml", Fixture.INVENTORY)
                .write("cluster.yaml", Fixture.CLUSTER).only("no-failover-policy");
        assertFinding(f, "no-failover-policy", "main", null, "cluster.yaml", 2, 7);
        assertThat(f.message()).contains("cluster 'main' has 2 replicas", "losing primary 'db-1'");
    }

    @Test
    void noFailoverPolicyDoesNotFireWithoutReplicas() {
        assertThat(new Fixture(dir)
                .write("inventory.yaml", Fixture.INVENTORY)
                .write("cluster.yaml", """
                        kind: cluster
                        name: main
                        primary: db-1
                        """).findings("no-failover-policy")).isEmpty();
    }

    @Test
    void noFailoverPolicyDoesNotFireWithAPolicy() {
        assertThat(fixture().findings("no-failover-policy")).isEmpty();
    }
}
