package dev.failscope.load.importers;

import static dev.failscope.load.importers.Fixture.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisImporterTest {
    @TempDir
    Path tmp;

    static final String INVENTORY = """
            kind: inventory
            authoritative: true
            servers:
              - {name: cache-1, address: "10.0.1.1:6379", zone: a}
              - {name: cache-2, address: "10.0.2.2:6379", zone: b, status: decommissioned}
              - {name: cache-4, address: "10.0.4.4:6379", zone: c}
              - {name: sentinel-a, address: "10.0.1.9:26379", zone: a}
              - {name: sentinel-b, address: "10.0.2.9:26379", zone: b}
              - {name: sentinel-c, address: "10.0.3.9:26379", zone: c}
            """;

    @Test
    void realSentinelFilesMergeIntoOneMasterWithThreeSentinels() {
        Inspection i = Fixture.inspect(REAL + "/redis");
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.clusters()).hasSize(1);
        assertThat(t.cluster("mymaster").orElseThrow().primary().name()).isEqualTo("172.23.0.3:6379");
        assertThat(Fixture.replicas(t, "mymaster")).containsExactly("172.23.0.5:6379", "172.23.0.4:6379");
        assertThat(Fixture.candidates(t, "mymaster")).containsExactly("172.23.0.5:6379", "172.23.0.4:6379");
        FailoverPolicy p = t.policy("mymaster").orElseThrow();
        assertThat(p.quorum()).isEqualTo(2);
        assertThat(p.monitors()).extracting(Ref::name)
                .containsExactly("172.23.0.6:26379", "172.23.0.7:26379", "172.23.0.8:26379");
        assertThat(p.detection()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.attemptTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.servers()).hasSize(6); // three redis and, since the engines, the three sentinels
        assertThat(Fixture.edges(t, EdgeKind.FAILOVER))
                .containsExactly("mymaster -> 172.23.0.4:6379", "mymaster -> 172.23.0.5:6379");
        assertThat(i.findings()).extracting(Fixture::brief)
                .containsExactly("route-client-unknown guhuajun_docker-compose.yaml:97:14",
                        "route-target-unknown guhuajun_docker-compose.yaml:97:40");
        assertThat(t.routes()).extracting(r -> r.name())
                .containsExactly("guhuajun_docker-compose.yaml/services.monitor.command");
    }

    @Test
    void sentinelPointingAtRetiredAddressIsDecommissionedOrMissingAtTheLineThatNamesIt() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", INVENTORY).file("sentinel.conf", """
                sentinel myid aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                sentinel monitor cache 10.0.1.1 6379 2
                sentinel known-replica cache 10.0.2.2 6379
                sentinel known-replica cache 10.0.3.3 6379
                sentinel known-sentinel cache 10.0.2.9 26379 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                sentinel known-sentinel cache 10.0.3.9 26379 cccccccccccccccccccccccccccccccccccccccc
                sentinel announce-ip 10.0.1.9
                port 26379
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("cache").orElseThrow().primary().name()).isEqualTo("cache-1");
        assertThat(Fixture.candidates(t, "cache")).containsExactly("cache-2", "10.0.3.3:6379");
        assertThat(Fixture.findings(i, "failover-target")).containsExactly(
                "failover-target-decommissioned sentinel.conf:3:30", "failover-target-missing sentinel.conf:4:30");
        assertThat(t.policy("cache").orElseThrow().monitors()).extracting(Ref::name)
                .containsExactly("sentinel-a", "sentinel-b", "sentinel-c");
        assertThat(Fixture.findings(i, "sentinel-quorum")).isEmpty();
    }

    @Test
    void quorumAboveKnownSentinelsIsAnError() {
        Inspection i = new Fixture(tmp).file("s.conf", """
                sentinel monitor cache 10.0.1.1 6379 3
                sentinel myid aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                sentinel known-sentinel cache 10.0.2.9 26379 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                """).inspect();
        assertThat(Fixture.findings(i, "sentinel-quorum")).containsExactly("sentinel-quorum s.conf:1:38");
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-no-replicas s.conf:1:18");
    }

    @Test
    void losingTheZoneWithTwoOfThreeSentinelsIsAnError() {
        String inventory = INVENTORY.replace("name: sentinel-c, address: \"10.0.3.9:26379\", zone: c",
                "name: sentinel-c, address: \"10.0.3.9:26379\", zone: a");
        Inspection i = new Fixture(tmp).file("inventory.yaml", inventory).file("s.conf", """
                SENTINEL monitor cache 10.0.1.1 6379 2
                sentinel known-sentinel cache 10.0.1.9 26379 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                sentinel known-sentinel cache 10.0.2.9 26379 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
                sentinel known-sentinel cache 10.0.3.9 26379 cccccccccccccccccccccccccccccccccccccccc
                sentinel myid cccccccccccccccccccccccccccccccccccccccc
                sentinel known-replica cache 10.0.4.4 6379
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("sentinel-quorum")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("losing zone a leaves 1 of 3 sentinels"));
    }

    @Test
    void redisConfPrioritiesOrderCandidatesAndZeroNeverPromotes() {
        Inspection i = new Fixture(tmp)
                .file("sentinel.conf", """
                        sentinel known-slave cache "10.0.0.2" 6379
                        sentinel monitor cache 10.0.0.1 6379 1
                        """)
                .file("r2.conf", "replicaof 10.0.0.1 6379\nreplica-announce-ip 10.0.0.2\nreplica-priority 50\n")
                .file("r3.conf", "SLAVEOF 10.0.0.1 6379\nbind 127.0.0.1 10.0.0.3\nslave-priority 10\n")
                .file("r4.conf", "replicaof 10.0.0.3 6379\nbind 10.0.0.4\nport 6380\n")
                .file("r5.conf", "replicaof \"10.0.0.1\" 6379\nbind 10.0.0.5\nreplica-priority 0\n")
                .inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(Fixture.replicas(t, "cache"))
                .containsExactly("10.0.0.2:6379", "10.0.0.3:6379", "10.0.0.4:6380", "10.0.0.5:6379");
        assertThat(Fixture.candidates(t, "cache")).containsExactly("10.0.0.3:6379", "10.0.0.2:6379",
                "10.0.0.4:6380");
        assertThat(t.server("10.0.0.5:6379").orElseThrow().noFailover()).isTrue();
        assertThat(Fixture.edges(t, EdgeKind.REPLICATION)).contains("10.0.0.3:6379 -> 10.0.0.4:6380");
    }

    @Test
    void redisConfWithoutSentinelIsAClusterWithoutFailover() {
        Inspection i = new Fixture(tmp)
                .file("a.conf", "bind 10.0.0.1\nappendonly yes\n")
                .file("b.conf", "replicaof 10.0.0.1 6379\nbind 10.0.0.2\n")
                .file("c.conf", "replicaof 10.0.0.9 6379\n").inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(Fixture.replicas(t, "10.0.0.1:6379")).containsExactly("10.0.0.2:6379");
        assertThat(Fixture.replicas(t, "10.0.0.9:6379")).containsExactly("redis@c");
        assertThat(t.policies()).isEmpty();
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-address c.conf:1:1");
    }

    @Test
    void malformedMonitorIsALoadErrorAtItsLine() {
        Inspection i = new Fixture(tmp).file("s.conf", "sentinel monitor cache 10.0.0.1 x 2\n").inspect();
        assertThat(Fixture.errors(i)).singleElement().asString()
                .endsWith("s.conf:1:1: error: sentinel monitor needs a master name, a host and a port");
    }

    /** A lab as committed: stock sentinel.conf files (no myid, no known-replica) beside redis.conf files. */
    private Fixture lab() {
        Fixture f = new Fixture(tmp);
        for (int port : new int[] {26379, 26380, 26381}) {
            f.file("sentinel-" + port + ".conf", "port " + port + "\ndaemonize yes\n"
                    + "sentinel monitor mymaster 127.0.0.1 6379 2\n"
                    + "sentinel down-after-milliseconds mymaster 5000\n");
        }
        return f.file("redis-6379.conf", "port 6379\ndaemonize yes\nappendonly yes\n")
                .file("redis-6380.conf", "port 6380\nreplicaof 127.0.0.1 6379\nreplica-priority 0\n")
                .file("redis-6381.conf", "bind 127.0.0.1 -::1\nport 6381\nreplicaof 127.0.0.1 6379\n"
                        + "replica-priority 10\n");
    }

    @Test
    void stockSentinelGetsItsReplicasFromTheRedisConfFilesBesideIt() {
        Inspection i = lab().inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(Fixture.replicas(t, "mymaster")).containsExactly("127.0.0.1:6380", "127.0.0.1:6381");
        assertThat(Fixture.candidates(t, "mymaster")).containsExactly("127.0.0.1:6381");
        assertThat(t.server("127.0.0.1:6380").orElseThrow().noFailover()).isTrue();
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-address redis-6379.conf:1:6",
                "assumed-address redis-6380.conf:1:6");
        assertThat(i.findings()).filteredOn(f -> f.severity() != dev.failscope.model.Severity.INFO).isEmpty();
    }

    @Test
    void sentinelsWithoutMyidAreCountedOnce() {
        Fixture f = new Fixture(tmp);
        String[] ids = {"a".repeat(40), "b".repeat(40), "c".repeat(40)};
        for (int n = 0; n < 3; n++) {
            StringBuilder sb = new StringBuilder("port 26379\nsentinel monitor cache 10.0.1.1 6379 2\n");
            for (int o = 0; o < 3; o++) {
                if (o != n) {
                    sb.append("sentinel known-sentinel cache 10.0.").append(o + 1).append(".9 26379 ")
                            .append(ids[o]).append('\n');
                }
            }
            f.file("sentinel" + (n + 1) + ".conf", sb.toString());
        }
        Inspection i = f.file("inventory.yaml", INVENTORY).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().policy("cache").orElseThrow().monitors()).hasSize(3);
    }

    @Test
    void replicaAnnounceIpJoinsAndItsPriorityZeroIsKept() {
        Inspection i = new Fixture(tmp)
                .file("sentinel.conf", "sentinel monitor cache 10.0.0.1 6379 1\n"
                        + "sentinel known-replica cache 10.0.0.2 6379\nsentinel known-replica cache 10.0.0.3 6379\n")
                .file("r2.conf", "bind 127.0.0.1\nreplica-announce-ip 10.0.0.2\nreplicaof 10.0.0.1 6379\n"
                        + "replica-priority 0\n")
                .inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.candidates(i.topology(), "cache")).containsExactly("10.0.0.3:6379");
        assertThat(Fixture.findings(i, "redis-conf-unjoined")).isEmpty();
    }

    @Test
    void aRedisConfThatJoinsNoSentinelMasterIsSaidAtItsReplicaofLine() {
        Inspection i = new Fixture(tmp)
                .file("sentinel.conf", "sentinel monitor cache 10.0.0.1 6379 1\n"
                        + "sentinel known-replica cache 10.0.0.2 6379\n")
                .file("r2.conf", "bind 127.0.0.1\nreplicaof redis-master 6379\nreplica-priority 0\n")
                .inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.findings(i, "redis-conf-unjoined")).containsExactly("redis-conf-unjoined r2.conf:2:11");
    }
}
