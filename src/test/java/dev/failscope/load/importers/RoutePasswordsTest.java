package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connection strings and pooler configs hold passwords: none may reach a route, a finding, an error or any
 * output format, including the errors of malformed lines and the infos that quote a URL.
 */
class RoutePasswordsTest {
    static final String SECRET = "hunter2";

    @TempDir
    Path tmp;

    /** Every file with passwords, and (with {@code broken}) malformed lines beside the passwords. */
    private Path topology() {
        return topology(true);
    }

    private Path topology(boolean broken) {
        Fixture fx = new Fixture(tmp).file("inventory.yaml", HaproxyImporterTest.INVENTORY)
                .file("cat-posting/.env", String.join("\n",
                        "DATABASE_URL=postgresql://app:" + SECRET + "@db-main-1:5432/catify",
                        "LEGACY_URL=postgres://app:" + SECRET + "@db-legacy-2/catify?password=" + SECRET,
                        "SENTINEL_URL=redis-sentinel://:" + SECRET + "@s1:26379",
                        "SOCKET_URL=postgresql://app:" + SECRET + "@/catify",
                        "DSN=host=db-main-1 port=5432 password='" + SECRET + "' dbname=x",
                        ""))
                .file("pgbouncer.ini", "[databases]\ncatify = host=db-main-1 password=" + SECRET
                        + " dbname=catify\n")
                .file("pgpool.conf", "backend_hostname0 = 'db-main-1'\nhealth_check_password = '" + SECRET
                        + "'\nsr_check_password = '" + SECRET + "'\n")
                .file("proxysql.cnf", "mysql_servers = ( { address = \"db-main-1\" } )\nmysql_users = ( { username "
                        + "= \"app\", password = \"" + SECRET + "\" } )\n");
        if (broken) {
            fx.file("bad/proxysql.cnf", "mysql_users = ( { username = \"app\", password = " + SECRET + " } )\n")
                    .file("bad/app.env", "BAD_DSN=host=db-main-1 " + SECRET + " dbname=x\n")
                    .file("bad/pgbouncer.ini", "[databases]\nbroken = host=db-main-1 " + SECRET + "\n");
        }
        return tmp;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github", "prometheus"})
    void noCheckFormatShowsAPassword(String format) {
        Cli.Run run = Cli.run("check", topology().toString(), "--format", format);
        assertThat(run.out() + run.err()).doesNotContain(SECRET).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github", "prometheus"})
    void noCheckFormatOfALoadedTopologyShowsAPassword(String format) {
        Cli.Run run = Cli.run("check", topology(false).toString(), "--format", format);
        assertThat(run.out() + run.err()).doesNotContain(SECRET).isNotBlank();
    }

    @Test
    void theTextOutputShowsTheRedactedUrlAndTheErrorsTheirPositions() {
        Cli.Run loaded = Cli.run("check", topology(false).toString());
        assertThat(loaded.out()).contains("redis-sentinel://:***@s1:26379").contains("postgresql://app:***@/catify");
        Cli.Run broken = Cli.run("check", topology(true).toString());
        assertThat(broken.out() + broken.err())
                .contains("bad/app.env:1:24: error: expected key=value in the connection string")
                .contains("bad/pgbouncer.ini:2:25: error: expected key=value in the connection string")
                .contains("bad/proxysql.cnf:1:48: error: expected a value");
    }

    @Test
    void theHtmlReviewPageShowsNoPassword() throws IOException {
        Path out = tmp.resolve("out/review.html");
        Cli.Run run = Cli.run("check", topology(false).toString(), "--format", "html", "--output", out.toString());
        assertThat(run.err()).doesNotContain(SECRET);
        assertThat(Files.readString(out)).doesNotContain(SECRET).contains("db-main-1");
    }

    @Test
    void exportsShowNoPassword() {
        Path in = topology(false);
        for (String format : new String[] {"dot", "graphml", "mermaid"}) {
            Cli.Run run = Cli.run("export", in.toString(), "--format", format);
            assertThat(run.out() + run.err()).as(format).doesNotContain(SECRET);
        }
    }

    @Test
    void redaction() {
        assertThat(Secrets.redact("postgresql://app:pa%40ss@db1/x")).isEqualTo("postgresql://app:***@db1/x");
        assertThat(Secrets.redact("redis://:pw@cache:6379")).isEqualTo("redis://:***@cache:6379");
        assertThat(Secrets.redact("mysql://root@db1/x")).isEqualTo("mysql://root@db1/x");
        assertThat(Secrets.redact("host=a password='x y' dbname=d")).isEqualTo("host=a password='***' dbname=d");
        assertThat(Secrets.redact("postgresql://db1/x?sslpassword=s&password=p"))
                .isEqualTo("postgresql://db1/x?sslpassword=***&password=***");
    }
}
