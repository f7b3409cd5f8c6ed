package dev.failscope.load.importers;

import static dev.failscope.load.importers.Fixture.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Access;
import dev.failscope.model.Follow;
import dev.failscope.model.Route;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PgBouncer, pgpool-II and ProxySQL. */
class PoolerImportersTest {
    @TempDir
    Path tmp;

    static final String PGBOUNCER = """
            ;; pgbouncer.ini
            [databases]
            catify = host=db-main-1 port=5432 dbname=catify password=hunter2
            reports_ro = host=10.0.0.12,10.0.0.13 port=5432,5433 dbname=reports
            local = dbname=local
            * = host=127.0.0.1 port=5000

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = 6432
            auth_type = md5
            """;

    @Test
    void pgbouncerDatabasesAreFixedHostRoutes() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", HaproxyImporterTest.INVENTORY)
                .file("haproxy.cfg", HaproxyImporterTest.PATRONI).file("pgbouncer.ini", PGBOUNCER).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Route catify = Routes.route(i, "pgbouncer.ini/catify");
        assertThat(Routes.summary(catify)).isEqualTo("PGBOUNCER WRITE NONE listen=127.0.0.1:6432 3:1");
        assertThat(Routes.targets(catify)).containsExactly("db-main-1:5432@3:15 -> db-main-1");
        assertThat(catify.cluster().name()).isEqualTo("catify-main");
        assertThat(catify.facts().of("host").orElseThrow().column()).isEqualTo(10);
        Route reports = Routes.route(i, "pgbouncer.ini/reports_ro");
        assertThat(reports.access()).isEqualTo(Access.READ);
        assertThat(Routes.targets(reports)).containsExactly("10.0.0.12:5432@4:19 -> db-replica-1",
                "10.0.0.13:5433@4:29 -> ?");
        Route fallback = Routes.route(i, "pgbouncer.ini/*");
        assertThat(Routes.targets(fallback)).containsExactly("127.0.0.1:5000@6:10 -> route:haproxy.cfg/primary");
        assertThat(fallback.cluster().name()).isEqualTo("catify-main");
        assertThat(fallback.facts().of("fallback")).isPresent();
        assertThat(Fixture.findings(i, "route-unix")).containsExactly("route-unix-socket pgbouncer.ini:5:1");
        assertThat(i.topology().route("pgbouncer.ini/local")).isEmpty();
    }

    @Test
    void pgbouncerMalformedEntries() {
        Inspection i = new Fixture(tmp).file("pgbouncer.ini", """
                [databases]
                a = host=db1 port=x
                b = host=db1 dbname
                c = host='db1
                just a line
                [pgbouncer]
                listen_port = many
                """).inspect();
        assertThat(Fixture.errors(i)).extracting(e -> e.substring(e.indexOf("pgbouncer.ini"))).containsExactly(
                "pgbouncer.ini:2:19: error: port must be a number, got 'x'",
                "pgbouncer.ini:3:14: error: expected key=value in the connection string (the word is not shown: it may be "
                        + "a password)",
                "pgbouncer.ini:4:10: error: unterminated quote in the value of 'host'",
                "pgbouncer.ini:5:1: error: expected key = value or a [section] header",
                "pgbouncer.ini:7:15: error: listen_port must be a number, got 'many'");
    }

    static final String PGPOOL = """
            backend_clustering_mode = 'streaming_replication'
            listen_addresses = '*'
            port = 9999
            backend_hostname0 = 'db-main-1'
            backend_port0 = 5432
            backend_flag0 = 'ALLOW_TO_FAILOVER'
            backend_hostname1 = '10.0.0.12'
            backend_port1 = 5432
            backend_flag1 = 'DISALLOW_TO_FAILOVER'
            health_check_period = 10
            health_check_max_retries = 2
            failover_command = '/etc/pgpool2/failover.sh %d %h %p %D %m %H %M %P %r %R'
            use_watchdog = on
            delegate_IP = '10.0.0.100'
            """;

    @Test
    void pgpoolBackendsFollowByTheFailoverCommand() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", HaproxyImporterTest.INVENTORY)
                .file("pgpool.conf", PGPOOL).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Route r = Routes.route(i, "pgpool.conf/backends");
        assertThat(Routes.summary(r)).isEqualTo("PGPOOL WRITE FAILOVER_COMMAND listen=10.0.0.100:9999 4:1");
        assertThat(Routes.targets(r)).containsExactly("db-main-1:5432@4:22 -> db-main-1",
                "10.0.0.12:5432@7:22 -> db-replica-1");
        assertThat(r.check().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.check().fall()).isEqualTo(3);
        assertThat(r.check().timeToMarkDown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.facts().of("backend_flag1").orElseThrow().line()).isEqualTo(9);
        assertThat(r.facts().of("failover_command").orElseThrow().line()).isEqualTo(12);
        assertThat(r.cluster().name()).isEqualTo("catify-main");
    }

    @Test
    void pgpoolWithoutCommandFollowsByVirtualIpOrByFindingThePrimary() {
        String noCommand = PGPOOL.replaceAll("failover_command.*\n", "");
        Inspection vip = new Fixture(tmp.resolve("a")).file("pgpool.conf", noCommand).inspect();
        assertThat(Routes.route(vip, "pgpool.conf/backends").follow()).isEqualTo(Follow.VIRTUAL_IP);
        Inspection plain = new Fixture(tmp.resolve("b")).file("pgpool.conf",
                noCommand.replace("use_watchdog = on", "use_watchdog = off")).inspect();
        Route r = Routes.route(plain, "pgpool.conf/backends");
        assertThat(r.follow()).isEqualTo(Follow.HEALTH_CHECK);
        assertThat(r.listen()).isEqualTo("*:9999");
        Inspection single = new Fixture(tmp.resolve("c")).file("pgpool.conf",
                "backend_hostname0 = 'db1'\nhealth_check_period = 0\n").inspect();
        Route one = Routes.route(single, "pgpool.conf/backends");
        assertThat(one.follow()).isEqualTo(Follow.NONE);
        assertThat(one.check()).isNull();
        assertThat(one.listen()).isEqualTo("localhost:9999");
    }

    @Test
    void pgpoolMalformedValues() {
        Inspection i = new Fixture(tmp).file("pgpool.conf", """
                backend_hostname0 = 'db1'
                backend_port0 = five
                backend_flag0 = 'SOMETIMES'
                backend_port1 = 5432
                health_check_period = 'often'
                failover_command = '/bin/failover.sh
                """).inspect();
        assertThat(Fixture.errors(i)).extracting(e -> e.substring(e.indexOf("pgpool.conf"))).containsExactly(
                "pgpool.conf:2:17: error: backend_port0 must be a number, got 'five'",
                "pgpool.conf:3:18: error: backend_flag0 must be ALLOW_TO_FAILOVER, DISALLOW_TO_FAILOVER or "
                        + "ALWAYS_PRIMARY, got 'SOMETIMES'",
                "pgpool.conf:4:1: error: backend 1 has no backend_hostname1",
                "pgpool.conf:5:24: error: health_check_period must be a whole number, got 'often'",
                "pgpool.conf:6:20: error: unterminated quote");
    }

    @Test
    void theRealPgpoolSampleLoadsAndSaysItRoutesNothing() {
        Inspection i = Fixture.inspect(REAL + "/pgpool");
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.findings(i, "route-")).containsExactly("route-none pgpool.conf.sample-stream:1:1");
        assertThat(Fixture.findings(i, "unrecognized-file")).isEmpty();
    }

    static final String PROXYSQL = """
            datadir="/var/lib/proxysql"
            /* the admin side */
            admin_variables = { admin_credentials="admin:admin" ; mysql_ifaces="0.0.0.0:6032" }
            mysql_variables =
            {
                interfaces = "0.0.0.0:6033;/tmp/proxysql.sock"
                monitor_read_only_interval = 2000
                monitor_read_only_max_timeout_count = 2
            }
            mysql_servers =
            (
                { address = "10.0.1.11", port = 3306, hostgroup = 10 },
                { address = "10.0.1.12", port = 3306, hostgroup = 20 },
                { address = "10.0.1.13", hostgroup = 30, status = "OFFLINE_HARD" },
                { address = "legacy-db", port = 3306, hostgroup = 30 }
            )
            mysql_replication_hostgroups =
            (
                { writer_hostgroup = 10, reader_hostgroup = 20, comment = "catify" }
            )
            mysql_users:
            (
                { username = "app", password = "s3cret", default_hostgroup = 10 },
                { username = "reporting", password = "s3cret", default_hostgroup = 20 },
                { username = "batch", password = "s3cret", default_hostgroup = 30, active = 1 },
                { username = "gone", password = "s3cret", default_hostgroup = 10, active = 0 }
            )
            """;

    @Test
    void proxysqlUsersFollowTheReadOnlyFlagOfTheirHostgroups() {
        Inspection i = new Fixture(tmp).file("proxysql.cnf", PROXYSQL).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Routes.names(i)).containsExactly("proxysql.cnf/app", "proxysql.cnf/reporting",
                "proxysql.cnf/batch");
        Route app = Routes.route(i, "proxysql.cnf/app");
        assertThat(Routes.summary(app)).isEqualTo("PROXYSQL WRITE READ_ONLY_FLAG listen=0.0.0.0:6033 23:18");
        assertThat(Routes.targets(app)).containsExactly("10.0.1.11:3306@12:17 -> ?", "10.0.1.12:3306@13:17 -> ?");
        assertThat(app.check().interval()).isEqualTo(Duration.ofMillis(2000));
        assertThat(app.check().fall()).isEqualTo(2);
        assertThat(app.check().position().line()).isEqualTo(7);
        Route reporting = Routes.route(i, "proxysql.cnf/reporting");
        assertThat(reporting.access()).isEqualTo(Access.READ);
        Route batch = Routes.route(i, "proxysql.cnf/batch");
        assertThat(Routes.summary(batch)).isEqualTo("PROXYSQL WRITE NONE listen=0.0.0.0:6033 25:18");
        assertThat(Routes.targets(batch)).containsExactly("legacy-db:3306@15:17 -> ?");
        assertThat(batch.check()).isNull();
    }

    @Test
    void proxysqlWithoutUsersGivesOneRoutePerWriterHostgroup() {
        Inspection i = new Fixture(tmp).file("proxysql.cnf", PROXYSQL.substring(0, PROXYSQL.indexOf("mysql_users")))
                .inspect();
        assertThat(Routes.names(i)).containsExactly("proxysql.cnf/hostgroup 10", "proxysql.cnf/hostgroup 30");
    }

    @Test
    void proxysqlSyntaxErrorsStopAtTheirPosition() {
        Inspection i = new Fixture(tmp).file("a/proxysql.cnf", "mysql_servers = (\n  { address = 10.0.0.1 }\n)\n")
                .file("b/proxysql.cnf", "mysql_servers = (\n  { address = \"db1\" }\n")
                .file("c/proxysql.cnf", "mysql_users = ( { username = \"x\" } )\n/* never closed\n")
                .file("d/proxysql.cnf", "mysql_servers = ( { port = 3306 } )\n")
                .file("e/proxysql.cnf", "mysql_servers = ( { address = \"db1\", port = 70000 } )\n").inspect();
        assertThat(Fixture.errors(i)).extracting(e -> e.substring(e.indexOf("proxysql.cnf") - 2)).containsExactly(
                "a/proxysql.cnf:2:15: error: expected a value (a string in double quotes, a number, true or "
                        + "false), got '10.0.0.1'",
                "b/proxysql.cnf:3:1: error: unterminated list: ')' expected before the end of the file",
                "c/proxysql.cnf:2:1: error: unterminated /* comment",
                "d/proxysql.cnf:1:19: error: mysql_servers entry needs an address",
                "e/proxysql.cnf:1:45: error: mysql_servers port must be from 1 to 65535, got 70000");
    }
}
