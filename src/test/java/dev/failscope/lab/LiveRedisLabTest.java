package dev.failscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code snapshot}, {@code drift}, {@code watch} and {@code sweep --live} against the reality lab's real Redis
 * Sentinel deployment: first no drift, then a replica-priority changed live ({@code CONFIG SET}), a replica that no
 * config mentions (started by hand, found by the sentinels), and a replica killed. Runs in the {@code lab} profile.
 */
@ResourceLock("lab-redis-ports")
class LiveRedisLabTest {
    static final int EXTRA = 16382;

    @BeforeAll
    static void machine() {
        LabHost.requireVersion("redis-server", "redis-server", RedisSentinelLabTest.REDIS_PIN, "--version");
        LabHost.requireVersion("redis-sentinel", "redis-sentinel", RedisSentinelLabTest.REDIS_PIN, "--version");
    }

    @AfterAll
    static void nothingLeftRunning() {
        LabProcesses.closeAll("redis");
    }

    @Test
    void snapshotDriftWatchAndSweepOnRealSentinels() throws IOException {
        try (RedisLab lab = new RedisLab("live", new RedisLab.Setup(null, null, 2))) {
            lab.writeConfigs();
            lab.start();
            String from = lab.configs().toString();
            Path dir = lab.configs().getParent();
            Path transcript = dir.resolve("transcript.txt");

            Cli.Result snap = Cli.record(transcript, "snapshot", "--from", from);
            assertThat(snap.exit()).as("%s", snap).isZero();
            assertThat(snap.out()).contains("manager: \"sentinel@7.0.15\"").contains("primary: \"127.0.0.1:16379\"")
                    .contains("quorum: 2").contains("detection: 2s   # down-after-milliseconds")
                    .contains("      priority: 100\n").contains("# unreachable: none");

            Cli.Result clean = Cli.record(transcript, "drift", from, "--live");
            assertThat(clean.exit()).as("%s", clean).isZero();
            assertThat(clean.out()).endsWith("no drift: the running clusters match the committed config\n");

            assertThat(Resp.text(RedisLab.R1, "CONFIG", "SET", "replica-priority", "50")).contains("OK");
            Cli.Result priority = Cli.record(transcript, "drift", from, "--live", "--fail-on", "warning");
            assertThat(priority.exit()).as("%s", priority).isEqualTo(1);
            assertThat(priority.out()).contains("warning: server 127.0.0.1:16380: replica-priority is 50 live, 100 "
                    + "(Redis' default, none written) as committed [drift-priority]");

            lab.startExtraReplica(EXTRA);
            Optional<Cli.Result> unknown = LabHost.poll(Duration.ofSeconds(30), () -> Optional.of(Cli.run("drift",
                    from, "--live")).filter(r -> r.out().contains("[drift-unknown-member]")));
            assertThat(unknown).as("the sentinels report the extra replica within 30 s").isPresent();
            assertThat(unknown.get().exit()).isEqualTo(1);
            Cli.record(transcript, "drift", from, "--live");
            assertThat(unknown.get().out()).contains("error: cluster mymaster: 127.0.0.1:16382 is a running member "
                    + "the committed inventory does not declare [drift-unknown-member]");

            Path prom = dir.resolve("failscope.prom");
            Cli.Result watch = Cli.record(transcript, "watch", from, "--count", "2", "--interval", "1s", "--prometheus",
                    prom.toString());
            assertThat(watch.exit()).as("%s", watch).isEqualTo(1);
            assertThat(watch.err().lines().filter(l -> l.contains(" watch: 1 cluster read")).count()).isEqualTo(2);
            String metrics = Files.readString(prom, StandardCharsets.UTF_8);
            assertThat(metrics).contains("failscope_live_up 1\n").contains("failscope_drift_findings{cluster="
                    + "\"mymaster\",rule=\"drift-unknown-member\",severity=\"error\"} 1\n")
                    .contains("failscope_live_has_primary{cluster=\"mymaster\"} 1\n");

            Cli.Result sweep = Cli.record(transcript, "sweep", "--live", "--from", from);
            assertThat(sweep.exit()).as("%s", sweep).isIn(0, 1);
            // the observed replica-priority decides: 50 on 16380 beats the default 100 on 16381 (and the unknown 16382)
            assertThat(sweep.out()).contains("promoted in mymaster: 127.0.0.1:16380");

            lab.killReplica(RedisLab.R2);
            Cli.Result down = Cli.record(transcript, "drift", from, "--live");
            assertThat(down.exit()).isEqualTo(1);
            assertThat(down.out()).containsPattern("redis-16381\\.conf:\\d+:\\d+: error: member 127\\.0\\.0\\.1:16381 "
                    + ".*\\[drift-unreachable]");
        }
    }
}
