package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {
    @TempDir
    Path dir;

    private static final String CLUSTER = Fixtures.CLUSTER;

    private static final String WRITER = """
            ---
            kind: service
            name: writer
            depends-on:
              - {cluster: c, access: write}
            """;

    private static Simulation run(Topology t, String... fail) {
        return Fixtures.simulate(t, fail);
    }

    private static List<String> lines(Simulation s) {
        return s.timeline().events().stream()
                .map(e -> e.at().toSeconds() + "s " + e.kind().label() + " " + e.subject()).toList();
    }

    private Topology policy(String extraServers, String policy) {
        return Fixtures.yaml(dir, Fixtures.inventory(extraServers) + CLUSTER + "kind: failover\ncluster: c\n"
                + "detection: 10s\nattempt-timeout: 20s\n" + policy + WRITER);
    }

    @Test
    void catifymeReproducesTheIncident() {
        Simulation s = run(Fixtures.sample("catifyme"), "db-main-1");

        assertThat(lines(s)).containsExactly(
                "0s failed db-main-1",
                "0s primary-lost catify-main",
                "0s service-down cat-posting",
                "0s service-down cat-liking",
                "0s service-down cat-commenting",
                "30s detected catify-main",
                "30s candidate-skipped db-legacy-2",
                "90s attempt-timed-out db-legacy-2",
                "90s outage catify-main");
        SimulationEvent skip = s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED).get(0);
        assertThat(skip.reason()).isEqualTo("attempt on db-legacy-2: decommissioned, cannot be promoted");
        assertThat(skip.position().shortForm()).isEqualTo("inventory.yaml:26");
        assertThat(s.cluster("catify-main", "db-main-1").health()).isEqualTo(Health.DOWN);
        assertThat(s.summary().servicesDown()).containsExactly("cat-commenting", "cat-liking", "cat-posting");
        assertThat(s.service("cat-posting").downAt()).isEqualTo(Duration.ZERO);
        assertThat(s.service("cat-posting").restoredAtOpt()).isEmpty();
        assertThat(s.outage()).isTrue();
    }

    @Test
    void stepsReplayTheIncidentForAViewer() {
        Simulation s = run(Fixtures.sample("catifyme"), "db-main-1");

        SimulationStep before = s.step(0);
        assertThat(before.failed()).isEmpty();
        assertThat(before.primary("catify-main", "db-main-1")).contains("db-main-1");
        int skip = s.timeline().events().indexOf(s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED).get(0)) + 1;
        SimulationStep trying = s.step(skip);
        assertThat(trying.trying()).isEqualTo("db-legacy-2");
        assertThat(trying.skipped()).containsExactly(java.util.Map.entry("db-legacy-2", "decommissioned"));
        assertThat(trying.clustersDown()).containsExactly("catify-main");
        assertThat(trying.service("cat-posting")).isEqualTo(Health.DOWN);
        SimulationStep end = s.end();
        assertThat(end.trying()).isNull();
        assertThat(end.failed()).containsExactly("db-main-1");
        assertThat(end.primary("catify-main", "db-main-1")).isEmpty();
        assertThat(end.cluster("catify-main")).isEqualTo(Health.DOWN);
    }

    @Test
    void stepsShowThePromotionAndRepointing() {
        Simulation s = run(Fixtures.sample("three-zone-healthy"), "pg-orders-1");

        SimulationStep end = s.end();
        assertThat(end.promoted()).containsExactly("pg-orders-2");
        assertThat(end.primary("orders-pg", "pg-orders-1")).contains("pg-orders-2");
        assertThat(end.repointed()).containsExactly(java.util.Map.entry("pg-orders-3", "pg-orders-2"));
        assertThat(end.cluster("orders-pg")).isEqualTo(Health.DEGRADED);
        assertThat(end.service("checkout")).isEqualTo(Health.DEGRADED);
        assertThat(end.service("account-api")).isEqualTo(Health.OK);
    }

    @Test
    void catifymeFixedPromotesTheReplica() {
        Simulation s = run(Fixtures.sample("catifyme-fixed"), "db-main-1");

        ClusterOutcome c = s.cluster("catify-main", "db-main-1");
        assertThat(c.primary()).isEqualTo("db-replica-1");
        assertThat(c.rto()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.rpoRisk()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.health()).isEqualTo(Health.DEGRADED);
        assertThat(s.service("cat-posting").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.service("cat-posting").restoredAt()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.outage()).isFalse();
        assertThat(s.timeline().ofKind(EventKind.PROMOTED).get(0).position().shortForm())
                .isEqualTo("failover.yaml:8");
    }

    @Test
    void everySkippedCandidateCostsAnAttemptTimeout() {
        Topology t = policy("""
                  - {name: gone, region: eu, zone: eu-c, status: decommissioned}
                  - {name: fixing, region: eu, zone: eu-c, status: maintenance}
                """, "candidates: [undeclared, gone, fixing, r2]\n");
        Simulation s = run(t, "p");

        assertThat(s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED)).extracting(SimulationEvent::subject)
                .containsExactly("undeclared", "gone", "fixing");
        assertThat(s.timeline().ofKind(EventKind.ATTEMPT_TIMED_OUT)).extracting(e -> e.at().toSeconds())
                .containsExactly(30L, 50L, 70L);
        SimulationEvent promoted = s.timeline().ofKind(EventKind.PROMOTED).get(0);
        assertThat(promoted.subject()).isEqualTo("r2");
        assertThat(promoted.at()).isEqualTo(Duration.ofSeconds(70));
        assertThat(s.cluster("c", "p").rto()).isEqualTo(Duration.ofSeconds(70));
        assertThat(s.cluster("c", "p").rpoRisk()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void staticReasonsComeFromTheSharedEvaluator() {
        Topology t = Fixtures.yaml(dir, """
                kind: inventory
                servers:
                  - {name: p, region: eu, zone: eu-a}
                  - {name: nf, region: eu, zone: eu-b, no-failover: true}
                  - {name: lag, region: eu, zone: eu-b}
                  - {name: as, region: eu, zone: eu-b}
                  - {name: far, region: us, zone: us-a}
                  - {name: other, region: eu, zone: eu-c}
                ---
                kind: cluster
                name: c
                primary: p
                replicas:
                  - {server: nf, mode: sync}
                  - {server: lag, mode: sync, lag: 30s}
                  - {server: as, mode: async, lag: 1s}
                  - {server: far, mode: sync}
                ---
                kind: cluster
                name: d
                primary: other
                ---
                kind: failover
                cluster: c
                candidates: [p, nf, lag, as, far, other]
                max-lag: 10s
                require-sync: true
                same-region-only: true
                """);
        Simulation s = run(t, "p");

        assertThat(s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED)).extracting(SimulationEvent::reason)
                .containsExactly(
                        "attempt on p: is the primary of c, cannot be promoted",
                        "attempt on nf: marked no-failover, cannot be promoted",
                        "attempt on lag: lag 30s > max-lag 10s, cannot be promoted",
                        "attempt on as: async, but require-sync is set, cannot be promoted",
                        "attempt on far: in region us, primary in eu (same-region-only), cannot be promoted",
                        "attempt on other: not a replica of c (it belongs to d), cannot be promoted");
        assertThat(s.cluster("c", "p").health()).isEqualTo(Health.DOWN);
        assertThat(s.timeline().ofKind(EventKind.OUTAGE).get(0).at()).isEqualTo(Duration.ofSeconds(30 + 6 * 60));
    }

    @Test
    void aCandidateFailedInTheScenarioIsSkipped() {
        Simulation s = run(policy("", "candidates: [r1, r2]\n"), "p", "r1");

        SimulationEvent skip = s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED).get(0);
        assertThat(skip.subject()).isEqualTo("r1");
        assertThat(skip.reason()).startsWith("attempt on r1: failed in this scenario");
        assertThat(skip.positionOpt()).isEmpty();
        assertThat(s.cluster("c", "p").primary()).isEqualTo("r2");
    }

    @Test
    void aCandidateWhoseSourceChainIsBrokenIsSkipped() {
        Topology t = Fixtures.yaml(dir, Fixtures.inventory("") + """
                kind: cluster
                name: c
                primary: p
                replicas:
                  - {server: r1, mode: sync}
                  - {server: r2, source: r1, mode: sync}
                ---
                kind: failover
                cluster: c
                candidates: [r2]
                """);
        Simulation s = run(t, "p", "r1");

        SimulationEvent skip = s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED).get(0);
        assertThat(skip.reason()).isEqualTo(
                "attempt on r2: its replication source chain is broken: r1 failed, cannot be promoted");
        assertThat(s.cluster("c", "p").health()).isEqualTo(Health.DOWN);
        assertThat(CandidateReason.SOURCE_BROKEN.blocksPromotion()).isTrue();
    }

    @Test
    void noFailoverPolicyMeansOutageAfterDefaultDetection() {
        Topology t = Fixtures.yaml(dir, Fixtures.inventory("") + CLUSTER.replace("---\n", "") + WRITER);
        Simulation s = run(t, "p");

        SimulationEvent outage = s.timeline().ofKind(EventKind.OUTAGE).get(0);
        assertThat(outage.at()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outage.reason()).contains("no failover policy");
        assertThat(s.service("writer").health()).isEqualTo(Health.DOWN);
    }

    @Test
    void aFailedReplicaDegradesButIsNoOutage() {
        Simulation s = run(policy("", "candidates: [r1]\n"), "r2");

        assertThat(lines(s)).containsExactly("0s failed r2", "0s degraded c", "0s service-degraded writer");
        assertThat(s.cluster("c", "p").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.cluster("c", "p").primary()).isEqualTo("p");
        assertThat(s.service("writer").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.outage()).isFalse();
    }

    @Test
    void cascadingReplicasOfAFailedSourceGoStale() {
        Simulation s = run(Fixtures.sample("three-zone-healthy"), "pg-orders-3");

        SimulationEvent stale = s.timeline().ofKind(EventKind.REPLICA_STALE).get(0);
        assertThat(stale.subject()).isEqualTo("pg-orders-4");
        assertThat(stale.position().shortForm()).isEqualTo("postgresql.yaml:16");
        assertThat(s.servers().get("pg-orders-4").state()).isEqualTo(ServerOutcome.State.STALE);
        assertThat(s.service("sales-reports").health()).isEqualTo(Health.DEGRADED);
    }

    @Test
    void aReplicaThatFailsWithItsSourceIsLostNotStale() {
        Simulation s = run(Fixtures.sample("three-zone-healthy"), "zone:us-east-1c");

        assertThat(s.timeline().ofKind(EventKind.REPLICA_STALE)).isEmpty();
        assertThat(s.timeline().ofKind(EventKind.DEGRADED)).extracting(SimulationEvent::reason).containsExactly(
                "accounts-mysql loses replica mysql-accounts-2: redundancy reduced",
                "orders-pg loses replica pg-orders-3: redundancy reduced",
                "orders-pg loses replica pg-orders-4: redundancy reduced");
        assertThat(s.servers().get("pg-orders-4").state()).isEqualTo(ServerOutcome.State.FAILED);
    }

    @Test
    void directReplicasFollowTheNewPrimaryAndCascadingOnesKeepTheirSource() {
        Simulation s = run(Fixtures.sample("three-zone-healthy"), "pg-orders-1");

        assertThat(s.timeline().ofKind(EventKind.PROMOTED)).extracting(SimulationEvent::subject)
                .containsExactly("pg-orders-2");
        assertThat(s.timeline().ofKind(EventKind.REPOINTED)).extracting(SimulationEvent::reason)
                .containsExactly("pg-orders-3 re-points from pg-orders-1 to pg-orders-2");
        assertThat(s.cluster("orders-pg", "pg-orders-1").rpoRisk()).isEqualTo(Duration.ZERO);
        assertThat(s.cluster("orders-pg", "pg-orders-1").rto()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPinnedDependencyDoesNotFollowFailover() {
        Topology t = Fixtures.yaml(dir,
                Fixtures.inventory("") + CLUSTER + "kind: failover\ncluster: c\ncandidates: [r1]\n" + """
                ---
                kind: service
                name: pinned
                depends-on:
                  - {server: p, access: read}
                """ + WRITER);
        Simulation s = run(t, "p");

        assertThat(s.cluster("c", "p").primary()).isEqualTo("r1");
        assertThat(s.service("pinned").health()).isEqualTo(Health.DOWN);
        assertThat(s.service("pinned").reason()).isEqualTo("needs pinned server p:read, which failed");
        assertThat(s.service("writer").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.outage()).isTrue();
    }

    @Test
    void readDependenciesNeedOnlyAHealthyMember() {
        Topology t = Fixtures.yaml(dir, Fixtures.inventory("") + CLUSTER + "kind: failover\ncluster: c\n"
                + "candidates: [r1]\n" + """
                ---
                kind: service
                name: reader
                depends-on:
                  - {cluster: c, access: read}
                """);
        Simulation oneLeft = run(t, "p", "r1");
        assertThat(oneLeft.cluster("c", "p").health()).isEqualTo(Health.DOWN);
        assertThat(oneLeft.service("reader").health()).isEqualTo(Health.DEGRADED);

        Simulation all = run(t, "zone:eu-a", "zone:eu-b", "zone:eu-c");
        assertThat(all.service("reader").health()).isEqualTo(Health.DOWN);
        assertThat(all.service("reader").reason()).isEqualTo("needs c:read, and no member of c is up");
    }

    @Test
    void aPromotedReplicaThatFailsLaterTriggersASecondFailover() {
        Simulation s = run(policy("", "candidates: [r1, r2]\n"), "p", "r1@100s");

        assertThat(s.timeline().ofKind(EventKind.PROMOTED)).extracting(e -> e.subject() + "@" + e.at().toSeconds())
                .containsExactly("r1@10", "r2@130");
        assertThat(s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED)).extracting(SimulationEvent::subject)
                .containsExactly("r1");
        ClusterOutcome c = s.cluster("c", "p");
        assertThat(c.failovers()).isEqualTo(2);
        assertThat(c.rto()).isEqualTo(Duration.ofSeconds(10 + 30));
        assertThat(c.primary()).isEqualTo("r2");
        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(130));
    }

    @Test
    void aCandidateThatFailsDuringTheAttemptsIsSkippedWhenItsTurnComes() {
        Topology t = policy("  - {name: gone, region: eu, zone: eu-c, status: decommissioned}\n",
                "candidates: [gone, r1, r2]\n");
        Simulation s = run(t, "p", "r1@15s");

        assertThat(s.timeline().ofKind(EventKind.CANDIDATE_SKIPPED)).extracting(e -> e.subject() + "@"
                + e.at().toSeconds()).containsExactly("gone@10", "r1@30");
        assertThat(s.cluster("c", "p").primary()).isEqualTo("r2");
        assertThat(s.cluster("c", "p").rto()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void zonesRegionsAndHostsFailTheirServers() {
        Topology t = policy("", "candidates: [r1]\n");
        assertThat(run(t, "zone:eu-b").servers()).containsOnlyKeys("r1");
        assertThat(run(t, "host:h3").servers()).containsOnlyKeys("r2");
        assertThat(run(t, "region:eu").servers()).containsOnlyKeys("p", "r1", "r2");
        assertThat(run(t, "region:eu").timeline().ofKind(EventKind.FAILED)).extracting(SimulationEvent::reason)
                .containsExactly("p fails with region eu", "r1 fails with region eu", "r2 fails with region eu");
    }

    @Test
    void timesNeverDecreaseAndTheTopologyIsNotChanged() {
        Topology t = Fixtures.sample("three-zone-healthy");
        int vertices = t.graph().vertexSet().size();
        int edges = t.graph().edgeSet().size();
        Simulation s = run(t, "zone:us-east-1a", "pg-orders-2@40s", "redis-sessions-3@3s");

        List<SimulationEvent> events = s.timeline().events();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isGreaterThanOrEqualTo(events.get(i - 1).at());
        }
        assertThat(t.graph().vertexSet()).hasSize(vertices);
        assertThat(t.graph().edgeSet()).hasSize(edges);
        assertThat(run(t, "zone:us-east-1a", "pg-orders-2@40s", "redis-sessions-3@3s")).isEqualTo(s);
    }

    @Test
    void untouchedClustersAndServicesAreNotSimulated() {
        Simulation s = run(Fixtures.sample("three-zone-healthy"), "redis-sessions-2");

        assertThat(s.clusters()).containsOnlyKeys("sessions-redis");
        assertThat(s.services()).containsOnlyKeys("checkout", "order-history", "account-api", "login");
        assertThat(s.cluster("orders-pg", "pg-orders-1")).isEqualTo(ClusterOutcome.ok("orders-pg", "pg-orders-1"));
    }
}
