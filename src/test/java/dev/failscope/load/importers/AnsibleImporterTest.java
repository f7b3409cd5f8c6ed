package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleImporterTest {
    @TempDir
    Path tmp;

    static final String HOSTS_INI = """
            # production inventory
            [db_primary]
            db1.catifyme.internal ansible_host=10.0.0.1

            [db_replicas]
            db2.catifyme.internal ansible_host=10.0.0.2 zone=eu-west-1b
            db3.catifyme.internal ansible_host=10.0.0.3

            [databases:children]
            db_primary
            db_replicas

            [databases:vars]
            region=eu-west-1
            zone=eu-west-1a

            [web]
            web[01:02].catifyme.internal
            """;

    static final String APP1_CNF = """
            [server default]
            user=mha
            [server1]
            hostname=db1
            [server2]
            hostname=db2
            [server3]
            hostname=db3
            candidate_master=1
            [server4]
            hostname=db4
            """;

    private Fixture inventory() {
        return new Fixture(tmp).file("inv/hosts.ini", HOSTS_INI)
                .file("inv/host_vars/db3.catifyme.internal.yml", "zone: eu-west-1c\nstatus: decommissioned\n")
                .file("inv/group_vars/all.yml", "ansible_user: deploy\n");
    }

    @Test
    void iniHostsGroupsAndVariablesBecomeServers() {
        Inspection i = inventory().inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.servers()).extracting(Server::name).containsExactly("db1.catifyme.internal",
                "db2.catifyme.internal", "db3.catifyme.internal", "web01.catifyme.internal",
                "web02.catifyme.internal");
        Server db1 = t.server("db1.catifyme.internal").orElseThrow();
        assertThat(db1.address()).isEqualTo("10.0.0.1");
        assertThat(db1.zone()).isEqualTo("eu-west-1a");
        assertThat(db1.region()).isEqualTo("eu-west-1");
        assertThat(t.server("db2.catifyme.internal").orElseThrow().zone()).isEqualTo("eu-west-1b");
        Server db3 = t.server("db3.catifyme.internal").orElseThrow();
        assertThat(db3.zone()).isEqualTo("eu-west-1c");
        assertThat(db3.status()).isEqualTo(ServerStatus.DECOMMISSIONED);
        assertThat(db3.statusPosition().toString()).endsWith("db3.catifyme.internal.yml:2:9");
        assertThat(db1.facts().of("zone").orElseThrow().toString()).endsWith("hosts.ini:15:6");
    }

    @Test
    void aYamlInventoryReadsTheSameWay() {
        Inspection i = new Fixture(tmp).file("inventory.yml", """
                all:
                  vars:
                    region: eu-west-1
                  children:
                    databases:
                      vars:
                        zone: eu-west-1a
                      hosts:
                        db1.catifyme.internal:
                          ansible_host: 10.0.0.1
                        db2.catifyme.internal:
                          ansible_host: 10.0.0.2
                          zone: eu-west-1b
                          status: maintenance
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.server("db1.catifyme.internal").orElseThrow().zone()).isEqualTo("eu-west-1a");
        assertThat(t.server("db1.catifyme.internal").orElseThrow().region()).isEqualTo("eu-west-1");
        assertThat(t.server("db2.catifyme.internal").orElseThrow().status()).isEqualTo(ServerStatus.MAINTENANCE);
    }

    @Test
    void mhaShortHostnamesMeetTheAnsibleFqdnsAndTheDecommissionedTargetIsAnError() {
        Inspection i = inventory().file("mha/app1.cnf", APP1_CNF).inspect();
        assertThat(Fixture.findings(i, "failover-target")).contains("failover-target-decommissioned app1.cnf:8:10");
        assertThat(Fixture.findings(i, "failover-target-missing")).isEmpty();
        assertThat(i.topology().server("db4")).isPresent();
    }

    @Test
    void inventoryOptionMakesTheAnsibleInventoryAuthoritative() {
        Fixture f = inventory().file("mha/app1.cnf", APP1_CNF);
        Inspection i = new Inspector(new TopologyLoader(LoadOptions.DEFAULT.withInventories(List.of(f.path("inv")))),
                RuleCatalog.standard()).inspect(List.of(f.path("mha")));
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().authoritativeInventory()).isPresent();
        assertThat(Fixture.findings(i, "failover-target-missing")).containsExactly(
                "failover-target-missing app1.cnf:11:10");
        assertThat(i.topology().server("db4")).isEmpty();
    }

    @Test
    void anInventoryPathWithoutServersIsALoadError() {
        Fixture f = new Fixture(tmp).file("empty/notes.yaml", "kind: inventory\nservers: []\n");
        Inspection i = new Inspector(new TopologyLoader(LoadOptions.DEFAULT.withInventories(
                List.of(f.path("empty")))), RuleCatalog.standard()).inspect(List.of());
        assertThat(Fixture.errors(i)).singleElement().asString().contains("declares no server");
    }

    @Test
    void aBadStatusIsALoadErrorAtItsValue() {
        Inspection i = new Fixture(tmp).file("hosts", "[db]\ndb1 status=retired\n").inspect();
        assertThat(Fixture.errors(i)).singleElement().asString()
                .endsWith("hosts:2:12: error: status must be active, maintenance or decommissioned, got 'retired'");
    }
}
