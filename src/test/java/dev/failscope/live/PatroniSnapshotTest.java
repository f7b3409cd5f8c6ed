package dev.failscope.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatroniSnapshotTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T18:00:00Z"), ZoneOffset.UTC);

    static LiveOptions fast() {
        return new LiveOptions(Duration.ofMillis(500), Duration.ofMillis(700), Duration.ofSeconds(5),
                Credentials.NONE, CLOCK);
    }

    @Test
    void readsRolesLagTimelineTagsAndTheDcsSettings() {
        try (FakePatroni p = new FakePatroni("{\"nofailover\":true,\"nosync\":true}", 4096)) {
            Snapshot s = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, p.url(1))));
            assertThat(s.unreachable()).isEmpty();
            LiveCluster c = s.clusters().get(0);
            assertThat(c.name()).isEqualTo("lab");
            assertThat(c.manager()).isEqualTo("patroni@3.0.2");
            assertThat(c.primary()).isEqualTo("pg-1");
            assertThat(c.candidates()).containsExactly("pg-2");
            String yaml = SnapshotWriter.yaml(s);
            assertThat(yaml).startsWith("# failscope snapshot, taken 2026-12-02T18:00:00Z\n# sources:\n"
                    + "#   patroni " + p.url(1) + "\n");
            assertThat(yaml).contains("""
                      - name: "pg-3"
                        address: "127.0.0.1:5434"
                        no-failover: true
                        tags:
                          "nofailover": "true"
                          "nosync": "true"
                        observed:
                          role: "replica"
                          state: "streaming"
                          timeline: 1
                          lsn: "0/3000000"
                          lag-bytes: 4096
                          sync: "async"
                          at: "2026-12-02T18:00:00Z"
                    """);
            assertThat(yaml).contains("""
                    kind: failover
                    cluster: "lab"
                    manager: "patroni@3.0.2"
                    detection: 10s   # ttl
                    # loop_wait: 2 (no native key)
                    max-lag-bytes: 1048576   # maximum_lag_on_failover
                    require-sync: true   # synchronous_mode
                    candidates:
                      - "pg-2"
                    """);
            assertThat(yaml).contains("  - server: \"pg-2\"\n    mode: sync\n");
            assertThat(SnapshotWriter.yaml(new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI,
                    p.url(1)))))).isEqualTo(yaml);
        }
    }

    @Test
    void aMemberWhoseRestApiIsDownIsUnreachableNotDropped() {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            p.members.get(2).close();
            Snapshot s = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, p.url(1))));
            assertThat(s.unreachable()).singleElement().satisfies(u -> {
                assertThat(u.member()).isEqualTo("pg-3");
                assertThat(u.reason()).startsWith("GET /patroni: ");
            });
            assertThat(SnapshotWriter.yaml(s)).contains("state: \"unreachable\"")
                    .contains("# unreachable:\n#   member pg-3 (patroni " + p.url(3) + "): GET /patroni: connection refused\n");
        }
    }

    @Test
    void nothingAnsweringIsAnEmptySnapshotWithTheReason() {
        FakeHttp closed = new FakeHttp();
        String url = closed.url();
        closed.close();
        Snapshot s = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, url)));
        assertThat(s.empty()).isTrue();
        assertThat(s.problems()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("drift-unreachable");
            assertThat(f.message()).isEqualTo("patroni " + url + ": GET /cluster: connection refused");
        });
    }

    @Test
    void aSlowMemberCostsAtMostTheReadTimeout() {
        try (FakeHttp slow = new FakeHttp()) {
            slow.answer("/cluster", 200, "{\"members\":[]}", 5000);
            long t = System.nanoTime();
            Snapshot s = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, slow.url())));
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertThat(ms).isLessThan(3000);
            assertThat(s.unreachable().get(0).reason()).startsWith("GET /cluster: no answer within");
        }
    }

    @Test
    void theDeadlineBoundsTheWholeSnapshot() {
        try (FakeHttp a = new FakeHttp(); FakeHttp b = new FakeHttp()) {
            a.answer("/cluster", 200, "{}", 3000);
            b.answer("/cluster", 200, "{}", 3000);
            LiveOptions o = new LiveOptions(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(800),
                    Credentials.NONE, CLOCK);
            long t = System.nanoTime();
            Snapshot s = new Snapshotter(o).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, a.url()),
                    Endpoint.flag(Endpoint.Kind.PATRONI, b.url())));
            assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(2500);
            assertThat(s.unreachable()).hasSize(2);
            assertThat(s.unreachable().get(1).reason()).contains("deadline");
        }
    }

    @Test
    void malformedJsonIsAReasonWithItsPlace() {
        try (FakeHttp bad = new FakeHttp()) {
            bad.answer("/cluster", 200, "{\"members\": [ {\"name\": ", 0);
            Snapshot s = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, bad.url())));
            assertThat(s.unreachable().get(0).reason()).startsWith("GET /cluster: HTTP 200 with a body that is not "
                    + "JSON (line 1");
            bad.answer("/cluster", 200, "[1,2]", 0);
            assertThat(new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, bad.url())))
                    .unreachable().get(0).reason()).isEqualTo("GET /cluster: no members list in the answer");
        }
    }

    @Test
    void basicAuthIsSentAndTheSecretNeverPrinted() {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            String header = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:s3cr3t-pw".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            p.members.forEach(m -> m.requiredAuth = header);
            Snapshot refused = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, p.url(1))));
            assertThat(refused.unreachable().get(0).reason()).isEqualTo(
                    "GET /cluster: HTTP 401: not authorised (set the credentials)");
            Credentials c = new Credentials("admin", "s3cr3t-pw", null, null, null, null);
            Snapshot s = new Snapshotter(fast().withCredentials(c)).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI,
                    p.url(1))));
            assertThat(s.unreachable()).isEmpty();
            assertThat(SnapshotWriter.yaml(s)).doesNotContain("s3cr3t-pw");
            assertThat(c.toString()).doesNotContain("s3cr3t-pw").doesNotContain("admin");
        }
    }

    @Test
    void etcdKeysStandInWhenNoRestApiAnswers() {
        try (FakeHttp etcd = new FakeHttp()) {
            String m1 = "{\"conn_url\":\"postgres://127.0.0.1:5432/postgres\",\"api_url\":\"http://127.0.0.1:1/patroni\","
                    + "\"state\":\"running\",\"role\":\"master\",\"version\":\"3.0.2\",\"xlog_location\":50331976,"
                    + "\"timeline\":2}";
            String m2 = "{\"conn_url\":\"postgres://127.0.0.1:5433/postgres\",\"state\":\"running\",\"role\":"
                    + "\"replica\",\"version\":\"3.0.2\",\"xlog_location\":50331648,\"timeline\":2,"
                    + "\"tags\":{\"nofailover\":true}}";
            etcd.answer("POST /v3/kv/range", "{\"kvs\":[" + kv("/service/lab/members/pg-1", m1) + ","
                    + kv("/service/lab/members/pg-2", m2) + "," + kv("/service/lab/leader", "pg-1") + ","
                    + kv("/service/lab/config", "{\"ttl\":10,\"maximum_lag_on_failover\":1024}") + "]}");
            FakeHttp closed = new FakeHttp();
            String rest = closed.url();
            closed.close();
            Snapshot s = new Snapshotter(fast()).take(List.of(Endpoint.flag(Endpoint.Kind.PATRONI, rest),
                    Endpoint.flag(Endpoint.Kind.ETCD, etcd.url())));
            LiveCluster c = s.clusters().get(0);
            assertThat(c.primary()).isEqualTo("pg-1");
            assertThat(c.manager()).isEqualTo("patroni@3.0.2");
            assertThat(c.maxLagBytes()).isEqualTo(1024L);
            LiveMember pg2 = c.members().get(1);
            assertThat(pg2.lagBytes()).isEqualTo(328L);
            assertThat(pg2.noFailover()).isTrue();
            assertThat(pg2.address()).isEqualTo("127.0.0.1:5433");
            assertThat(c.candidates()).isEmpty();
            assertThat(s.unreachable()).singleElement().satisfies(u -> assertThat(u.reason())
                    .isEqualTo("GET /cluster: connection refused"));
        }
    }

    private static String kv(String key, String value) {
        return "{\"key\":\"" + EtcdSource.b64(key) + "\",\"value\":\"" + EtcdSource.b64(value) + "\"}";
    }
}
