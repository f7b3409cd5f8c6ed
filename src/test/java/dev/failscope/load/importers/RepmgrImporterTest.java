package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.Ref;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepmgrImporterTest {
    @TempDir
    Path tmp;

    /** A repmgr.conf in the shape of repmgr's repmgr.conf.sample. */
    static String conf(int id, String name, String failover, Integer priority, String location, String extra) {
        return "# repmgr.conf for " + name + "\n"
                + "node_id=" + id + "\n"
                + "node_name='" + name + "'\n"
                + "conninfo='host=" + name + ".db.internal user=repmgr dbname=repmgr connect_timeout=2'\n"
                + "data_directory='/var/lib/postgresql/15/main'\n"
                + (failover == null ? "" : "failover=" + failover + "\n")
                + "promote_command='/usr/bin/repmgr standby promote -f /etc/repmgr.conf --log-to-file'\n"
                + "follow_command='/usr/bin/repmgr standby follow -f /etc/repmgr.conf --upstream-node-id=%n'\n"
                + (priority == null ? "" : "priority=" + priority + "\n")
                + (location == null ? "" : "location='" + location + "'\n")
                + extra;
    }

    private Fixture threeNodesAndAWitness() {
        return new Fixture(tmp)
                .file("node1/repmgr.conf", conf(1, "pg1", "automatic", 100, "dc1",
                        "reconnect_attempts=4\nreconnect_interval=5\n"))
                .file("node2/repmgr.conf", conf(2, "pg2", "automatic", 50, "dc1", ""))
                .file("node3/repmgr.conf", conf(3, "pg3", "automatic", 0, "dc2", ""))
                .file("witness/repmgr.conf", conf(4, "pg-witness", "manual", 0, "dc1", ""));
    }

    @Test
    void nodesBecomeOneClusterWithRepmgrsCandidatesAndTheWitnessAsMonitor() {
        Inspection i = threeNodesAndAWitness().inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("repmgr").orElseThrow().primary().name()).isEqualTo("pg1");
        assertThat(Fixture.replicas(t, "repmgr")).containsExactly("pg2", "pg3");
        assertThat(Fixture.candidates(t, "repmgr")).containsExactly("pg2");
        FailoverPolicy p = t.policy("repmgr").orElseThrow();
        assertThat(p.monitors()).extracting(Ref::name).containsExactly("pg-witness");
        assertThat(p.detection()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.manager().kind()).isEqualTo(ManagerKind.REPMGR);
        assertThat(p.manager().member("pg3", "priority").orElseThrow().value()).isEqualTo("0");
        assertThat(t.server("pg3").orElseThrow().noFailover()).isTrue();
        assertThat(t.server("pg2").orElseThrow().address()).isEqualTo("pg2.db.internal");
        assertThat(t.server("pg2").orElseThrow().zone()).isEqualTo("dc1");
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-primary repmgr.conf:2:9",
                "assumed-witness repmgr.conf:3:12");
    }

    @Test
    void equalPrioritiesGoToTheLowestNodeIdAndManualOrDefaultFailoverNeverPromotes() {
        Inspection i = new Fixture(tmp)
                .file("a.conf", conf(1, "a", "automatic", null, null, ""))
                .file("b.conf", conf(7, "b", "automatic", 80, null, ""))
                .file("c.conf", conf(3, "c", "automatic", 80, null, ""))
                .file("d.conf", conf(2, "d", "manual", 100, null, ""))
                .file("e.conf", conf(5, "e", null, 100, null, ""))
                .file("f.conf", conf(6, "f", "automatic", 120, null, "")).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.candidates(i.topology(), "repmgr")).containsExactly("f", "c", "b");
        // LSNs come first and are run time: the RepmgrEngine lists every candidate as possible, no assumption
        assertThat(Fixture.findings(i, "assumed-lsn")).isEmpty();
    }

    @Test
    void noStandbyOrWitnessInThePrimarysLocationMeansNoPromotion() {
        Inspection i = new Fixture(tmp)
                .file("n1.conf", conf(1, "pg1", "automatic", 100, "dc1", ""))
                .file("n2.conf", conf(2, "pg2", "automatic", 100, "dc2", "")).inspect();
        // pg2 stays a candidate: the RepmgrEngine applies the location rule to the nodes still visible
        assertThat(Fixture.candidates(i.topology(), "repmgr")).containsExactly("pg2");
        assertThat(Fixture.findings(i, "repmgr-location-split")).containsExactly("repmgr-location-split n1.conf:10:11");
    }

    @Test
    void aCascadedStandbyFollowsItsUpstreamAndIsNoCandidateAndAMissingUpstreamIsAnError() {
        Inspection i = new Fixture(tmp)
                .file("n1.conf", conf(1, "pg1", "automatic", 100, null, ""))
                .file("n2.conf", conf(2, "pg2", "automatic", 100, null, ""))
                .file("n3.conf", conf(3, "pg3", "automatic", 100, null, "upstream_node_id=2\n"))
                .file("n4.conf", conf(4, "pg4", "automatic", 100, null, "upstream_node_id=9\n")).inspect();
        Topology t = i.topology();
        assertThat(t.cluster("repmgr").orElseThrow().replica("pg3").orElseThrow().source().name()).isEqualTo("pg2");
        assertThat(Fixture.candidates(t, "repmgr")).containsExactly("pg2", "pg4");
        assertThat(Fixture.findings(i, "repmgr-upstream")).containsExactly("repmgr-upstream-missing n4.conf:10:18");
    }

    @Test
    void aDuplicateNodeIdIsALoadError() {
        Inspection i = new Fixture(tmp)
                .file("n1.conf", conf(1, "pg1", "automatic", 100, null, ""))
                .file("n2.conf", conf(1, "pg2", "automatic", 100, null, "")).inspect();
        assertThat(Fixture.errors(i)).singleElement().asString().contains("n2.conf:2:9: error: node_id 1 is also");
    }

    @Test
    void aDecommissionedCandidateInAnFqdnInventoryIsAnError() {
        Inspection i = threeNodesAndAWitness().file("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: pg1.db.internal, zone: dc1}
                  - {name: pg2.db.internal, zone: dc1, status: decommissioned}
                """).inspect();
        assertThat(Fixture.findings(i, "failover-target-decommissioned"))
                .containsExactly("failover-target-decommissioned repmgr.conf:3:12");
    }
}
