package dev.failscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reality lab for Redis Sentinel 7.0 (Debian's redis-server and redis-sentinel): for each scenario the test writes
 * {@code redis.conf} and {@code sentinel.conf} files, asks Failscope what happens when the master dies, starts the
 * real servers and sentinels, kills the processes, and checks the prediction against what Sentinel did. Runs only
 * in the {@code lab} Maven profile ({@code mvn -B -Plab verify}); see docs/fidelity.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelLabTest {
    /** The Redis major.minor the lab is pinned to (Debian 12 ships 7.0.15). */
    static final String REDIS_PIN = "7\\.0\\..*";
    private static Fidelity table;
    private static String managerVersion;

    @BeforeAll
    static void machine() {
        String server = LabHost.requireVersion("redis-server", "redis-server", REDIS_PIN, "--version");
        String sentinel = LabHost.requireVersion("redis-sentinel", "redis-sentinel", REDIS_PIN, "--version");
        managerVersion = "sentinel@" + sentinel;
        table = new Fidelity("1-redis", "Redis Sentinel (3 sentinels, down-after-milliseconds 2000, "
                + "failover-timeout 10000)", List.of("redis-server " + server, "redis-sentinel " + sentinel));
    }

    @AfterAll
    static void nothingLeftRunning() {
        LabProcesses.closeAll("redis");
    }

    @Test
    @Order(1)
    void primaryLossPromotesTheLowerPriority() {
        run("primary-loss", "master killed; replica-priority 100 (default) and 50: the lower wins",
                new RedisLab.Setup(null, 50, 2), List.of());
    }

    @Test
    @Order(2)
    void priorityZeroOnEveryReplicaPromotesNothing() {
        run("all-priority-0", "master killed; replica-priority 0 on every replica", new RedisLab.Setup(0, 0, 2),
                List.of());
    }

    @Test
    @Order(3)
    void priorityZeroOnTheBestReplicaPromotesTheOther() {
        run("best-priority-0", "master killed; replica-priority 0 on 16380, 100 on 16381",
                new RedisLab.Setup(0, 100, 2), List.of());
    }

    @Test
    @Order(4)
    void equalPrioritiesLeaveTheWinnerToRunTime() {
        run("tie", "master killed; equal replica-priority 100 (offset, then run id decide)",
                new RedisLab.Setup(100, 100, 2), List.of());
    }

    @Test
    @Order(5)
    void oneSentinelDeadQuorumTwoStillPromotes() {
        run("one-sentinel-dead", "1 of 3 sentinels dead, then the master; quorum 2", new RedisLab.Setup(null, 50, 2),
                List.of(26381));
    }

    @Test
    @Order(6)
    void quorumUnreachablePromotesNothing() {
        run("quorum-unreachable", "2 of 3 sentinels dead, then the master; quorum 2",
                new RedisLab.Setup(null, 50, 2), List.of(26380, 26381));
    }

    @Test
    @Order(7)
    void quorumOfAllSentinelsWithOneDeadPromotesNothing() {
        run("quorum-3-one-dead", "1 of 3 sentinels dead, then the master; quorum 3", new RedisLab.Setup(null, 50, 3),
                List.of(26381));
    }

    @Test
    @Order(8)
    void observedLivePriorityPredictsTheOneWinnerWhereTheConfigsTie() {
        String scenario = "master killed; replica-priority 100 on both in the files, CONFIG SET replica-priority 10 "
                + "on 16381 live; INFO replication read into observed: priority, offset";
        try (RedisLab lab = new RedisLab("observed-priority", new RedisLab.Setup(100, 100, 2))) {
            lab.writeConfigs();
            List<String> failed = List.of(RedisLab.name(RedisLab.MASTER));
            Prediction blind = Prediction.ask(lab.configs(), RedisLab.MASTER_NAME, failed, managerVersion);
            lab.start();
            assertThat(Resp.text(RedisLab.R2, "CONFIG", "SET", "replica-priority", "10")).contains("OK");
            // the sentinels read slave_priority from INFO every 10 s
            LabHost.await(Duration.ofSeconds(25), "every sentinel seeing replica-priority 10 on " + RedisLab.R2,
                    () -> RedisLab.sentinelsSeePriority(RedisLab.R2).filter("10"::equals));
            String observed = lab.writeObservations();
            Prediction prediction = Prediction.ask(lab.configs(), RedisLab.MASTER_NAME, failed, managerVersion);
            assertThat(blind.possiblePrimaries()).containsExactly(RedisLab.name(RedisLab.R1),
                    RedisLab.name(RedisLab.R2));
            assertThat(prediction.possiblePrimaries()).as("prediction from%n%s", observed)
                    .containsExactly(RedisLab.name(RedisLab.R2));
            long killedAt = lab.killMaster();
            Outcome real = lab.observe(killedAt);
            check(scenario, real, prediction);
        }
    }

    private static void run(String dirName, String scenario, RedisLab.Setup setup, List<Integer> deadSentinels) {
        try (RedisLab lab = new RedisLab(dirName, setup)) {
            lab.writeConfigs();
            List<String> failed = new ArrayList<>();
            deadSentinels.forEach(p -> failed.add(RedisLab.name(p)));
            failed.add(RedisLab.name(RedisLab.MASTER));
            Prediction prediction = Prediction.ask(lab.configs(), RedisLab.MASTER_NAME, failed, managerVersion);
            lab.start();
            for (int port : deadSentinels) {
                lab.killSentinel(port);
            }
            if (!deadSentinels.isEmpty()) {
                LabHost.sleep(Duration.ofSeconds(1));
            }
            long killedAt = lab.killMaster();
            Outcome real = lab.observe(killedAt);
            check(scenario, real, prediction);
        }
    }

    private static void check(String scenario, Outcome real, Prediction prediction) {
        List<String> why = table.record(scenario, real, prediction, RedisLab.name(RedisLab.MASTER));
        assertThat(why).as("%s%nreal: %s%nFailscope (%s): %s%nsentinel events:%n%s", scenario, real.describe(),
                String.join(" ", prediction.args()), prediction.describe(), real.detail()).isEmpty();
    }
}
