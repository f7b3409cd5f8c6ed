package dev.failscope.load.importers;

import static dev.failscope.load.importers.Fixture.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Cluster;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesImportersTest {
    @TempDir
    Path tmp;

    @Test
    void realCnpgSamples() {
        Inspection i = Fixture.inspect(REAL + "/cnpg");
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.clusters()).extracting(Cluster::name).containsExactly("cluster-example-full",
                "cluster-replica-example", "cluster-example-az", "cluster-example-syncreplicas", "cluster-example",
                "cluster-replica-async", "cluster-replica-tls", "cluster-dc-a", "cluster-dc-b");
        assertThat(t.cluster("cluster-example-full").orElseThrow().primary().name())
                .isEqualTo("cluster-example-full-1");
        assertThat(Fixture.candidates(t, "cluster-example-full"))
                .containsExactly("cluster-example-full-2", "cluster-example-full-3");
        assertThat(Fixture.replicas(t, "cluster-replica-example")).isEmpty();
        assertThat(t.cluster("cluster-replica-example").orElseThrow().upstream().name()).isEqualTo("cluster-example");
        assertThat(t.cluster("cluster-replica-tls").orElseThrow().upstream().name()).isEqualTo("cluster-example");
        assertThat(t.cluster("cluster-replica-async").orElseThrow().upstream().name()).isEqualTo("postgresql-bkp");
        assertThat(t.cluster("cluster-dc-a").orElseThrow().upstream()).isNull();
        assertThat(t.cluster("cluster-dc-b").orElseThrow().upstream().name()).isEqualTo("cluster-dc-a");
        Cluster explicit = t.cluster("cluster-example-syncreplicas").orElseThrow();
        assertThat(explicit.replicas()).extracting(r -> r.mode()).containsExactly(ReplicationMode.SYNC,
                ReplicationMode.SYNC, ReplicationMode.ASYNC, ReplicationMode.ASYNC);
        assertThat(t.policy("cluster-example-syncreplicas").orElseThrow().syncCount()).isEqualTo(2);
        assertThat(t.policy("cluster-example-az").orElseThrow().syncCount()).isEqualTo(1);
        assertThat(t.servers()).hasSize(3 + 1 + 3 + 5 + 3 + 3 + 3 + 3 + 3);
        assertThat(Fixture.findings(i, "external-cluster-missing")).isEmpty();
        assertThat(Fixture.findings(i, "failure-domain-unspread")).containsExactly(
                "failure-domain-unspread cluster-example.yaml:6:14",
                "failure-domain-unspread cluster-replica-async.yaml:6:14",
                "failure-domain-unspread cluster-replica-tls.yaml:6:14",
                "failure-domain-unspread dc_cluster-dc-a.yaml:6:14",
                "failure-domain-unspread dc_cluster-dc-b.yaml:6:14");
        assertThat(Fixture.findings(i, "assumed-sync-standby")).containsExactly(
                "assumed-sync-standby cluster-example-sync-az.yaml:7:20",
                "assumed-sync-standby cluster-example.yaml:11:15");
        assertThat(Fixture.findings(i, "assumed-primary")).hasSize(9);
    }

    @Test
    void cnpgDanglingSourcesAreErrorsAndAntiAffinityOffWarns() {
        Inspection i = new Fixture(tmp).file("c.yaml", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: pg
                spec:
                  instances: 2
                  affinity:
                    enablePodAntiAffinity: false
                    topologyKey: topology.kubernetes.io/zone
                  bootstrap:
                    recovery:
                      source: old-backup
                  replica:
                    enabled: true
                    source: upstream
                    primary: other
                  externalClusters:
                    - name: upstream
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.findings(i, "external-cluster-missing")).containsExactly(
                "external-cluster-missing c.yaml:12:15", "external-cluster-missing c.yaml:16:14");
        assertThat(Fixture.findings(i, "failure-domain-unspread"))
                .containsExactly("failure-domain-unspread c.yaml:8:28");
        assertThat(i.failsAt(dev.failscope.model.Severity.ERROR)).isTrue();
    }

    @Test
    void realZalandoManifests() {
        Inspection i = Fixture.inspect(REAL + "/zalando-pgo");
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.clusters()).extracting(Cluster::name)
                .containsExactly("acid-test-cluster", "acid-minimal-cluster", "acid-standby-cluster");
        assertThat(t.cluster("acid-test-cluster").orElseThrow().primary().name()).isEqualTo("acid-test-cluster-0");
        assertThat(Fixture.candidates(t, "acid-test-cluster")).containsExactly("acid-test-cluster-1");
        FailoverPolicy p = t.policy("acid-test-cluster").orElseThrow();
        assertThat(p.maxLagBytes()).isEqualTo(33_554_432L);
        assertThat(p.requireSync()).isFalse();
        assertThat(p.strictSync()).isFalse();
        assertThat(t.policy("acid-minimal-cluster").orElseThrow().maxLagBytes()).isEqualTo(33_554_432L);
        assertThat(Fixture.candidates(t, "acid-standby-cluster")).isEmpty();
        assertThat(t.cluster("acid-standby-cluster").orElseThrow().upstream().name())
                .isEqualTo("acid-minimal-cluster.default");
        assertThat(Fixture.edges(t, EdgeKind.REPLICATION)).containsExactly(
                "acid-minimal-cluster-0 -> acid-minimal-cluster-1", "acid-test-cluster-0 -> acid-test-cluster-1");
        assertThat(Fixture.findings(i, "failure-domain-unspread")).containsExactly(
                "failure-domain-unspread complete-postgres-manifest.yaml:15:22",
                "failure-domain-unspread minimal-postgres-manifest.yaml:9:22");
    }

    @Test
    void zalandoSynchronousModeAndStandbyPort() {
        Inspection i = new Fixture(tmp).file("z.yaml", """
                apiVersion: "acid.zalan.do/v1"
                kind: postgresql
                metadata:
                  name: acid-x
                spec:
                  numberOfInstances: 3
                  topologySpreadConstraints:
                    - topologyKey: topology.kubernetes.io/zone
                  patroni:
                    synchronous_mode: true
                    synchronous_mode_strict: true
                    synchronous_node_count: 2
                    maximum_lag_on_failover: 1024
                    ttl: 20
                  standby:
                    standby_host: acid-main.prod
                    standby_port: "5433"
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        FailoverPolicy p = t.policy("acid-x").orElseThrow();
        assertThat(p.requireSync()).isTrue();
        assertThat(p.strictSync()).isTrue();
        assertThat(p.syncCount()).isEqualTo(2);
        assertThat(p.maxLagBytes()).isEqualTo(1024L);
        assertThat(p.detection()).hasSeconds(20);
        assertThat(p.candidates()).extracting(Ref::name).containsExactly("acid-x-1", "acid-x-2");
        assertThat(t.cluster("acid-x").orElseThrow().replicas()).allMatch(r -> r.mode() == ReplicationMode.SYNC);
        assertThat(t.cluster("acid-x").orElseThrow().upstream().name()).isEqualTo("acid-main.prod:5433");
        assertThat(Fixture.findings(i, "failure-domain-unspread")).isEmpty();
    }

    @Test
    void decommissionedPodInAuthoritativeInventoryIsReportedAtTheInstancesLine() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", """
                kind: inventory
                authoritative: true
                servers:
                  - {name: pg-1}
                  - {name: pg-2, status: decommissioned}
                """).file("c.yaml", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: pg
                spec:
                  instances: 3
                  affinity:
                    topologyKey: topology.kubernetes.io/zone
                """).inspect();
        assertThat(Fixture.findings(i, "failover-target")).containsExactly(
                "failover-target-decommissioned c.yaml:6:14", "failover-target-missing c.yaml:6:14");
    }
}
