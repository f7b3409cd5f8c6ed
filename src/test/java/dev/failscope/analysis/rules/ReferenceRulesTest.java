package dev.failscope.analysis.rules;

import static dev.failscope.analysis.rules.Fixture.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server-missing, server-decommissioned-in-use, cluster-missing and service-pinned-to-server. */
class ReferenceRulesTest {
    @TempDir
    Path dir;

    private Fixture fixture() {
        return new Fixture(dir).base();
    }

    private static String service(String dependency) {
        return """
                kind: service
                name: web
                depends-on:
                """ + "  - " + dependency + "\n";
    }

    @Test
    void serverMissingFiresForPrimaryReplicaSourceAndPinnedDependency() {
        List<Finding> found = fixture()
                .write("cluster.yaml", """
                        kind: cluster
                        name: main
                        primary: db-9
                        replicas:
                          - {server: db-8, mode: sync}
                          - {server: db-3, mode: sync, lag: 1s, source: db-7}
                        """)
                .write("service.yaml", service("server: db-6"))
                .findings("server-missing");
        assertThat(found).hasSize(4);
        assertFinding(found.get(0), "server-missing", "main", "db-9", "cluster.yaml", 3, 10);
        assertFinding(found.get(1), "server-missing", "main", "db-8", "cluster.yaml", 5, 14);
        assertFinding(found.get(2), "server-missing", "main", "db-7", "cluster.yaml", 6, 49);
        assertFinding(found.get(3), "server-missing", "web", "db-6", "service.yaml", 4, 13);
        assertThat(found.get(0).message()).isEqualTo("cluster 'main' names server 'db-9' as its primary, but no "
                + "inventory declares it: fix the name or declare the server");
        assertThat(found.get(2).message()).contains("as the replication source of replica 'db-3'");
        assertThat(found.get(3).message()).startsWith("service 'web' names server 'db-6' as a pinned dependency");
    }

    @Test
    void serverMissingDoesNotFireForDeclaredServers() {
        assertThat(fixture().write("service.yaml", service("server: db-2")).findings("server-missing")).isEmpty();
    }

    @Test
    void decommissionedInUseFiresForReplicaSourceAndPin() {
        List<Finding> found = fixture()
                .write("inventory.yaml", """
                        kind: inventory
                        servers:
                          - {name: db-1, region: us, zone: us-a, host: h1}
                          - {name: db-2, region: us, zone: us-b, host: h2, status: decommissioned}
                          - {name: db-3, region: us, zone: us-c, host: h3}
                        """)
                .write("cluster.yaml", """
                        kind: cluster
                        name: main
                        primary: db-1
                        replicas:
                          - {server: db-2, mode: sync}
                          - {server: db-3, mode: sync, lag: 1s, source: db-2}
                        """)
                .write("service.yaml", service("server: db-2"))
                .findings("server-decommissioned-in-use");
        assertThat(found).hasSize(3);
        assertFinding(found.get(0), "server-decommissioned-in-use", "main", "db-2", "cluster.yaml", 5, 14);
        assertFinding(found.get(1), "server-decommissioned-in-use", "main", "db-2", "cluster.yaml", 6, 49);
        assertFinding(found.get(2), "server-decommissioned-in-use", "web", "db-2", "service.yaml", 4, 13);
        assertThat(found.get(0).message()).isEqualTo("cluster 'main' uses server 'db-2' as a replica, but it is "
                + "decommissioned (" + dir.resolve("inventory.yaml") + ":4): move that role to an active server");
    }

    @Test
    void decommissionedInUseFiresForThePrimary() {
        Finding f = fixture().write("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: db-1, region: us, zone: us-a, host: h1, status: decommissioned}
                  - {name: db-2, region: us, zone: us-b, host: h2}
                  - {name: db-3, region: us, zone: us-c, host: h3}
                """).only("server-decommissioned-in-use");
        assertFinding(f, "server-decommissioned-in-use", "main", "db-1", "cluster.yaml", 3, 10);
    }

    @Test
    void decommissionedInUseDoesNotFireForUnusedOrMaintenanceServers() {
        assertThat(fixture()
                .write("inventory.yaml", """
                        kind: inventory
                        servers:
                          - {name: db-1, region: us, zone: us-a, host: h1}
                          - {name: db-2, region: us, zone: us-b, host: h2, status: maintenance}
                          - {name: db-3, region: us, zone: us-c, host: h3}
                          - {name: db-4, status: decommissioned}
                        """)
                .findings("server-decommissioned-in-use")).isEmpty();
    }

    @Test
    void clusterMissingFiresForAFailoverDocument() {
        Finding f = fixture().write("failover.yaml", """
                kind: failover
                cluster: ghost
                candidates: [db-2]
                """).only("cluster-missing");
        assertFinding(f, "cluster-missing", "ghost", "ghost", "failover.yaml", 2, 10);
        assertThat(f.message()).contains("cluster 'ghost'", "declare the cluster");
    }

    @Test
    void clusterMissingFiresForAServiceDependency() {
        Finding f = fixture().write("service.yaml", service("cluster: ghost")).only("cluster-missing");
        assertFinding(f, "cluster-missing", "web", "ghost", "service.yaml", 4, 14);
        assertThat(f.message()).startsWith("service 'web' depends on cluster 'ghost'");
    }

    @Test
    void clusterMissingSuggestsACloseClusterName() {
        Finding f = fixture().write("service.yaml", service("cluster: mian")).only("cluster-missing");
        assertFinding(f, "cluster-missing", "web", "mian", "service.yaml", 4, 14);
        assertThat(f.message()).isEqualTo("service 'web' depends on cluster 'mian', which no 'kind: cluster' "
                + "document declares: did you mean 'main'?");
    }

    @Test
    void clusterMissingDoesNotFireForDeclaredClusters() {
        assertThat(fixture().write("service.yaml", service("cluster: main")).findings("cluster-missing"))
                .isEmpty();
    }

    @Test
    void servicePinnedToServerFiresAtTheDependency() {
        Finding f = fixture().write("service.yaml", service("{server: db-2, access: read}"))
                .only("service-pinned-to-server");
        assertFinding(f, "service-pinned-to-server", "web", "db-2", "service.yaml", 4, 14);
        assertThat(f.message()).isEqualTo("service 'web' depends directly on server 'db-2', bypassing failover: "
                + "if it fails, nothing takes its place; depend on its cluster 'main' instead");
    }

    @Test
    void servicePinnedToServerDoesNotFireForClusterDependencies() {
        assertThat(fixture().write("service.yaml", service("cluster: main")).findings()).isEmpty();
    }
}
