package dev.failscope.live;

import static dev.failscope.live.FakeRedis.array;
import static dev.failscope.live.FakeRedis.bulk;
import static dev.failscope.live.FakeRedis.flat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SentinelSnapshotTest {
    FakeRedis sentinel;
    FakeRedis master;
    FakeRedis r1;
    FakeRedis r2;

    @BeforeEach
    void start() {
        sentinel = new FakeRedis();
        master = new FakeRedis();
        r1 = new FakeRedis();
        r2 = new FakeRedis();
        sentinel.reply("INFO SERVER", bulk("# Server\r\nredis_version:7.0.15\r\nredis_mode:sentinel\r\n"))
                .reply("SENTINEL MASTERS", array(flat("name", "mymaster", "ip", "127.0.0.1", "port",
                        "" + master.port(), "flags", "master", "quorum", "2", "down-after-milliseconds", "2000",
                        "failover-timeout", "10000")))
                .reply("SENTINEL REPLICAS MYMASTER", array(
                        flat("name", r1.address(), "ip", "127.0.0.1", "port", "" + r1.port(), "flags", "slave"),
                        flat("name", r2.address(), "ip", "127.0.0.1", "port", "" + r2.port(), "flags", "slave")))
                .reply("SENTINEL SENTINELS MYMASTER", array(flat("ip", "127.0.0.1", "port", "26380", "flags",
                        "sentinel")));
        master.reply("INFO REPLICATION", bulk("# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"
                + "master_repl_offset:5000\r\n"));
        r1.reply("INFO REPLICATION", bulk(replica(4000, 100)));
        r2.reply("INFO REPLICATION", bulk(replica(5000, 0)));
    }

    private String replica(long offset, int priority) {
        return "# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nmaster_port:" + master.port()
                + "\r\nmaster_link_status:up\r\nslave_repl_offset:" + offset + "\r\nslave_priority:" + priority
                + "\r\n";
    }

    @AfterEach
    void stop() {
        List.of(sentinel, master, r1, r2).forEach(FakeRedis::close);
    }

    private Snapshot take(LiveOptions o) {
        return new Snapshotter(o).take(List.of(Endpoint.flag(Endpoint.Kind.SENTINEL, sentinel.address())));
    }

    @Test
    void readsTheMasterItsReplicasOffsetsAndPriorities() {
        Snapshot s = take(PatroniSnapshotTest.fast());
        assertThat(s.unreachable()).isEmpty();
        LiveCluster c = s.clusters().get(0);
        assertThat(c.manager()).isEqualTo("sentinel@7.0.15");
        assertThat(c.primary()).isEqualTo(master.address());
        assertThat(c.quorum()).isEqualTo(2);
        assertThat(c.detection()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.monitors()).containsExactly(sentinel.address(), "127.0.0.1:26380");
        assertThat(c.candidates()).containsExactly(r1.address());
        String yaml = SnapshotWriter.yaml(s);
        assertThat(yaml).contains("  - name: \"" + r2.address() + "\"\n    address: \"" + r2.address()
                + "\"\n    no-failover: true\n    observed:\n      role: \"slave\"\n      state: \"streaming\"\n"
                + "      lag-bytes: 0\n      sync: \"async\"\n      offset: 5000\n      priority: 0\n");
        assertThat(yaml).contains("      lag-bytes: 1000\n      sync: \"async\"\n      offset: 4000\n"
                + "      priority: 100\n");
        assertThat(yaml).contains("kind: failover\ncluster: \"mymaster\"\nmanager: \"sentinel@7.0.15\"\n"
                + "detection: 2s   # down-after-milliseconds\nattempt-timeout: 10s   # failover-timeout\nquorum: 2\n");
        // read-only: no command but the reads was sent
        List.of(sentinel, master, r1, r2).forEach(f -> assertThat(f.received).allSatisfy(cmd ->
                assertThat(cmd).matches("INFO (SERVER|REPLICATION)|SENTINEL (MASTERS|REPLICAS|SENTINELS).*")));
    }

    @Test
    void aReplicaThatDoesNotAnswerIsUnreachable() {
        r1.close();
        Snapshot s = take(PatroniSnapshotTest.fast());
        assertThat(s.unreachable()).singleElement().satisfies(u -> {
            assertThat(u.member()).isEqualTo(r1.address());
            assertThat(u.reason()).isEqualTo("INFO replication: connection refused");
        });
        assertThat(SnapshotWriter.yaml(s)).contains("state: \"unreachable\"");
    }

    @Test
    void passwordsAreSentWithAuthAndNeverShown() {
        List.of(sentinel, master, r1, r2).forEach(f -> f.password = "hunter2-redis");
        Snapshot refused = take(PatroniSnapshotTest.fast());
        assertThat(refused.empty()).isTrue();
        assertThat(refused.unreachable().get(0).reason()).contains("NOAUTH");
        Snapshot s = take(PatroniSnapshotTest.fast().withCredentials(new Credentials(null, null, null,
                "hunter2-redis", null, null)));
        assertThat(s.unreachable()).isEmpty();
        assertThat(s.clusters()).hasSize(1);
        Snapshot wrong = take(PatroniSnapshotTest.fast().withCredentials(new Credentials(null, null, null,
                "nope", null, null)));
        assertThat(wrong.unreachable().get(0).reason()).isEqualTo("AUTH refused: WRONGPASS");
        assertThat(SnapshotWriter.yaml(s) + s.unreachable() + wrong.unreachable()).doesNotContain("hunter2");
    }

    @Test
    void aSlowSentinelCostsTheReadTimeout() {
        sentinel.delayMs = 3000;
        long t = System.nanoTime();
        Snapshot s = take(PatroniSnapshotTest.fast());
        assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(2500);
        assertThat(s.unreachable().get(0).reason()).isEqualTo("no answer to INFO server within the read timeout");
    }

    @Test
    void aServerThatIsNotRedisIsAReason() {
        try (FakeHttp http = new FakeHttp()) {
            Snapshot s = new Snapshotter(PatroniSnapshotTest.fast()).take(List.of(Endpoint.flag(
                    Endpoint.Kind.SENTINEL, "127.0.0.1:" + http.port())));
            assertThat(s.empty()).isTrue();
            assertThat(s.unreachable().get(0).reason()).startsWith("not a RESP reply");
        }
        Snapshot bad = new Snapshotter(PatroniSnapshotTest.fast()).take(List.of(Endpoint.flag(
                Endpoint.Kind.SENTINEL, "no-port-here")));
        assertThat(bad.unreachable().get(0).reason()).isEqualTo("not host:port");
    }
}
