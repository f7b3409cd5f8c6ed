package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MhaImporterTest {
    @TempDir
    Path tmp;

    static final String APP1 = String.join("\n",
            "# MHA manager config for app1",
            "[server default]",
            "user=mha   ",
            "password = secret # not a real one",
            "ping_interval=2",
            "port=3306",
            "",
            "[server1]",
            "hostname=db1.example.com",
            "ip=10.0.0.1",
            "",
            "[server2]  ",
            "hostname = db2.example.com   ",
            "ip=10.0.0.2",
            "",
            "[server3]",
            "hostname=db3.example.com",
            "ip=10.0.0.3",
            "candidate_master=1",
            "check_repl_delay=0",
            "",
            "[server4]",
            "hostname=db4.example.com",
            "port=3307",
            "no_master=1",
            "");

    @Test
    void serversDefaultsAndCandidateFlags() {
        Inspection i = new Fixture(tmp).file("app1.cnf", APP1).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("app1").orElseThrow().primary().name()).isEqualTo("db1.example.com");
        assertThat(Fixture.replicas(t, "app1")).containsExactly("db2.example.com", "db3.example.com",
                "db4.example.com:3307");
        assertThat(Fixture.candidates(t, "app1")).containsExactly("db3.example.com", "db2.example.com");
        assertThat(t.server("db2.example.com").orElseThrow().address()).isEqualTo("10.0.0.2:3306");
        assertThat(t.server("db4.example.com:3307").orElseThrow().address()).isEqualTo("db4.example.com:3307");
        assertThat(t.server("db4.example.com:3307").orElseThrow().noFailover()).isTrue();
        assertThat(t.policy("app1").orElseThrow().detection()).hasSeconds(8);
        assertThat(Fixture.edges(t, EdgeKind.FAILOVER)).hasSize(2);
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-primary app1.cnf:9:10");
    }

    @Test
    void decommissionedAndMissingAgainstAuthoritativeInventory() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", """
                kind: inventory
                authoritative: true
                servers:
                  - {name: mysql-a, address: "10.0.0.1:3306"}
                  - {name: mysql-c, address: "10.0.0.3", status: decommissioned}
                  - {name: db4.example.com}
                """).file("app1.cnf", APP1).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().cluster("app1").orElseThrow().primary().name()).isEqualTo("mysql-a");
        assertThat(Fixture.findings(i, "failover-target")).containsExactly(
                "failover-target-missing app1.cnf:13:12", "failover-target-decommissioned app1.cnf:17:10");
    }

    @Test
    void aServerWithoutHostnameIsALoadError() {
        Inspection i = new Fixture(tmp).file("app2.cnf", "[server default]\nport=3306\n[server1]\nip=10.0.0.1\n")
                .inspect();
        assertThat(Fixture.errors(i)).singleElement().asString()
                .endsWith("app2.cnf:3:1: error: [server1] has no hostname (and [server default] gives none)");
    }

    /** The shape of MHA's own tests/t/mha_test.cnf: five sandbox instances on one host, told apart by port. */
    static final String MULTI_INSTANCE = String.join("\n",
            "[server default]",
            "user=root",
            "password=msandbox",
            "manager_workdir=/var/log/masterha/mha_test",
            "remote_workdir=/var/tmp",
            "",
            "[server1]",
            "hostname=127.0.0.1",
            "port=10000",
            "",
            "[server2]",
            "hostname=127.0.0.1",
            "port=10001",
            "candidate_master=1",
            "",
            "[server3]",
            "hostname=127.0.0.1",
            "port=10002",
            "",
            "[server4]",
            "hostname=127.0.0.1",
            "port=10003",
            "",
            "[server5]",
            "hostname=127.0.0.1",
            "port=10004",
            "no_master=1",
            "");

    @Test
    void instancesOnOneHostAreKeyedByIpAndPortAndNeverMerge() {
        Inspection i = new Fixture(tmp).file("mha_test.cnf", MULTI_INSTANCE).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.servers()).extracting(s -> s.name()).containsExactly("127.0.0.1:10000", "127.0.0.1:10001",
                "127.0.0.1:10002", "127.0.0.1:10003", "127.0.0.1:10004");
        assertThat(t.cluster("mha_test").orElseThrow().primary().name()).isEqualTo("127.0.0.1:10000");
        assertThat(Fixture.candidates(t, "mha_test")).containsExactly("127.0.0.1:10001", "127.0.0.1:10002",
                "127.0.0.1:10003");
        assertThat(i.findings()).filteredOn(f -> f.severity() != dev.failscope.model.Severity.INFO).isEmpty();
    }

    @Test
    void aShortHostnameMatchesAnFqdnInventoryAndTheDecommissionedTargetIsAnError() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: db1.catifyme.internal, zone: a}
                  - {name: db2.catifyme.internal, zone: b, status: decommissioned}
                  - {name: db3.catifyme.internal, zone: c}
                """).file("app1.cnf", """
                [server default]
                user=mha
                [server1]
                hostname=db1
                [server2]
                hostname=db2
                candidate_master=1
                [server3]
                hostname=db3
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().servers()).hasSize(3);
        assertThat(Fixture.candidates(i.topology(), "app1")).containsExactly("db2.catifyme.internal",
                "db3.catifyme.internal");
        assertThat(Fixture.findings(i, "failover-target-decommissioned"))
                .containsExactly("failover-target-decommissioned app1.cnf:6:10");
    }

    @Test
    void theGlobalDefaultsFileLoadsAndItsDefaultsApplyToTheApplicationConfigs() {
        Inspection i = new Fixture(tmp).file("masterha/masterha_default.cnf", """
                [server default]
                user=mha
                ping_interval=5
                port=3307
                """).file("masterha/app1.cnf", """
                [server default]
                manager_workdir=/var/log/masterha/app1
                [server1]
                hostname=10.0.0.1
                [server2]
                hostname=10.0.0.2
                port=3306
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.servers()).extracting(s -> s.name()).containsExactly("10.0.0.1:3307", "10.0.0.2");
        assertThat(t.policy("app1").orElseThrow().detection()).hasSeconds(20);
        assertThat(t.clusters()).hasSize(1);
    }

    @Test
    void aDefaultsFileAloneIsNoError() {
        Inspection i = new Fixture(tmp).file("masterha_default.cnf", "[server default]\nuser=mha\n").inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().clusters()).isEmpty();
    }
}
