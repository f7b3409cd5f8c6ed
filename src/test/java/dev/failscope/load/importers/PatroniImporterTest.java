package dev.failscope.load.importers;

import static dev.failscope.load.importers.Fixture.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatroniImporterTest {
    @TempDir
    Path tmp;

    @Test
    void realPatroniSamplesFormOneClusterOfThree() {
        Inspection i = Fixture.inspect(REAL + "/patroni");
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.clusters()).hasSize(1);
        assertThat(t.cluster("batman").orElseThrow().primary().name()).isEqualTo("postgresql0");
        assertThat(Fixture.replicas(t, "batman")).containsExactly("postgresql1", "postgresql2");
        assertThat(Fixture.candidates(t, "batman")).containsExactly("postgresql1", "postgresql2");
        assertThat(t.server("postgresql1").orElseThrow().address()).isEqualTo("127.0.0.1:5433");
        assertThat(Fixture.edges(t, EdgeKind.REPLICATION))
                .containsExactly("postgresql0 -> postgresql1", "postgresql0 -> postgresql2");
        FailoverPolicy p = t.policy("batman").orElseThrow();
        assertThat(p.maxLagBytes()).isEqualTo(1_048_576L);
        assertThat(p.detection()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.requireSync()).isFalse();
        assertThat(p.facts().of("max-lag-bytes").orElseThrow().line()).isEqualTo(57);
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-primary postgres0.yml:3:7",
                "assumed-dcs postgres0.yml:27:9"); // etcd.host is a discovery endpoint: members found at run time
        assertThat(i.findings()).allMatch(f -> f.rule().startsWith("assumed-"));
    }

    @Test
    void tagsDecideCandidatesAndOrder() {
        Fixture fx = new Fixture(tmp)
                .file("a.yml", member("a", "10.0.0.1", "") + dcs("    synchronous_mode: true\n"))
                .file("b.yml", member("b", "10.0.0.2", "  failover_priority: 1\n"))
                .file("c.yml", member("c", "10.0.0.3", "  failover_priority: 5\n"))
                .file("d.yml", member("d", "10.0.0.4", "  nofailover: true\n"))
                .file("e.yml", member("e", "10.0.0.5", "  failover_priority: 0\n"))
                .file("f.yml", member("f", "10.0.0.6", "  replicatefrom: gone\n"));
        Inspection i = fx.inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("pg").orElseThrow().primary().name()).isEqualTo("a");
        assertThat(Fixture.candidates(t, "pg")).containsExactly("c", "b", "f");
        assertThat(t.server("d").orElseThrow().noFailover()).isTrue();
        assertThat(t.server("e").orElseThrow().noFailover()).isTrue();
        assertThat(Fixture.edges(t, EdgeKind.REPLICATION)).contains("?gone -> f");
        assertThat(t.cluster("pg").orElseThrow().replica("b").orElseThrow().mode()).isEqualTo(ReplicationMode.SYNC);
        assertThat(t.cluster("pg").orElseThrow().replica("f").orElseThrow().mode())
                .isEqualTo(ReplicationMode.ASYNC);
        FailoverPolicy p = t.policy("pg").orElseThrow();
        assertThat(p.requireSync()).isTrue();
        assertThat(p.syncCount()).isEqualTo(1);
        assertThat(Fixture.findings(i, "assumed-"))
                .containsExactly("assumed-primary a.yml:2:7", "assumed-sync-standby a.yml:12:23");
    }

    @Test
    void standbyClusterPointsAtRemoteHost() {
        Inspection i = new Fixture(tmp).file("a.yml", member("a", "10.0.0.1", "")
                + dcs("    standby_cluster:\n      host: 10.9.9.9\n      port: 5433\n")).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().cluster("pg").orElseThrow().upstream().name()).isEqualTo("10.9.9.9:5433");
    }

    @Test
    void retiredAddressInAuthoritativeInventoryIsDecommissionedAtTheMemberLine() {
        Fixture fx = new Fixture(tmp)
                .file("inventory.yaml", """
                        kind: inventory
                        authoritative: true
                        servers:
                          - name: pg-a
                            address: 10.0.0.1:5432
                          - name: pg-b
                            address: 10.0.0.2:5432
                            status: decommissioned
                        """)
                .file("a.yml", member("a", "10.0.0.1", ""))
                .file("b.yml", member("b", "10.0.0.2", ""))
                .file("c.yml", member("c", "10.0.0.3", ""));
        Inspection i = fx.inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("pg").orElseThrow().primary().name()).isEqualTo("pg-a");
        assertThat(Fixture.candidates(t, "pg")).containsExactly("pg-b", "c");
        assertThat(t.server("c")).isEmpty();
        assertThat(Fixture.findings(i, "failover-target")).containsExactly(
                "failover-target-decommissioned b.yml:2:7", "failover-target-missing c.yml:2:7");
        assertThat(t.servers()).hasSize(2);
    }

    @Test
    void withoutAuthoritativeInventoryUnknownMembersAreDeclared() {
        Inspection i = new Fixture(tmp)
                .file("inventory.yaml", "kind: inventory\nservers:\n  - name: pg-a\n    address: 10.0.0.1\n")
                .file("a.yml", member("a", "10.0.0.1", ""))
                .file("c.yml", member("c", "10.0.0.3", "")).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().servers()).extracting(s -> s.name()).containsExactly("pg-a", "c");
        assertThat(i.topology().server("pg-a").orElseThrow().address()).isEqualTo("10.0.0.1");
        assertThat(Fixture.findings(i, "failover-target")).isEmpty();
    }

    @Test
    void listenNamesTheAddressWhenConnectAddressIsAbsent() {
        Inspection i = new Fixture(tmp)
                .file("a.yml", "scope: pg\nname: a\npostgresql:\n  listen: 10.0.0.7:5433\n")
                .file("b.yml", "scope: pg\nname: b\npostgresql:\n  listen: 0.0.0.0:5432\n").inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().server("a").orElseThrow().address()).isEqualTo("10.0.0.7:5433");
        assertThat(i.topology().server("b").orElseThrow().address()).isNull();
    }

    @Test
    void namespaceWithAndWithoutSlashesIsOnePath() {
        Inspection i = new Fixture(tmp)
                .file("a.yml", "namespace: /db/\n" + member("a", "10.0.0.1", ""))
                .file("b.yml", "namespace: /db\n" + member("b", "10.0.0.2", ""))
                .file("c.yml", "namespace: db\n" + member("c", "10.0.0.3", "")).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().clusters()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("db/pg");
            assertThat(c.replicas()).hasSize(2);
        });
    }

    static String member(String name, String ip, String tags) {
        return "scope: pg\nname: " + name + "\nrestapi:\n  listen: " + ip + ":8008\npostgresql:\n  connect_address: "
                + ip + ":5432\ntags:\n  noloadbalance: false\n" + tags;
    }

    static String dcs(String body) {
        return "bootstrap:\n  dcs:\n    ttl: 30\n" + body;
    }
}
