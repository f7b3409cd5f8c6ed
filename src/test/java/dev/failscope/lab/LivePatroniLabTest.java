package dev.failscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code snapshot}, {@code drift}, {@code watch} and {@code sweep --live} against a real Patroni 3.0 cluster (the
 * reality lab's, Debian packages, on 127.0.0.1): first no drift, then a committed copy that disagrees (a member it
 * does not list, a nofailover tag the running member lacks), a replica made to lag (its WAL receiver stopped while
 * the leader writes 30 MB), and a member killed. Runs in the {@code lab} profile ({@code mvn -B -Plab test}).
 */
@ResourceLock("lab-patroni-ports")
class LivePatroniLabTest {
    @BeforeAll
    static void machine() {
        LabHost.requireVersion("patroni", "patroni", PatroniLabTest.PATRONI_PIN, "--version");
        LabHost.requireVersion("etcd", "etcd-server", PatroniLabTest.ETCD_PIN, "--version");
        LabHost.requireVersion("postgres", "postgresql-15", PatroniLabTest.POSTGRES_PIN, "--version");
        LabHost.requireVersion("setpriv", "util-linux", "\\d+\\.\\d+.*", "--version");
        LabHost.ensureLabUser();
    }

    @AfterAll
    static void nothingLeftRunning() {
        LabProcesses.closeAll("patroni");
    }

    @Test
    void snapshotDriftWatchAndSweepOnARealCluster() throws IOException {
        try (PatroniLab lab = new PatroniLab("live", new PatroniLab.Setup(Map.of(), List.of(), 1))) {
            lab.writeConfigs();
            lab.start();
            Path configs = lab.configs();
            Path dir = configs.getParent();
            String from = configs.toString();
            Path transcript = dir.resolve("transcript.txt");

            Path snapshot = dir.resolve("snapshot.yaml");
            Cli.Result snap = Cli.record(transcript, "snapshot", "--from", from, "--output", snapshot.toString());
            assertThat(snap.exit()).as("%s", snap).isZero();
            String yaml = Files.readString(snapshot, StandardCharsets.UTF_8);
            assertThat(yaml).startsWith("# failscope snapshot, taken ").contains("manager: \"patroni@3.0.2\"")
                    .contains("primary: \"pg-1\"").contains("role: \"leader\"").contains("max-lag-bytes: 1048576")
                    .contains("# unreachable: none");
            assertThat(yaml.split("state: \"(running|streaming)\"", -1)).hasSize(4);

            Cli.Result clean = Cli.record(transcript, "drift", from, "--live");
            assertThat(clean.exit()).as("%s", clean).isZero();
            assertThat(clean.out()).endsWith("no drift: the running clusters match the committed config\n");
            Cli.Result fromFile = Cli.record(transcript, "drift", from, snapshot.toString());
            assertThat(fromFile.exit()).as("%s", fromFile).isZero();

            // no REST API answers (a port nothing listens on): Patroni's keys in etcd stand in
            Cli.Result etcd = Cli.record(transcript, "snapshot", "--patroni", "http://127.0.0.1:1", "--etcd",
                    "http://" + PatroniLab.etcdName(1));
            assertThat(etcd.exit()).as("%s", etcd).isEqualTo(1);
            assertThat(etcd.out()).contains("read from etcd http://" + PatroniLab.etcdName(1))
                    .contains("manager: \"patroni@3.0.2\"").contains("primary: \"pg-1\"")
                    .contains("max-lag-bytes: 1048576");
            assertThat(etcd.err()).contains("patroni http://127.0.0.1:1: GET /cluster: connection refused");

            // the committed copy drifts: pg-3 left out, pg-2 tagged nofailover (the running pg-2 is not)
            Path committed = Files.createDirectories(dir.resolve("committed"));
            Files.copy(configs.resolve("pg-1.yml"), committed.resolve("pg-1.yml"));
            Files.writeString(committed.resolve("pg-2.yml"), Files.readString(configs.resolve("pg-2.yml"))
                    .replace("nofailover: false", "nofailover: true"));
            Cli.Result drifted = Cli.record(transcript, "drift", committed.toString(), "--live", "--from", from);
            assertThat(drifted.exit()).as("%s", drifted).isEqualTo(1);
            assertThat(drifted.out()).contains("error: cluster lab: pg-3 is a running member the committed "
                    + "inventory does not declare [drift-unknown-member]");
            assertThat(drifted.out()).containsPattern("committed/pg-2\\.yml:\\d+:\\d+: error: server pg-2 is a "
                    + "failover candidate live but no-failover as committed \\[drift-no-failover\\]");

            // pg-2 lags: its WAL receiver stopped while pg-1 writes 30 MB
            lab.stopWalReceiver(2);
            Exec.Result w = PatroniLab.psql(1, "create table big as select g, repeat('x', 200) pad "
                    + "from generate_series(1, 120000) g", Duration.ofSeconds(60));
            assertThat(w.exit()).as("30 MB written on pg-1: %s", w.output()).isZero();
            Optional<Cli.Result> lagging = LabHost.poll(Duration.ofSeconds(20), () -> Optional.of(Cli.run("drift",
                    from, "--live")).filter(r -> r.out().contains("[drift-lag]")));
            assertThat(lagging).as("drift-lag within 20 s; last: %s", Cli.run("drift", from, "--live")).isPresent();
            assertThat(lagging.get().exit()).isEqualTo(1);
            Cli.record(transcript, "drift", from, "--live");
            assertThat(lagging.get().out()).containsPattern("error: cluster lab: pg-2 lags \\d+ bytes behind, "
                    + "more than max-lag-bytes 1048576: it would not be promoted \\[drift-lag\\]");

            Path prom = dir.resolve("failscope.prom");
            Cli.Result watch = Cli.record(transcript, "watch", from, "--once", "--interval", "1s", "--prometheus", prom.toString());
            assertThat(watch.exit()).as("%s", watch).isEqualTo(1);
            String metrics = Files.readString(prom, StandardCharsets.UTF_8);
            assertThat(metrics).contains("failscope_live_up 1\n")
                    .contains("failscope_drift_findings{cluster=\"lab\",rule=\"drift-lag\",severity=\"error\"} 1\n")
                    .contains("failscope_live_member_reachable{cluster=\"lab\",member=\"pg-3\",role=\"replica\"} 1\n")
                    .contains("failscope_findings{rule=\"no-viable-failover\",severity=\"error\"} 0\n")
                    .containsPattern("failscope_live_replica_lag_bytes\\{cluster=\"lab\",member=\"pg-2\"} "
                            + "\\d{7,}\n");

            Cli.Result sweep = Cli.record(transcript, "sweep", "--live", "--from", from);
            assertThat(sweep.exit()).as("%s", sweep).isIn(0, 1);
            // the observed lag decides: Patroni passes over pg-2 (past maximum_lag_on_failover), so one winner, pg-3
            assertThat(sweep.out()).contains("promoted in lab: pg-3");

            // pg-3 dies: its REST API stops answering (the DCS still lists it until its key expires)
            lab.killMember(3);
            Cli.Result down = Cli.record(transcript, "drift", from, "--live");
            assertThat(down.exit()).as("%s", down).isEqualTo(1);
            assertThat(down.out()).containsPattern("pg-3\\.yml:\\d+:\\d+: error: .*pg-3.*\\[drift-(unreachable|"
                    + "missing-member)]");
            Cli.Result watchDown = Cli.record(transcript, "watch", from, "--once", "--prometheus", prom.toString());
            assertThat(watchDown.exit()).isEqualTo(1);
            assertThat(Files.readString(prom)).containsPattern("failscope_drift_findings\\{cluster=\"lab\",rule="
                    + "\"drift-(unreachable|missing-member)\",severity=\"(error|warning)\"} 1\n");
        }
    }
}
