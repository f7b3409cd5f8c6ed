package dev.failscope.analysis.rules;

import static dev.failscope.analysis.rules.Fixture.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ten per-candidate rules, and the "one error per candidate" order of issue 2. */
class CandidateRulesTest {
    @TempDir
    Path dir;

    private Fixture fixture() {
        return new Fixture(dir).base();
    }

    /** The base inventory with one server line replaced. */
    private static String inventory(String server, String line) {
        String marker = "  - {name: " + server + ",";
        String result = Fixture.INVENTORY.lines()
                .map(l -> l.startsWith(marker) ? line : l)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(result).contains(line);
        return result;
    }

    @Test
    void baseIsHealthy() {
        assertThat(fixture().findings()).isEmpty();
    }

    @Test
    void missingFiresAtTheCandidate() {
        Finding f = fixture().write("failover.yaml", """
                kind: failover
                cluster: main
                candidates: [db-9, db-3]
                """).only("failover-target-missing");
        assertFinding(f, "failover-target-missing", "main", "db-9", "failover.yaml", 3, 14);
        assertThat(f.message()).contains("'db-9'", "'main'", "declared in no inventory");
    }

    @Test
    void missingDoesNotFireForDeclaredCandidates() {
        assertThat(fixture().findings("failover-target-missing")).isEmpty();
    }

    @Test
    void decommissionedFiresAtTheCandidateAndNamesTheDeclaration() {
        Finding f = fixture().write("inventory.yaml", inventory("db-2",
                "  - {name: db-2, region: us, zone: us-b, host: h2, status: decommissioned}"))
                .only("failover-target-decommissioned");
        assertFinding(f, "failover-target-decommissioned", "main", "db-2", "failover.yaml", 3, 14);
        assertThat(f.message()).isEqualTo("failover candidate 'db-2' of cluster 'main' is decommissioned "
                + "(" + dir.resolve("inventory.yaml") + ":4): failover skips it after attempt-timeout 60s; point failover at an active replica");
    }

    @Test
    void decommissionedDoesNotFireForMaintenance() {
        assertThat(fixture().write("inventory.yaml", inventory("db-2",
                "  - {name: db-2, region: us, zone: us-b, host: h2, status: maintenance}"))
                .findings("failover-target-decommissioned")).isEmpty();
    }

    @Test
    void outsideClusterFiresForADeclaredNonReplica() {
        Finding f = fixture()
                .write("other.yaml", """
                        kind: inventory
                        servers:
                          - {name: db-4, zone: us-a}
                        ---
                        kind: cluster
                        name: other
                        primary: db-4
                        """)
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates:
                          - db-2
                          - db-4
                        """).only("failover-target-outside-cluster");
        assertFinding(f, "failover-target-outside-cluster", "main", "db-4", "failover.yaml", 5, 5);
        assertThat(f.message()).contains("'db-4'", "it belongs to 'other'", "list a replica of 'main'");
    }

    @Test
    void outsideClusterDoesNotFireForCascadingReplicas() {
        assertThat(fixture().write("cluster.yaml", """
                kind: cluster
                name: main
                primary: db-1
                replicas:
                  - {server: db-2, mode: sync, lag: 1s}
                  - {server: db-3, mode: sync, lag: 1s, source: db-2}
                """).findings("failover-target-outside-cluster")).isEmpty();
    }

    @Test
    void isPrimaryFiresForTheClustersOwnPrimary() {
        Fixture fx = fixture().write("failover.yaml", """
                kind: failover
                cluster: main
                candidates: [db-1, db-2]
                """);
        assertFinding(fx.only("failover-target-is-primary"), "failover-target-is-primary", "main", "db-1",
                "failover.yaml", 3, 14);
        assertThat(fx.findings("failover-target-outside-cluster")).as("one error per candidate").isEmpty();
    }

    @Test
    void isPrimaryDoesNotFireForReplicas() {
        assertThat(fixture().findings("failover-target-is-primary")).isEmpty();
    }

    @Test
    void maintenanceFires() {
        Finding f = fixture().write("inventory.yaml", inventory("db-2",
                "  - {name: db-2, region: us, zone: us-b, host: h2, status: maintenance}"))
                .only("failover-target-maintenance");
        assertFinding(f, "failover-target-maintenance", "main", "db-2", "failover.yaml", 3, 14);
    }

    @Test
    void maintenanceDoesNotFireForActiveServers() {
        assertThat(fixture().findings("failover-target-maintenance")).isEmpty();
    }

    @Test
    void noFailoverFires() {
        Finding f = fixture().write("inventory.yaml", inventory("db-3",
                "  - {name: db-3, region: us, zone: us-c, host: h3, no-failover: true}"))
                .only("failover-target-no-failover");
        assertFinding(f, "failover-target-no-failover", "main", "db-3", "failover.yaml", 3, 20);
    }

    @Test
    void noFailoverDoesNotFireWhenFalse() {
        assertThat(fixture().write("inventory.yaml", inventory("db-3",
                "  - {name: db-3, region: us, zone: us-c, host: h3, no-failover: false}"))
                .findings("failover-target-no-failover")).isEmpty();
    }

    private static String cluster(String db2) {
        return """
                kind: cluster
                name: main
                primary: db-1
                replicas:
                """ + "  - " + db2 + "\n  - {server: db-3, mode: sync, lag: 1s}\n";
    }

    private static final String FAILOVER_MAX_LAG = """
            kind: failover
            cluster: main
            candidates: [db-2, db-3]
            max-lag: 10s
            """;

    @Test
    void laggingFiresWhenLagExceedsMaxLag() {
        Finding f = fixture().write("cluster.yaml", cluster("{server: db-2, mode: sync, lag: 20s}"))
                .write("failover.yaml", FAILOVER_MAX_LAG).only("failover-target-lagging");
        assertFinding(f, "failover-target-lagging", "main", "db-2", "failover.yaml", 3, 14);
        assertThat(f.message()).contains("lag 20s > max-lag 10s");
    }

    @Test
    void laggingDoesNotFireAtExactlyMaxLag() {
        assertThat(fixture().write("cluster.yaml", cluster("{server: db-2, mode: sync, lag: 10s}"))
                .write("failover.yaml", FAILOVER_MAX_LAG).findings("failover-target-lagging")).isEmpty();
    }

    @Test
    void asyncFiresUnderRequireSync() {
        Finding f = fixture().write("cluster.yaml", cluster("{server: db-2, mode: async}"))
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates: [db-2, db-3]
                        require-sync: true
                        """).only("failover-target-async");
        assertFinding(f, "failover-target-async", "main", "db-2", "failover.yaml", 3, 14);
    }

    @Test
    void asyncDoesNotFireWithoutRequireSync() {
        assertThat(fixture().write("cluster.yaml", cluster("{server: db-2, mode: async}"))
                .findings("failover-target-async")).isEmpty();
    }

    @Test
    void sameZoneFiresForTheSameZone() {
        Finding f = fixture().write("inventory.yaml", inventory("db-2",
                "  - {name: db-2, region: us, zone: us-a, host: h2}")).only("failover-target-same-zone");
        assertFinding(f, "failover-target-same-zone", "main", "db-2", "failover.yaml", 3, 14);
        assertThat(f.message()).contains("same zone 'us-a' as primary 'db-1'");
    }

    @Test
    void sameZoneFiresForTheSameHost() {
        Finding f = fixture().write("inventory.yaml", inventory("db-3",
                "  - {name: db-3, region: us, zone: us-c, host: h1}")).only("failover-target-same-zone");
        assertFinding(f, "failover-target-same-zone", "main", "db-3", "failover.yaml", 3, 20);
        assertThat(f.message()).contains("same host 'h1' as primary 'db-1'");
    }

    @Test
    void sameZoneDoesNotFireForOtherZonesAndHosts() {
        assertThat(fixture().findings("failover-target-same-zone")).isEmpty();
    }

    private static final String DB3_IN_EU = "  - {name: db-3, region: eu, zone: eu-a, host: h3}";

    @Test
    void otherRegionFiresUnderSameRegionOnly() {
        Finding f = fixture().write("inventory.yaml", inventory("db-3", DB3_IN_EU))
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates: [db-2, db-3]
                        same-region-only: true
                        """).only("failover-target-other-region");
        assertFinding(f, "failover-target-other-region", "main", "db-3", "failover.yaml", 3, 20);
        assertThat(f.message()).contains("region eu", "primary 'db-1' is in us");
    }

    @Test
    void otherRegionDoesNotFireWithoutSameRegionOnly() {
        assertThat(fixture().write("inventory.yaml", inventory("db-3", DB3_IN_EU))
                .findings("failover-target-other-region")).isEmpty();
    }

    @Test
    void decommissionedComesBeforeIsPrimary() {
        Fixture fx = fixture()
                .write("inventory.yaml", inventory("db-1",
                        "  - {name: db-1, region: us, zone: us-a, host: h1, status: decommissioned}"))
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates: [db-1, db-2]
                        """);
        assertFinding(fx.only("failover-target-decommissioned"), "failover-target-decommissioned", "main",
                "db-1", "failover.yaml", 3, 14);
        assertThat(fx.findings("failover-target-is-primary")).isEmpty();
    }

    @Test
    void warningsApplyOnlyToCandidatesThatPassTheErrors() {
        Fixture fx = fixture()
                .write("other.yaml", """
                        kind: inventory
                        servers:
                          - {name: db-4, zone: us-a, status: maintenance, no-failover: true}
                        """)
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates: [db-4, db-2]
                        """);
        assertThat(fx.findings()).filteredOn(f -> "db-4".equals(f.target()))
                .extracting(Finding::rule).containsExactly("failover-target-outside-cluster");
    }

    @Test
    void warningsApplyIndependently() {
        Fixture fx = fixture()
                .write("inventory.yaml", inventory("db-2",
                        "  - {name: db-2, region: eu, zone: us-a, host: h2, status: maintenance, no-failover: true}"))
                .write("cluster.yaml", cluster("{server: db-2, mode: async, lag: 20s}"))
                .write("failover.yaml", """
                        kind: failover
                        cluster: main
                        candidates: [db-2, db-3]
                        max-lag: 10s
                        require-sync: true
                        same-region-only: true
                        """);
        assertThat(fx.findings()).filteredOn(f -> "db-2".equals(f.target()))
                .extracting(Finding::rule).containsExactlyInAnyOrder(
                        "failover-target-maintenance", "failover-target-no-failover", "failover-target-lagging",
                        "failover-target-async", "failover-target-other-region", "failover-target-same-zone");
    }
}
