package dev.failscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reality lab for Patroni 3.0 with etcd 3.4 and PostgreSQL 15 (Debian's patroni, etcd-server, postgresql-15): for
 * each scenario the test writes the three member YAML files, asks Failscope for its prediction from them, starts the
 * real cluster, kills processes, and checks the prediction against what Patroni did. Runs only in the {@code lab}
 * Maven profile ({@code mvn -B -Plab verify}); see docs/fidelity.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatroniLabTest {
    static final String PATRONI_PIN = "3\\.0\\..*";
    static final String ETCD_PIN = "3\\.4\\..*";
    static final String POSTGRES_PIN = "15\\..*";
    private static final List<String> SYNC = List.of("synchronous_mode: true");
    private static final Map<Integer, List<String>> PG3_NOSYNC = Map.of(3, List.of("nofailover: false",
            "nosync: true"));
    private static Fidelity table;
    private static String managerVersion;

    @BeforeAll
    static void machine() {
        String patroni = LabHost.requireVersion("patroni", "patroni", PATRONI_PIN, "--version");
        String etcd = LabHost.requireVersion("etcd", "etcd-server", ETCD_PIN, "--version");
        String postgres = LabHost.requireVersion("postgres", "postgresql-15", POSTGRES_PIN, "--version");
        LabHost.requireVersion("psql", "postgresql-client-15", POSTGRES_PIN, "--version");
        LabHost.requireVersion("setpriv", "util-linux", "\\d+\\.\\d+.*", "--version");
        LabHost.ensureLabUser();
        managerVersion = "patroni@" + patroni;
        table = new Fidelity("2-patroni", "Patroni (3 members, etcd3, ttl 10, loop_wait 2, retry_timeout 5, "
                + "maximum_lag_on_failover 1 MiB)", List.of("patroni " + patroni, "etcd " + etcd,
                "PostgreSQL " + postgres));
    }

    @AfterAll
    static void nothingLeftRunning() {
        LabProcesses.closeAll("patroni");
    }

    @Test
    @Order(1)
    void primaryLossPromotesOneOfTheReplicas() {
        failover("primary-loss", "leader pg-1 killed; equal replicas (the leader race decides)",
                new PatroniLab.Setup(Map.of(), List.of(), 1), List.of(1));
    }

    @Test
    @Order(2)
    void nofailoverOnOneReplicaPromotesTheOther() {
        failover("nofailover-one", "leader killed; nofailover: true on pg-2",
                new PatroniLab.Setup(Map.of(2, List.of("nofailover: true")), List.of(), 1), List.of(1));
    }

    @Test
    @Order(3)
    void nofailoverOnEveryReplicaPromotesNothing() {
        failover("nofailover-all", "leader killed; nofailover: true on pg-2 and pg-3",
                new PatroniLab.Setup(Map.of(2, List.of("nofailover: true"), 3, List.of("nofailover: true")),
                        List.of(), 1), List.of(1));
    }

    @Test
    @Order(4)
    void synchronousModePromotesOnlyTheSyncStandby() {
        failover("sync-primary-loss", "synchronous_mode, nosync on pg-3; leader killed",
                new PatroniLab.Setup(PG3_NOSYNC, SYNC, 1), List.of(1));
    }

    @Test
    @Order(5)
    void synchronousModeWithTheSyncStandbyDeadPromotesNothing() {
        failover("sync-standby-dies-too", "synchronous_mode, nosync on pg-3; leader and sync standby pg-2 killed",
                new PatroniLab.Setup(PG3_NOSYNC, SYNC, 1), List.of(1, 2));
    }

    @Test
    @Order(6)
    void laggingReplicaIsPassedOver() {
        String scenario = "leader killed; pg-2 lags > maximum_lag_on_failover (WAL receiver stopped, 30 MB written)";
        PatroniLab.Setup setup = new PatroniLab.Setup(Map.of(), List.of(), 1);
        try (PatroniLab lab = new PatroniLab("lagging-replica", setup)) {
            lab.writeConfigs();
            Prediction prediction = Prediction.ask(lab.configs(), PatroniLab.SCOPE, List.of("pg-1"), managerVersion);
            lab.start();
            lab.stopWalReceiver(2);
            Exec.Result w = PatroniLab.psql(1, "create table big as select g, repeat('x', 200) pad "
                    + "from generate_series(1, 120000) g", Duration.ofSeconds(60));
            assertThat(w.exit()).as("30 MB written on pg-1: %s", w.output()).isZero();
            // more than 2 x loop_wait: the leader publishes its new WAL position to etcd
            LabHost.sleep(Duration.ofSeconds(6));
            // the same failover judged twice: from the files alone, and with the positions read live
            String observed = lab.writeObservations();
            Prediction seen = Prediction.ask(lab.configs(), PatroniLab.SCOPE, List.of("pg-1"), managerVersion);
            assertThat(seen.possiblePrimaries()).as("prediction from%n%s", observed).containsExactly("pg-3");
            long killedAt = System.nanoTime();
            lab.killMember(1);
            Outcome real = lab.observeFailover(killedAt, List.of(1));
            check(scenario, real, prediction);
            check(scenario + "; positions read live (GET /patroni) into observed: lsn", real, seen);
        }
    }

    @Test
    @Order(7)
    void etcdMajorityLostDemotesThePrimary() {
        String scenario = "3 etcd members, 2 killed (DCS majority lost)";
        try (PatroniLab lab = new PatroniLab("etcd-majority-lost", new PatroniLab.Setup(Map.of(), List.of(), 3))) {
            lab.writeConfigs();
            Prediction prediction = Prediction.ask(lab.configs(), PatroniLab.SCOPE,
                    List.of(PatroniLab.etcdName(2), PatroniLab.etcdName(3)), managerVersion);
            lab.start();
            long killedAt = System.nanoTime();
            lab.killEtcd(2);
            lab.killEtcd(3);
            Optional<Boolean> demoted = LabHost.poll(Duration.ofSeconds(40),
                    () -> PatroniLab.writable(1, Duration.ofSeconds(3)) ? Optional.empty() : Optional.of(true));
            long demotedMs = RedisLab.msSince(killedAt);
            boolean anyWritable = List.of(1, 2, 3).stream().anyMatch(i -> PatroniLab.writable(i,
                    Duration.ofSeconds(3)));
            String view = lab.clusterView(PatroniLab.rest(1));
            Outcome real = demoted.isPresent() && !anyWritable ? Outcome.noPrimary(demotedMs, view)
                    : new Outcome(Outcome.Kind.PRIMARY_KEPT, "pg-1", null, null, view);
            check(scenario, real, prediction);
        }
    }

    @Test
    @Order(8)
    void strictSynchronousModeLetsTheNosyncReplicaAcknowledge() {
        // measured: Patroni 3.0.2 sets synchronous_standby_names to '*' when no sync candidate is left, and '*'
        // matches the nosync pg-3 too, so commits go on
        strict("sync-strict-standby-dead", "synchronous_mode_strict, nosync on pg-3; sync standby pg-2 killed",
                List.of(2));
    }

    @Test
    @Order(9)
    void strictSynchronousModeWithNoStandbyLeftBlocksWrites() {
        strict("sync-strict-no-standby", "synchronous_mode_strict, nosync on pg-3; pg-2 and pg-3 killed",
                List.of(2, 3));
    }

    @Test
    @Order(10)
    void observedWalPositionsPredictTheOneWinner() {
        String scenario = "leader killed; pg-3's WAL receiver stopped, then ~0.3 MB written; positions read live "
                + "(GET /patroni) into observed: lsn";
        try (PatroniLab lab = new PatroniLab("observed-lsn", new PatroniLab.Setup(Map.of(), List.of(), 1))) {
            lab.writeConfigs();
            Prediction blind = Prediction.ask(lab.configs(), PatroniLab.SCOPE, List.of("pg-1"), managerVersion);
            lab.start();
            lab.stopWalReceiver(3);
            Exec.Result w = PatroniLab.psql(1, "create table small as select g, repeat('x', 200) pad "
                    + "from generate_series(1, 1000) g", Duration.ofSeconds(30));
            assertThat(w.exit()).as("written on pg-1: %s", w.output()).isZero();
            long written = PatroniLab.walPosition(1);
            LabHost.awaitCondition(Duration.ofSeconds(20), "pg-2 received pg-1's WAL",
                    () -> PatroniLab.walPosition(2) >= written);
            String observed = lab.writeObservations();
            Prediction prediction = Prediction.ask(lab.configs(), PatroniLab.SCOPE, List.of("pg-1"), managerVersion);
            // the configs alone leave the race open; the positions decide it, as Patroni's _is_healthiest_node does
            assertThat(blind.possiblePrimaries()).containsExactly("pg-2", "pg-3");
            assertThat(prediction.possiblePrimaries()).as("prediction from%n%s", observed).containsExactly("pg-2");
            long killedAt = System.nanoTime();
            lab.killMember(1);
            check(scenario, lab.observeFailover(killedAt, List.of(1)), prediction);
        }
    }

    private static void strict(String dirName, String scenario, List<Integer> killed) {
        PatroniLab.Setup setup = new PatroniLab.Setup(PG3_NOSYNC, List.of("synchronous_mode: true",
                "synchronous_mode_strict: true"), 1);
        try (PatroniLab lab = new PatroniLab(dirName, setup)) {
            lab.writeConfigs();
            Prediction prediction = Prediction.ask(lab.configs(), PatroniLab.SCOPE,
                    killed.stream().map(i -> "pg-" + i).toList(), managerVersion);
            lab.start();
            killed.forEach(lab::killMember);
            // 3 x loop_wait: the leader sees the standby gone from pg_stat_replication and re-chooses (measured: ~2 s)
            LabHost.sleep(Duration.ofSeconds(6));
            boolean leads = PatroniLab.members(PatroniLab.rest(1)).stream()
                    .anyMatch(m -> m.name().equals("pg-1") && m.leader());
            Exec.Result write = PatroniLab.psql(1, "insert into t default values", Duration.ofSeconds(6));
            String view = lab.clusterView(PatroniLab.rest(1)) + "\nwrite on pg-1: exit " + write.exit() + " "
                    + write.output() + "\n" + PatroniLab.psql(1, "show synchronous_standby_names",
                    Duration.ofSeconds(5)).output();
            Outcome real = !leads ? Outcome.noPrimary(null, view) : write.timedOut()
                    ? new Outcome(Outcome.Kind.WRITES_BLOCKED, "pg-1", null, null, view)
                    : new Outcome(Outcome.Kind.PRIMARY_KEPT, "pg-1", null, null, view);
            check(scenario, real, prediction);
        }
    }

    private static void failover(String dirName, String scenario, PatroniLab.Setup setup, List<Integer> killed) {
        try (PatroniLab lab = new PatroniLab(dirName, setup)) {
            lab.writeConfigs();
            Prediction prediction = Prediction.ask(lab.configs(), PatroniLab.SCOPE,
                    killed.stream().map(i -> "pg-" + i).toList(), managerVersion);
            lab.start();
            long killedAt = System.nanoTime();
            killed.forEach(lab::killMember);
            check(scenario, lab.observeFailover(killedAt, killed), prediction);
        }
    }

    private static void check(String scenario, Outcome real, Prediction prediction) {
        List<String> why = table.record(scenario, real, prediction, "pg-1");
        assertThat(why).as("%s%nreal: %s%nFailscope (%s): %s%nPatroni /cluster: %s", scenario, real.describe(),
                String.join(" ", prediction.args()), prediction.describe(), real.detail()).isEmpty();
    }
}
