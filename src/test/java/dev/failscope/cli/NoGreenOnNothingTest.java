package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import dev.failscope.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 point 5: no green result when no topology was read, and a cluster without policy is an error. */
class NoGreenOnNothingTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfRoutesAloneIsATopologyAndItsUnmatchedTargetsAreErrors() throws Exception {
        Files.writeString(dir.resolve("routes.yaml"), "kind: route\nname: r\nfollows: none\ntargets: [db-9]\n");
        Cli.Run run = Cli.run("check", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("error: route 'r' (route) sends clients to 'db-9', which matches no "
                + "inventory server").doesNotContain("no topology was read");
    }

    @Test
    void anEmptyFolderIsExit2InCheckSweepDiffAndAudit() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String msg = empty + ":1:1: error: no topology was read: " + empty + " holds no file Failscope reads";
        for (Cli.Run run : new Cli.Run[] {Cli.run("check", empty.toString()), Cli.run("sweep", empty.toString()),
                Cli.run("diff", empty.toString(), "sample-topologies/catifyme"),
                Cli.run("diff", "sample-topologies/catifyme", empty.toString())}) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).startsWith(msg).doesNotContain("0 errors");
        }
        Files.createDirectories(dir.resolve("root/prod"));
        Cli.Run audit = Cli.run("audit", dir.resolve("root").toString());
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).startsWith("failscope audit: no environment of ");
    }

    @Test
    void onlyUnreadableFilesIsExit2WithWhatWasSkipped() throws IOException {
        Files.writeString(dir.resolve("haproxy.cfg"), "frontend x\n  bind *:5000\n");
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Cli.Run run = Cli.run("check", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith(dir + ":1:1: error: no topology was read: the file read from " + dir
                + " declares no server, cluster, failover policy, service or route (1 skipped: not a format Failscope "
                + "reads; force one with --as)\n");
        assertThat(Cli.run("check", "--format", "json", dir.toString()).out()).contains("\"errors\"")
                .doesNotContain("\"findings\"");
    }

    @Test
    void aMistypedFolderIsExit2() {
        Cli.Run run = Cli.run("check", "sample-topologies/catifyem");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("0 errors");
    }

    @Test
    void aFolderWithATopologyStillPasses() {
        assertThat(Cli.run("check", "sample-topologies/catifyme-fixed").exit()).isZero();
    }

    @Test
    void aClusterWithReplicasAndNoPolicyIsAnErrorInCheckAsInSimulate() {
        Fixtures.write(dir, "t.yaml", """
                kind: inventory
                servers: [{name: db-1, zone: a}, {name: db-2, zone: b}]
                ---
                kind: cluster
                name: main
                primary: db-1
                replicas: [{server: db-2}]
                """);
        Cli.Run check = Cli.run("check", dir.toString());
        Cli.Run simulate = Cli.run("simulate", "--fail", "db-1", dir.toString());

        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains(": error: cluster 'main' has 1 replica but no failover document: losing "
                + "primary 'db-1' is an outage").contains("[no-failover-policy]");
        assertThat(simulate.exit()).isEqualTo(1);
    }
}
