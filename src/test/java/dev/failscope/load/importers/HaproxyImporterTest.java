package dev.failscope.load.importers;

import static dev.failscope.load.importers.Fixture.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Route;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyImporterTest {
    @TempDir
    Path tmp;

    static final String INVENTORY = """
            kind: inventory
            servers:
              - {name: db-main-1, address: "10.0.0.11:5432"}
              - {name: db-replica-1, address: "10.0.0.12:5432"}
              - {name: db-replica-2, address: "10.0.0.13:5432"}
            ---
            kind: cluster
            name: catify-main
            primary: db-main-1
            replicas: [{server: db-replica-1}, {server: db-replica-2}]
            """;

    /** Patroni's documented HAProxy template, with a read-only frontend and a named defaults section. */
    static final String PATRONI = """
            global
                maxconn 100

            defaults
                mode tcp
                timeout connect 4s
                default-server inter 3s fall 3 rise 2 on-marked-down shutdown-sessions

            listen primary
                bind *:5000
                option httpchk OPTIONS /primary
                http-check expect status 200
                server pg1 10.0.0.11:5432 maxconn 100 check port 8008
                server pg2 10.0.0.12:5432 maxconn 100 check port 8008
                server pg3 10.0.0.13:5432 maxconn 100 check port 8008

            defaults fast
                default-server inter 1s fall 2 rise 1

            frontend fe_replicas from fast
                bind 10.0.0.5:5001
                default_backend be_replicas
                use_backend be_primary if { src 10.9.0.0/16 }

            backend be_replicas from fast
                option httpchk
                http-check send meth GET uri /replica
                server pg2 10.0.0.12:5432 check port 8008
                server pg3 10.0.0.13:5432 check port 8008 inter 500ms

            backend be_primary
                server pg1 10.0.0.11:5432
            """;

    @Test
    void patroniTemplateFollowsThePrimaryByItsRestCheck() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", INVENTORY).file("haproxy.cfg", PATRONI).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Routes.names(i)).containsExactly("haproxy.cfg/primary", "haproxy.cfg/fe_replicas",
                "haproxy.cfg/fe_replicas/be_primary");
        Route rw = Routes.route(i, "haproxy.cfg/primary");
        assertThat(Routes.summary(rw)).isEqualTo("HAPROXY WRITE HEALTH_CHECK listen=*:5000 9:8");
        assertThat(Routes.targets(rw)).containsExactly("10.0.0.11:5432@13:16 -> db-main-1",
                "10.0.0.12:5432@14:16 -> db-replica-1", "10.0.0.13:5432@15:16 -> db-replica-2");
        assertThat(rw.cluster().name()).isEqualTo("catify-main");
        HealthCheck c = rw.check();
        assertThat(c.method()).isEqualTo("http");
        assertThat(c.path()).isEqualTo("/primary");
        assertThat(c.port()).isEqualTo(8008);
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.fall()).isEqualTo(3);
        assertThat(c.rise()).isEqualTo(2);
        assertThat(c.position().line()).isEqualTo(11);
        assertThat(rw.facts().of("bind").orElseThrow().line()).isEqualTo(10);
    }

    @Test
    void namedDefaultsHttpCheckSendAndUseBackend() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", INVENTORY).file("haproxy.cfg", PATRONI).inspect();
        Route ro = Routes.route(i, "haproxy.cfg/fe_replicas");
        assertThat(Routes.summary(ro)).isEqualTo("HAPROXY READ HEALTH_CHECK listen=10.0.0.5:5001 20:10");
        assertThat(Routes.targets(ro)).containsExactly("10.0.0.12:5432@28:16 -> db-replica-1 (ro)",
                "10.0.0.13:5432@29:16 -> db-replica-2 (ro)");
        assertThat(ro.check().path()).isEqualTo("/replica");
        assertThat(ro.check().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ro.check().fall()).isEqualTo(2);
        assertThat(ro.check().rise()).isEqualTo(1);
        Route pinned = Routes.route(i, "haproxy.cfg/fe_replicas/be_primary");
        assertThat(Routes.summary(pinned)).isEqualTo("HAPROXY WRITE NONE listen=10.0.0.5:5001 23:17");
        assertThat(pinned.check()).isNull();
        assertThat(Routes.targets(pinned)).containsExactly("10.0.0.11:5432@32:16 -> db-main-1");
    }

    @Test
    void backupServersAndAPgsqlCheckThatOnlySeesTheServerAlive() {
        Inspection i = Fixture.inspect(REAL + "/haproxy/harisekhon_postgres.cfg");
        assertThat(Fixture.errors(i)).isEmpty();
        Route r = Routes.route(i, "harisekhon_postgres.cfg/postgres");
        assertThat(Routes.summary(r)).isEqualTo("HAPROXY WRITE NONE listen=*:5432 19:10");
        assertThat(r.check().method()).isEqualTo("pgsql");
        assertThat(Routes.targets(r)).containsExactly("postgres:5432@34:21 -> ?",
                "postgresql:5432@35:23 -> ? (backup)", "docker:5432@36:19 -> ? (backup)",
                "192.168.99.100:5432@37:27 -> ? (backup)");
    }

    @Test
    void aTcpCheckExpectingRoleMasterFollowsTheRedisPrimary() {
        Inspection i = Fixture.inspect(REAL + "/haproxy/harisekhon_redis-master.cfg");
        assertThat(Fixture.errors(i)).isEmpty();
        Route r = Routes.route(i, "harisekhon_redis-master.cfg/redis-master");
        assertThat(r.follow()).isEqualTo(Follow.HEALTH_CHECK);
        assertThat(r.check().method()).isEqualTo("tcp");
    }

    @Test
    void everyRealHaproxyConfigLoadsWithoutAnError() {
        Inspection i = Fixture.inspect(REAL + "/haproxy");
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Routes.names(i)).containsExactly("harisekhon_mysql.cfg/mysql", "harisekhon_postgres.cfg/postgres",
                "harisekhon_redis-master.cfg/redis-master");
        assertThat(Fixture.findings(i, "unrecognized-file")).isEmpty();
    }

    @Test
    void aFrontendWithoutBackendIsAnInfoAndAnUnknownBackendAnError() {
        Inspection i = new Fixture(tmp).file("haproxy.cfg", """
                frontend lonely
                    bind :5432
                frontend broken
                    bind :5433
                    default_backend nowhere
                backend real
                    server a 10.0.0.1:5432 check
                """).inspect();
        assertThat(Fixture.errors(i)).singleElement().asString()
                .endsWith("haproxy.cfg:5:21: error: no backend named 'nowhere' in this file (HAProxy refuses to start)");
        assertThat(Fixture.findings(i, "route-frontend")).containsExactly(
                "route-frontend-without-backend haproxy.cfg:1:10");
        assertThat(Routes.names(i)).containsExactly("haproxy.cfg/real");
    }

    @Test
    void malformedLinesAreErrorsWithTheirColumn() {
        Inspection i = new Fixture(tmp).file("haproxy.cfg", """
                server early 10.0.0.1:5432
                backend pg
                    mode tcp
                    server a
                    server b 10.0.0.2:5432 check fall x
                    server c 10.0.0.3:5432 check inter -5
                    server d "10.0.0.4:5432
                """).inspect();
        assertThat(Fixture.errors(i)).extracting(e -> e.substring(e.indexOf("haproxy.cfg"))).containsExactly(
                "haproxy.cfg:1:1: error: 'server' outside a section: an HAProxy config starts with a section "
                        + "keyword (global, defaults, frontend, backend, listen)",
                "haproxy.cfg:4:12: error: 'server' needs a name and an address (server NAME ADDRESS[:PORT] "
                        + "[options])",
                "haproxy.cfg:5:39: error: 'fall' needs a number from 1 to 1000000, got 'x'",
                "haproxy.cfg:6:40: error: 'inter' needs a positive time such as 2000, 3s or 500ms, got '-5'",
                "haproxy.cfg:7:14: error: unterminated quote");
    }

    @Test
    void disabledServersAreNoTargetsAndTheCheckPortComesFromDefaultServer() {
        Inspection i = new Fixture(tmp).file("haproxy.cfg", """
                defaults
                    default-server port 8008 inter 2000
                listen pg
                    bind 127.0.0.1:5000
                    option httpchk GET /leader
                    server a 10.0.0.1:5432 check
                    server b 10.0.0.2:5432 check disabled
                """).inspect();
        Route r = Routes.route(i, "haproxy.cfg/pg");
        assertThat(Routes.targets(r)).containsExactly("10.0.0.1:5432@6:14 -> ?");
        assertThat(r.check().port()).isEqualTo(8008);
        assertThat(r.check().interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.follow()).isEqualTo(Follow.HEALTH_CHECK);
    }

    @Test
    void forcedOnAFileWithoutProxiesIsAnError() {
        Inspection i = Fixture.inspectAs("haproxy", REAL + "/patroni/postgres0.yml");
        assertThat(Fixture.errors(i)).anySatisfy(e -> assertThat(e).contains("not an HAProxy config"));
    }
}
