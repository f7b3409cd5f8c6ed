package dev.failscope.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.cli.FailscopeCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** snapshot, drift, watch and --live through the command line, against fake Patroni and Sentinel servers. */
class LiveCliTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = FailscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path committed() throws IOException {
        Path p = tmp.resolve("lab.yaml");
        Files.writeString(p, """
                kind: inventory
                servers:
                  - name: pg-1
                  - name: pg-2
                  - name: pg-3
                ---
                kind: cluster
                name: lab
                primary: pg-1
                replicas:
                  - server: pg-2
                    mode: sync
                  - server: pg-3
                ---
                kind: failover
                cluster: lab
                manager: patroni@3.0.2
                max-lag-bytes: 1048576
                candidates: [pg-2, pg-3]
                """, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void snapshotWritesTheYamlAndExitsZeroWhenEverythingAnswered() throws IOException {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            Run r = run("snapshot", "--patroni", p.url(1));
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("# failscope snapshot, taken ").contains("primary: \"pg-1\"\n");
            assertThat(r.err()).isEmpty();
            Path out = tmp.resolve("snap.yaml");
            assertThat(run("snapshot", "--patroni", p.url(1), "--output", out.toString()).exit()).isZero();
            assertThat(run("snapshot", "--patroni", p.url(1), "--output", out.toString()).exit()).isZero();
            assertThat(Files.readString(out)).contains("kind: failover");
        }
    }

    @Test
    void anUnreachableMemberIsAFindingAndExitOne() {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            p.members.get(2).close();
            Run r = run("snapshot", "--patroni", p.url(1));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("(command line):1:1: error: member pg-3 (patroni " + p.url(3)
                    + "): GET /patroni: connection refused [drift-unreachable]\n");
        }
    }

    @Test
    void nothingReachedIsNeverGreen() throws IOException {
        FakeHttp closed = new FakeHttp();
        String url = closed.url();
        closed.close();
        Run r = run("snapshot", "--patroni", url, "--connect-timeout", "300ms");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("failscope snapshot: nothing was read: no source answered with a cluster "
                + "(1 endpoint tried)\n");
        Run drift = run("drift", committed().toString(), "--live", "--patroni", url);
        assertThat(drift.exit()).isEqualTo(2);
        assertThat(drift.out()).contains("nothing was read").doesNotContain("no drift");
        Run sweep = run("sweep", "--live", "--patroni", url);
        assertThat(sweep.exit()).isEqualTo(2);
        assertThat(sweep.out()).contains("nothing was read");
        Path prom = tmp.resolve("f.prom");
        Run watch = run("watch", committed().toString(), "--once", "--patroni", url, "--prometheus", prom.toString());
        assertThat(watch.exit()).isEqualTo(2);
        assertThat(Files.readString(prom)).contains("failscope_live_up 0\n").contains("failscope_live_clusters 0\n");
    }

    @Test
    void usageErrors() throws IOException {
        assertThat(run("snapshot").err()).startsWith("failscope snapshot: give --patroni, --sentinel, --etcd or "
                + "--from\n");
        Run zero = run("snapshot", "--patroni", "http://127.0.0.1:1", "--read-timeout", "0s");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).startsWith("failscope snapshot: --read-timeout wants a positive duration");
        assertThat(run("drift", committed().toString()).err()).startsWith("failscope drift: give CONFIG_PATH... "
                + "SNAPSHOT_FILE, or CONFIG_PATH... --live");
        assertThat(run("drift", committed().toString(), "x.yaml", "--patroni", "http://a").err())
                .startsWith("failscope drift: endpoints (--patroni, --sentinel, --etcd, --from) need --live");
        assertThat(run("sweep").exit()).isEqualTo(2);
        assertThat(run("watch", committed().toString(), "--once", "--count", "2", "--prometheus", "x").exit())
                .isEqualTo(2);
    }

    @Test
    void fromASentinelConfTheUnreachableSentinelIsReportedOnItsPortLine() throws IOException {
        FakeRedis closed = new FakeRedis();
        int port = closed.port();
        closed.close();
        Path conf = tmp.resolve("sentinel.conf");
        Files.writeString(conf, "bind 127.0.0.1\nport " + port + "\nsentinel monitor mymaster 127.0.0.1 6379 2\n");
        Run r = run("snapshot", "--from", conf.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(conf + ":2:1: error: sentinel 127.0.0.1:" + port + ": connection refused "
                + "[drift-unreachable]\n");
    }

    @Test
    void fromPatroniFilesAnUnreachableMemberIsReportedOnItsOwnRestapiLine() throws IOException {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            Path dir = Files.createDirectories(tmp.resolve("patroni"));
            for (int i = 1; i <= 3; i++) {
                Files.writeString(dir.resolve("pg-" + i + ".yml"), "scope: lab\nname: pg-" + i + "\nrestapi:\n"
                        + "  listen: 0.0.0.0:8008\n  connect_address: " + p.url(i).substring("http://".length())
                        + "\n");
            }
            p.members.get(2).close();
            Run r = run("snapshot", "--from", dir.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo(dir.resolve("pg-3.yml") + ":5:20: error: member pg-3 (patroni " + p.url(3)
                    + "): GET /patroni: connection refused [drift-unreachable]\n" + dir.resolve("pg-3.yml")
                    + ":5:20: error: patroni " + p.url(3) + ": GET /cluster: connection refused [drift-unreachable]\n");
        }
    }

    @Test
    void driftLiveAgainstAMatchingConfigIsClean() throws IOException {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            Run r = run("drift", committed().toString(), "--live", "--patroni", p.url(1));
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).isEqualTo("no drift: the running clusters match the committed config\n");
        }
        try (FakePatroni p = new FakePatroni("{\"nofailover\":true}", 0)) {
            Run r = run("drift", committed().toString(), "--live", "--patroni", p.url(1), "--format", "sarif");
            assertThat(r.exit()).isEqualTo(1);
            JsonNode sarif = new ObjectMapper().readTree(r.out());
            JsonNode result = sarif.path("runs").get(0).path("results").get(0);
            assertThat(result.path("ruleId").asText()).isEqualTo("drift-no-failover");
            assertThat(result.path("locations").get(0).path("physicalLocation").path("region").path("startLine")
                    .asInt()).isEqualTo(5);
        }
    }

    @Test
    void passwordFileCredentialsAreUsedAndNeverPrinted() throws IOException {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            String header = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:pw-9f8e7d"
                    .getBytes(StandardCharsets.UTF_8));
            p.members.forEach(m -> m.requiredAuth = header);
            Path pw = tmp.resolve("secrets.properties");
            Files.writeString(pw, "patroni.user=ops\npatroni.password=pw-9f8e7d\n");
            Run denied = run("snapshot", "--patroni", p.url(1));
            assertThat(denied.exit()).isEqualTo(2);
            assertThat(denied.err()).contains("HTTP 401: not authorised (set the credentials)");
            Run r = run("snapshot", "--patroni", p.url(1), "--password-file", pw.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain("pw-9f8e7d");
        }
    }

    @Test
    void watchWritesCheckAndDriftMetricsEachRound() throws IOException {
        try (FakePatroni p = new FakePatroni("{}", 2_000_000)) {
            Path prom = tmp.resolve("failscope.prom");
            Run r = run("watch", committed().toString(), "--count", "2", "--interval", "100ms", "--patroni", p.url(1),
                    "--prometheus", prom.toString());
            assertThat(r.err().lines().filter(l -> l.matches(".* watch: 1 cluster read, 0 unreachable, \\d+ check "
                    + "findings?, \\d+ drift findings?"))).hasSize(2);
            String metrics = Files.readString(prom);
            assertThat(metrics).contains("# TYPE failscope_findings gauge\n")
                    .contains("failscope_live_up 1\n")
                    .contains("failscope_live_member_reachable{cluster=\"lab\",member=\"pg-1\",role=\"leader\"} 1\n")
                    .contains("failscope_live_replica_lag_bytes{cluster=\"lab\",member=\"pg-3\"} 2000000\n")
                    .contains("failscope_drift_findings{cluster=\"lab\",rule=\"drift-primary\",severity=\"warning\"} 0\n")
                    .contains("failscope_live_has_primary{cluster=\"lab\"} 1\n");
            assertThat(Files.list(tmp).map(f -> f.getFileName().toString())).doesNotContain("failscope.prom.tmp");
            // the command's scheduler is shut down when it returns: no watch thread is left
            long until = System.nanoTime() + 2_000_000_000L;
            while (watchThreadAlive() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(watchThreadAlive()).isFalse();
        }
    }

    private static boolean watchThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("failscope-watch")
                && t.isAlive());
    }

    @Test
    void simulateAndSweepLiveRunOnTheSnapshot() {
        try (FakePatroni p = new FakePatroni("{}", 0)) {
            Run sim = run("simulate", "--live", "--patroni", p.url(1), "--fail", "pg-1");
            assertThat(sim.exit()).as(sim.out() + sim.err()).isIn(0, 1);
            assertThat(sim.out()).contains("pg-1");
            Run sweep = run("sweep", "--live", "--patroni", p.url(1));
            assertThat(sweep.exit()).as(sweep.out() + sweep.err()).isIn(0, 1);
            assertThat(sweep.out()).contains("pg-1");
        }
    }
}
