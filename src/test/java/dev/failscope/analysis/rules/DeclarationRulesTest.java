package dev.failscope.analysis.rules;

import static dev.failscope.analysis.rules.Fixture.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** duplicate-name, server-in-two-clusters, unknown-key, unused-server and single-zone-cluster. */
class DeclarationRulesTest {
    @TempDir
    Path dir;

    private Fixture fixture() {
        return new Fixture(dir).base();
    }

    @Test
    void duplicateServerIsReportedAtTheSecondDeclaration() {
        Finding f = fixture().write("inventory2.yaml", """
                kind: inventory
                servers:
                  - name: db-2
                    zone: us-z
                """).only("duplicate-name");
        assertFinding(f, "duplicate-name", "db-2", null, "inventory2.yaml", 3, 11);
        assertThat(f.message()).isEqualTo("server 'db-2' is declared again; the first declaration "
                + "(at " + dir.resolve("inventory.yaml") + ":4) is the one in force: rename or remove one");
    }

    @Test
    void duplicateClusterIsReportedAtTheSecondDeclaration() {
        Finding f = fixture().write("more.yaml", """
                kind: cluster
                name: main
                primary: db-1
                """).only("duplicate-name");
        assertFinding(f, "duplicate-name", "main", null, "more.yaml", 2, 7);
        assertThat(f.message()).contains("cluster 'main'", "(at " + dir.resolve("cluster.yaml") + ":2)");
    }

    @Test
    void duplicateServiceIsReportedAtTheSecondDeclaration() {
        Finding f = fixture().write("service.yaml", """
                kind: service
                name: web
                depends-on: [{cluster: main}]
                ---
                kind: service
                name: web
                depends-on: [{cluster: main}]
                """).only("duplicate-name");
        assertFinding(f, "duplicate-name", "web", null, "service.yaml", 6, 7);
        assertThat(f.message()).contains("service 'web'", "(at " + dir.resolve("service.yaml") + ":2)");
    }

    @Test
    void secondFailoverDocumentIsReportedAtItsCluster() {
        Finding f = fixture().write("zz-failover.yaml", """
                kind: failover
                cluster: main
                candidates: [db-3]
                """).only("duplicate-name");
        assertFinding(f, "duplicate-name", "main", null, "zz-failover.yaml", 2, 10);
        assertThat(f.message()).isEqualTo("cluster 'main' has a second failover document; the first "
                + "(at " + dir.resolve("failover.yaml") + ":2) is the one in force: merge them into one");
    }

    @Test
    void duplicateNameDoesNotFireAcrossKinds() {
        assertThat(fixture().write("service.yaml", """
                kind: service
                name: main
                depends-on: [{cluster: main}]
                """).findings()).isEmpty();
    }

    private static final String OTHER_CLUSTER = """
            kind: inventory
            servers:
              - {name: db-4, region: us, zone: us-b, host: h4}
            ---
            kind: cluster
            name: other
            primary: db-4
            replicas:
              - server: db-3
            """;

    @Test
    void serverInTwoClustersFiresWhereTheSecondClusterListsIt() {
        Finding f = fixture().write("more.yaml", OTHER_CLUSTER).only("server-in-two-clusters");
        assertFinding(f, "server-in-two-clusters", "db-3", "other", "more.yaml", 9, 13);
        assertThat(f.message()).contains("'db-3'", "cluster 'main' and also of cluster 'other'");
    }

    @Test
    void serverInTwoClustersDoesNotFireForADuplicateDeclarationOfTheSameCluster() {
        Fixture fx = fixture().write("more.yaml", """
                kind: cluster
                name: main
                primary: db-1
                replicas:
                  - server: db-3
                """);
        assertThat(fx.findings("server-in-two-clusters")).isEmpty();
        assertThat(fx.findings("duplicate-name")).hasSize(1);
    }

    @Test
    void serverInTwoClustersDoesNotFireForSeparateMembers() {
        assertThat(fixture().findings("server-in-two-clusters")).isEmpty();
    }

    @Test
    void unknownKeySuggestsTheClosestKey() {
        Finding f = fixture().write("failover.yaml", """
                kind: failover
                cluster: main
                candidates: [db-2, db-3]
                candidats: [db-3]
                """).only("unknown-key");
        assertFinding(f, "unknown-key", "main", "candidats", "failover.yaml", 4, 1);
        assertThat(f.message()).isEqualTo("unknown key 'candidats' in failover of 'main': did you mean "
                + "'candidates'?");
    }

    @Test
    void unknownKeyWithoutSuggestionAndWithoutName() {
        List<Finding> found = fixture().write("inventory.yaml", """
                kind: inventory
                owner: data-team
                servers:
                  - {name: db-1, region: us, zone: us-a, host: h1}
                  - {name: db-2, region: us, zone: us-b, host: h2, colour: blue}
                  - {name: db-3, region: us, zone: us-c, host: h3}
                """).findings("unknown-key");
        assertThat(found).hasSize(2);
        assertFinding(found.get(0), "unknown-key", "inventory", "owner", "inventory.yaml", 2, 1);
        assertFinding(found.get(1), "unknown-key", "db-2", "colour", "inventory.yaml", 5, 52);
        assertThat(found.get(1).message()).startsWith("unknown key 'colour' in server 'db-2': ")
                .doesNotContain("did you mean");
    }

    @Test
    void unknownKeyDoesNotFireForDefinedKeys() {
        assertThat(fixture().findings("unknown-key")).isEmpty();
    }

    @Test
    void unusedServerIsAnInfoAtTheName() {
        Finding f = fixture().write("spare.yaml", """
                kind: inventory
                servers:
                  - name: db-4
                """).only("unused-server");
        assertFinding(f, "unused-server", "db-4", null, "spare.yaml", 3, 11);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("'db-4' is active but belongs to no cluster");
    }

    @Test
    void unusedServerDoesNotFireForRetiredOrMaintenanceServers() {
        assertThat(fixture().write("spare.yaml", """
                kind: inventory
                servers:
                  - {name: db-4, status: decommissioned}
                  - {name: db-5, status: maintenance}
                """).findings("unused-server")).isEmpty();
    }

    @Test
    void singleZoneClusterFiresAtTheClusterName() {
        Finding f = fixture().write("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: db-1, region: us, zone: us-a, host: h1}
                  - {name: db-2, region: us, zone: us-a, host: h2}
                  - {name: db-3, region: us, zone: us-a, host: h3}
                """).only("single-zone-cluster");
        assertFinding(f, "single-zone-cluster", "main", null, "cluster.yaml", 2, 7);
        assertThat(f.message()).contains("all 3 members of cluster 'main' are in zone us-a");
    }

    @Test
    void singleZoneClusterDoesNotFireWhenAMemberHasNoZone() {
        assertThat(fixture().write("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: db-1, region: us, zone: us-a, host: h1}
                  - {name: db-2, region: us, zone: us-a, host: h2}
                  - {name: db-3, region: us, host: h3}
                """).findings("single-zone-cluster")).isEmpty();
    }

    @Test
    void singleZoneClusterDoesNotFireForSpreadClustersOrALonePrimary() {
        assertThat(fixture().findings("single-zone-cluster")).isEmpty();
        assertThat(new Fixture(dir).write("failover.yaml", "kind: inventory\nservers: []\n")
                .write("cluster.yaml", """
                        kind: cluster
                        name: main
                        primary: db-1
                        """).findings("single-zone-cluster")).isEmpty();
    }
}
