package dev.failscope.analysis.rules;

import static dev.failscope.analysis.rules.Fixture.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing rules: each fires on its fixture, at the route's file:line:column, and not on a sound route. */
class RouteRulesTest {
    @TempDir
    Path dir;

    /** A HAProxy-style write route that follows the primary by Patroni's /primary on its REST port. */
    private static final String SOUND = """
            kind: route
            name: rw
            software: haproxy
            serves: main
            follows: health-check
            check: {method: http, path: /primary, port: 8008, interval: 3s, rise: 2}
            targets: [db-1, db-2, db-3]
            """;

    private Fixture fixture(String route) {
        return new Fixture(dir).base().write("route.yaml", route).write("service.yaml", """
                kind: service
                name: web
                depends-on:
                  - {cluster: main, access: write, via: rw}
                """);
    }

    private static final List<String> ROUTE_RULES = List.of("route-target-missing", "route-target-decommissioned",
            "route-pins-server", "route-check-never-passes", "route-bypassed", "route-missing",
            "route-backend-missing-member", "route-check-wrong-role");

    @Test
    void aSoundRouteFiresNoRoutingRule() {
        List<Finding> found = fixture(SOUND).findings().stream().filter(f -> ROUTE_RULES.contains(f.rule()))
                .toList();
        assertThat(found).isEmpty();
    }

    @Test
    void targetMissing() {
        Finding f = fixture(SOUND.replace("[db-1, db-2, db-3]", "[db-1, db-2, db-3, db-legacy-9]"))
                .only("route-target-missing");
        assertFinding(f, "route-target-missing", "rw", "db-legacy-9", "route.yaml", 7, 29);
        assertThat(f.message()).startsWith("route 'rw' (haproxy) sends clients to 'db-legacy-9', which matches no "
                + "inventory server");
    }

    @Test
    void targetDecommissioned() {
        Fixture fx = fixture(SOUND.replace("[db-1, db-2, db-3]", "[db-1, db-2, db-3, db-4]"));
        fx.write("inventory.yaml", Fixture.INVENTORY + "  - {name: db-4, status: decommissioned}\n");
        Finding f = fx.only("route-target-decommissioned");
        assertFinding(f, "route-target-decommissioned", "rw", "db-4", "route.yaml", 7, 29);
        assertThat(f.message()).contains("inventory.yaml:6): remove it from the route");
        assertThat(fx.findings("route-target-missing")).isEmpty();
    }

    @Test
    void pinsServerOnAFixedHost() {
        Finding f = fixture("""
                kind: route
                name: rw
                software: pgbouncer
                follows: none
                targets: [db-1]
                """).only("route-pins-server");
        assertFinding(f, "route-pins-server", "rw", "db-1", "route.yaml", 5, 11);
        assertThat(f.message()).startsWith("route 'rw' (pgbouncer) pins 'db-1' (a fixed host) of cluster 'main', "
                + "which fails over to 'db-2': after a failover its clients keep reaching 'db-1'");
    }

    @Test
    void pinsServerWithASingleBackend() {
        Finding f = fixture(SOUND.replace("[db-1, db-2, db-3]", "[db-1]")).only("route-pins-server");
        assertThat(f.message()).contains("follows by health check but has the single backend 'db-1'");
    }

    @Test
    void pinsServerDoesNotFireOnReadRoutesOrWithoutAPolicy() {
        Fixture fx = fixture("kind: route\nname: rw\naccess: read\nfollows: none\ntargets: [db-2]\n");
        assertThat(fx.findings("route-pins-server")).isEmpty();
        fx.write("route.yaml", "kind: route\nname: rw\nfollows: none\ntargets: [db-1]\n")
                .write("failover.yaml", "kind: failover\ncluster: other\ncandidates: [db-2]\n");
        assertThat(fx.findings("route-pins-server")).isEmpty();
    }

    @Test
    void pinsServerDoesNotFireOnAPoolerInFrontOfAFollowingProxy() {
        Fixture fx = fixture(SOUND.replace("name: rw", "name: ha") + """
                ---
                kind: route
                name: rw
                software: pgbouncer
                follows: none
                targets: [{route: ha}]
                """);
        assertThat(fx.findings("route-pins-server")).isEmpty();
    }

    @Test
    void backendMissingMember() {
        Finding f = fixture(SOUND.replace("[db-1, db-2, db-3]", "[db-1, db-3]")).only("route-backend-missing-member");
        assertFinding(f, "route-backend-missing-member", "rw", "db-2", "route.yaml", 7, 10);
        assertThat(f.message()).contains("has no backend for 'db-2': after a failover to it");
    }

    @Test
    void checkOnTheDatabasePortNeverPasses() {
        Finding f = fixture(SOUND.replace("port: 8008", "port: 5432")).only("route-check-never-passes");
        assertFinding(f, "route-check-never-passes", "rw", null, "route.yaml", 6, 8);
        assertThat(f.message()).contains("checks GET /primary on port 5432, the database port");
        Finding none = fixture(SOUND.replace(", port: 8008", "")).only("route-check-never-passes");
        assertThat(none.message()).contains("on the backends' own port");
    }

    @Test
    void replicaCheckOnAWriteRouteNeverPasses() {
        Finding f = fixture(SOUND.replace("/primary", "/replica")).only("route-check-never-passes");
        assertThat(f.message()).contains("is a write route but checks GET /replica, which Patroni answers with 503 "
                + "on the primary");
        assertThat(fixture(SOUND.replace("/primary", "/replica").replace("follows:", "access: read\nfollows:"))
                .findings("route-check-never-passes")).isEmpty();
    }

    @Test
    void checkWrongRole() {
        Finding ro = fixture(SOUND.replace("/primary", "/read-only")).only("route-check-wrong-role");
        assertFinding(ro, "route-check-wrong-role", "rw", null, "route.yaml", 6, 8);
        assertThat(ro.message()).contains("passes on replicas too: writes may go to a read-only replica");
        Finding read = fixture(SOUND.replace("follows:", "access: read\nfollows:")).only("route-check-wrong-role");
        assertThat(read.message()).contains("is a read route but checks GET /primary, which passes only on the "
                + "primary");
        Finding none = fixture(SOUND.replace("check: {method: http, path: /primary, port: 8008, interval: 3s, "
                + "rise: 2}\n", "")).only("route-check-wrong-role");
        assertThat(none.message()).contains("follows by health check but none is written");
        assertThat(fixture(SOUND.replace("/primary", "/leader")).findings("route-check-wrong-role")).isEmpty();
    }

    @Test
    void bypassedByAConnectionString() {
        Finding f = fixture(SOUND + """
                ---
                kind: route
                name: web-env
                software: connection-string
                follows: none
                targets: [db-1]
                clients: [web]
                """).only("route-bypassed");
        assertFinding(f, "route-bypassed", "web", "web-env", "route.yaml", 10, 7);
        assertThat(f.message()).startsWith("service 'web' should reach 'main' through route 'rw' (");
        assertThat(f.message()).endsWith("service.yaml:4), but its route 'web-env' (connection string) connects to db-1 directly: failover behind 'rw' "
                + "does not help it");
    }

    @Test
    void notBypassedWhenTheConnectionStringIsTheRouteOrForwardsToIt() {
        Fixture fx = fixture(SOUND + """
                ---
                kind: route
                name: web-env
                software: connection-string
                follows: none
                targets: [{route: rw}]
                clients: [web]
                """);
        assertThat(fx.findings("route-bypassed")).isEmpty();
    }

    @Test
    void viaAnUndeclaredRoute() {
        Finding f = fixture(SOUND.replace("name: rw", "name: rwx")).only("route-missing");
        assertFinding(f, "route-missing", "web", "rw", "service.yaml", 4, 41);
        assertThat(f.message()).isEqualTo("service 'web' reaches 'main' via route 'rw', which is declared nowhere; "
                + "did you mean 'rwx'?");
    }
}
