package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import dev.failscope.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 "Names": every name a report prints is accepted by --fail, and the error lists the forms. */
class FailNamesTest {
    @TempDir
    Path dir;

    private void redisLikeTopology() {
        Fixtures.write(dir, "t.yaml", """
                kind: inventory
                servers:
                  - {name: "127.0.0.1:6379", zone: a}
                  - {name: "127.0.0.1:6380", zone: b}
                  - {name: "db@old", zone: c}
                ---
                kind: cluster
                name: cache
                primary: "127.0.0.1:6379"
                replicas: [{server: "127.0.0.1:6380"}, {server: "db@old"}]
                ---
                kind: failover
                cluster: cache
                candidates: ["127.0.0.1:6380"]
                """);
    }

    @Test
    void theBareAddressThatSweepPrintsIsAccepted() {
        redisLikeTopology();
        Cli.Run sweep = Cli.run("sweep", dir.toString());
        assertThat(sweep.out()).contains("\n127.0.0.1:6379 ");

        Cli.Run bare = Cli.run("simulate", "--fail", "127.0.0.1:6379", dir.toString());
        Cli.Run prefixed = Cli.run("simulate", "--fail", "server:127.0.0.1:6379", dir.toString());
        assertThat(bare.err()).isEmpty();
        assertThat(bare.exit()).isZero();
        assertThat(bare.out()).contains("127.0.0.1:6379 fails").isEqualTo(prefixed.out());
        assertThat(Cli.run("simulate", "--fail", "127.0.0.1:6379@30s", dir.toString()).out())
                .contains("t+30s   127.0.0.1:6379 fails");
    }

    @Test
    void aNameWithAnAtSignIsTakenAsWritten() {
        redisLikeTopology();
        Cli.Run run = Cli.run("simulate", "--fail", "db@old", dir.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("db@old fails");
    }

    @Test
    void anUnknownNameListsTheAcceptedForms() {
        redisLikeTopology();
        Cli.Run run = Cli.run("simulate", "--fail", "10.9.9.9:1", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown failure target '10.9.9.9:1'")
                .contains("server:NAME, zone:NAME, region:NAME or host:NAME");
    }
}
