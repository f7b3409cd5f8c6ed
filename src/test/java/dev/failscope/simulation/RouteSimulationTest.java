package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a promotion a service that goes through a route is restored only when the route reaches the new primary. */
class RouteSimulationTest {
    @TempDir
    Path dir;

    private static final String CLUSTER = Fixtures.CLUSTER + """
            kind: failover
            cluster: c
            detection: 10s
            candidates: [r1, r2]
            ---
            kind: service
            name: writer
            depends-on:
              - {cluster: c, access: write, via: rt}
            ---
            """;

    private Topology routed(String route) {
        return Fixtures.yaml(dir, Fixtures.inventory("") + CLUSTER + route);
    }

    private static Simulation run(Topology t, String... fail) {
        return Fixtures.simulate(t, fail);
    }

    private static List<String> lines(Simulation s) {
        return s.timeline().events().stream().map(e -> e.at().toSeconds() + "s " + e.kind().label() + " "
                + e.reason() + e.positionOpt().map(p -> " @" + p.line()).orElse("")).toList();
    }

    @Test
    void aFixedHostKeepsTheServiceDownAfterAPerfectPromotion() {
        Simulation s = run(routed("kind: route\nname: rt\nsoftware: pgbouncer\nserves: c\nfollows: none\n"
                + "targets: [p]\n"), "p");

        assertThat(s.cluster("c", "p").primary()).isEqualTo("r1");
        assertThat(s.service("writer").health()).isEqualTo(Health.DOWN);
        assertThat(s.service("writer").restoredAt()).isNull();
        assertThat(lines(s)).containsSubsequence(
                "0s route-stuck route rt pins p, which failed @29",
                "10s promoted r1 promoted to primary of c: RTO 10s, RPO risk 0s, sync @17",
                "10s service-down service writer still DOWN after r1 is promoted: rt pins p, which failed @29");
        assertThat(s.routes().get("rt").kind()).isEqualTo(RouteState.Kind.PINNED);
        assertThat(s.routes().get("rt").server()).isEqualTo("p");
        assertThat(s.service("writer").reason()).isEqualTo("needs c:write through rt, which pins p, which failed");
    }

    @Test
    void aPrimaryHealthCheckRestoresAfterIntervalTimesRise() {
        Simulation s = run(routed("kind: route\nname: rt\nsoftware: haproxy\nfollows: health-check\n"
                + "check: {method: http, path: /primary, port: 8008, interval: 3s, rise: 2}\ntargets: [p, r1, r2]\n"),
                "p");

        assertThat(s.service("writer").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(16));
        assertThat(lines(s)).contains(
                "10s route-waiting route rt has not marked r1 up yet (GET /primary must pass 2 times, every 3s) @28",
                "10s service-down service writer still DOWN after r1 is promoted: rt has not marked r1 up yet "
                        + "(GET /primary must pass 2 times, every 3s) @28",
                "16s route-follows route rt sends clients to r1: its check GET /primary passes on r1 @25",
                "16s service-restored service writer restored, degraded: c:write runs on reduced redundancy @28");
        assertThat(s.routes().get("rt").kind()).isEqualTo(RouteState.Kind.FOLLOWING);
    }

    @Test
    void theNewPrimaryMissingFromTheBackendsHasNowhereToGo() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: health-check\n"
                + "check: {method: http, path: /primary, port: 8008}\ntargets: [p, r2]\n"), "p");

        assertThat(s.service("writer").health()).isEqualTo(Health.DOWN);
        assertThat(s.routes().get("rt").reason())
                .isEqualTo("r1 is not among its targets (p, r2): it has nowhere to send writes");
    }

    @Test
    void aReplicaCheckOnAWriteRouteNeverReachesThePrimary() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: health-check\n"
                + "check: {method: http, path: /replica, port: 8008}\ntargets: [p, r1, r2]\n"), "p");

        assertThat(s.service("writer").health()).isEqualTo(Health.DOWN);
        assertThat(s.routes().get("rt").kind()).isEqualTo(RouteState.Kind.NOWHERE);
    }

    @Test
    void aTcpCheckIsUnknownNotRestored() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: health-check\ncheck: {method: tcp}\n"
                + "targets: [p, r1, r2]\n"), "p");

        assertThat(s.service("writer").health()).as("truth before features: never a green guess")
                .isEqualTo(Health.DOWN);
        assertThat(s.routes().get("rt").kind()).isEqualTo(RouteState.Kind.UNKNOWN);
        assertThat(s.routes().get("rt").reason()).contains("passes on replicas too: writes may go to r2");
    }

    @Test
    void aPoolerInFrontOfAFollowingProxyFollowsWithIt() {
        Simulation s = run(routed("kind: route\nname: rt\nsoftware: pgbouncer\nfollows: none\n"
                + "targets: [{route: ha}]\n---\nkind: route\nname: ha\nsoftware: haproxy\nfollows: health-check\n"
                + "check: {method: http, path: /primary, port: 8008, interval: 2s, rise: 3}\ntargets: [p, r1, r2]\n"),
                "p");

        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(16));
        assertThat(s.routes().get("rt").reason())
                .isEqualTo("forwards to ha, which sends clients to r1: its check GET /primary passes on r1");
    }

    @Test
    void multiHostFollowsAtOnce() {
        Simulation s = run(routed("kind: route\nname: rt\nsoftware: connection-string\nfollows: multi-host\n"
                + "targets: [p, r1, r2]\n"), "p");

        assertThat(s.service("writer").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aReplicaFailureDoesNotTouchAFixedHostOnThePrimary() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: none\ntargets: [p]\n"), "r2");

        assertThat(s.service("writer").health()).isEqualTo(Health.DEGRADED);
        assertThat(s.timeline().ofKind(EventKind.ROUTE_STUCK)).isEmpty();
    }

    @Test
    void aCheckOnTheDatabasePortLeavesNowhereToGo() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: health-check\n"
                + "check: {method: http, path: /primary}\ntargets: [p, r1, r2]\n"), "p");

        assertThat(s.service("writer").health()).isEqualTo(Health.DOWN);
        assertThat(s.routes().get("rt").reason()).contains("on the database port, which never answers HTTP");
    }

    @Test
    void aReadOnlyCheckWithOneLiveBackendLeftReachesIt() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: health-check\n"
                + "check: {method: http, path: /read-only, port: 8008}\ntargets: [p, r1]\n"), "p");

        assertThat(s.routes().get("rt").kind()).isEqualTo(RouteState.Kind.FOLLOWING);
        assertThat(s.routes().get("rt").reason()).isEqualTo("sends clients to r1: r1 is the only live backend");
    }

    @Test
    void aTcpCheckWithTheReplicaAsBackupFollowsOnceTheBackupIsAllThatIsLeft() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: health-check\ncheck: {method: tcp}\n"
                + "targets: [p, {server: r1, backup: true}]\n"), "p");

        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.routes().get("rt").reason()).isEqualTo("sends clients to r1: r1 is the only live backend "
                + "(a backup, used once the others are down)");
        Simulation before = run(routed("kind: route\nname: rt\nfollows: health-check\ncheck: {method: tcp}\n"
                + "targets: [p, {server: r1, backup: true}]\n"), "r2");
        assertThat(before.timeline().ofKind(EventKind.ROUTE_STUCK)).as("the backup is idle while p is up").isEmpty();
    }

    @Test
    void aFixedHostNamingNoServerIsNowhereFromTheStart() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: none\ntargets: [10.9.9.9:5432]\n"), "r2");

        assertThat(s.service("writer").downAt()).isEqualTo(Duration.ZERO);
        assertThat(s.routes().get("rt").reason()).isEqualTo("pins 10.9.9.9:5432, which is no inventory server");
    }

    @Test
    void aVirtualIpWithoutServerTargetsIsAssumedToFollowAndSaysSo() {
        Simulation s = run(routed("kind: route\nname: rt\nfollows: virtual-ip\ntargets: [10.9.9.100:5432]\n"),
                "p");

        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.routes().get("rt").reason()).contains("assumed to move with the primary");
    }

    @Test
    void aReadRouteServesReadsFromALiveReplica() {
        Topology t = Fixtures.yaml(dir, Fixtures.inventory("") + CLUSTER.replace("access: write, via: rt",
                "access: read, via: rt") + "kind: route\nname: rt\naccess: read\nfollows: health-check\n"
                + "check: {method: http, path: /replica, port: 8008}\ntargets: [r1, r2]\n");

        Simulation s = run(t, "r1");

        assertThat(s.service("writer").health()).isNotEqualTo(Health.DOWN);
        assertThat(s.routes().get("rt").reason()).isEqualTo("sends reads to r2");
    }

    @Test
    void writesThroughAReadRouteDoNotReachThePrimary() {
        Simulation s = run(routed("kind: route\nname: rt\naccess: read\nfollows: health-check\n"
                + "check: {method: http, path: /replica, port: 8008}\ntargets: [r1, r2]\n"), "p");

        assertThat(s.service("writer").health()).isEqualTo(Health.DOWN);
        assertThat(s.service("writer").reason()).isEqualTo("needs c:write through rt, which sends clients to r2, "
                + "not to the primary r1 (a read route for writes)");
    }

    @Test
    void withoutARouteNothingChanges() {
        Topology t = Fixtures.yaml(dir, Fixtures.inventory("") + CLUSTER.replace(", via: rt", "")
                .replaceAll("---\\n$", ""));

        Simulation s = run(t, "p");

        assertThat(s.service("writer").restoredAt()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.routes()).isEmpty();
        assertThat(s.timeline().events()).noneMatch(e -> e.kind().label().startsWith("route-"));
    }
}
