package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final String BEFORE = "sample-topologies/catifyme-before";
    private static final String AFTER = "sample-topologies/catifyme";

    @TempDir
    Path tmp;

    @Test
    void catifymeDeployTellsTheStoryAndFails() {
        Cli r = Cli.run("diff", BEFORE, AFTER);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("this change points catify-main's only failover candidate at a "
                + "decommissioned server (db-legacy-2)");
        assertThat(r.out()).contains("  + catify-main: failover candidate db-legacy-2 added (#1 of 1)\n"
                + "      after:  sample-topologies/catifyme/failover.yaml:8:5\n"
                + "  - catify-main: failover candidate db-replica-1 removed (was #1)\n"
                + "      before: sample-topologies/catifyme-before/failover.yaml:8:5\n");
        assertThat(r.out()).contains("sample-topologies/catifyme/failover.yaml:8:5: error: ");
    }

    @Test
    void theFixIsGreenAndResolvesTheFinding() {
        Cli r = Cli.run("diff", "--before", AFTER, "--after", "sample-topologies/catifyme-fixed");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Findings resolved (").contains("[failover-target-decommissioned]");
        assertThat(r.out()).contains("  - server db-legacy-2 removed\n");
    }

    @Test
    void anOutageFailsEvenWithFailOnNever() {
        Cli r = Cli.run("diff", BEFORE, AFTER, "--fail-on", "never");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("  catify-main: primary loss was survived (db-replica-1 promoted, RTO 30s); "
                + "after this change it is an OUTAGE (db-legacy-2 skipped: decommissioned; 3 services down)\n");
    }

    @Test
    void failOnDecidesForIntroducedWarnings() {
        Path w = Fixtures.write(tmp, "waivers.yaml", """
                kind: waivers
                waivers:
                  - rule: failover-target-lagging
                    subject: catify-main
                    reason: nothing to waive
                    owner: qa
                    expires: 2099-12-31
                """);
        String[] args = {"diff", "--before", BEFORE, "--after", BEFORE, "--after", w.toString()};
        assertThat(Cli.run(args).exit()).isZero();
        String[] warning = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--fail-on", "warning")).toArray(String[]::new);
        Cli r = Cli.run(warning);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("warning: waiver of failover-target-lagging for catify-main (owner qa) matches "
                + "no finding");
    }

    @Test
    void noChangeIsGreen() {
        Cli r = Cli.run("diff", AFTER, AFTER);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Changes (0):\n  (none)\n");
    }

    @Test
    void unchangedFindingsOnlyWithAll() {
        Cli hidden = Cli.run("diff", AFTER, AFTER);
        assertThat(hidden.out()).doesNotContain("Findings unchanged");
        Cli all = Cli.run("diff", AFTER, AFTER, "--all");
        assertThat(all.out()).contains("Findings unchanged (").contains("[failover-target-decommissioned]");
    }

    @Test
    void aWaivedFindingIsShownButNotIntroduced() {
        Path w = Fixtures.write(tmp, "waivers.yaml", """
                kind: waivers
                waivers:
                  - rule: failover-target-decommissioned
                    subject: catify-main
                    reason: accepted for the test
                    owner: qa
                    expires: 2099-12-31
                """);
        Cli r = Cli.run("diff", "--before", BEFORE, "--after", AFTER, "--after", w.toString());
        assertThat(r.exit()).as("the outage still fails the diff").isEqualTo(1);
        assertThat(r.out()).contains("Findings introduced (1):").contains("[no-viable-failover]").contains("Findings waived (1):\n  "
                + "sample-topologies/catifyme/failover.yaml:8:5: waived error: ");
        assertThat(r.out()).contains("(waived by qa until 2099-12-31: accepted for the test)");
    }

    @Test
    void loadErrorsExitTwo() {
        Cli r = Cli.run("diff", BEFORE, tmp.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("no such file or directory");
    }

    @Test
    void helpListsTheFormsAndExitCodes() {
        Cli r = Cli.run("diff", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("failscope diff --git origin/main [PATH...]").contains("Exit codes:")
                .contains("--format").contains("--as");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(Cli.run("diff", BEFORE).exit()).isEqualTo(2);
        assertThat(Cli.run("diff", "--before", BEFORE).exit()).isEqualTo(2);
        assertThat(Cli.run("diff", "--git", "HEAD", "--before", BEFORE).exit()).isEqualTo(2);
    }

    @Test
    void severalPathsPerSide() {
        Cli r = Cli.run("diff", "--before", BEFORE + "/inventory.yaml", "--before", BEFORE + "/failover.yaml",
                "--before", BEFORE + "/clusters.yaml", "--after", AFTER + "/inventory.yaml", "--after",
                AFTER + "/failover.yaml", "--after", AFTER + "/clusters.yaml");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Changes (2):");
    }

    @Test
    void gitComparesWorkingTreeWithRevisionWithoutTouchingIt() throws Exception {
        Path repo = tmp.resolve("repo");
        Path topo = repo.resolve("topo");
        Fixtures.write(topo, "t.yaml", Fixtures.base());
        Fixtures.write(repo, "README.md", "hello\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "v1");
        String changed = Fixtures.base().replace("  - r1\n  - r2\n", "  - r2\n  - r1\n");
        Files.writeString(topo.resolve("t.yaml"), changed);
        String statusBefore = git(repo, "status", "--porcelain");

        Cli r = Cli.run("diff", "--git", "HEAD", topo.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("  ~ main: failover candidates: order r1, r2 \u2192 r2, r1\n"
                + "      before: " + topo + "/t.yaml:23:5\n"
                + "      after:  " + topo + "/t.yaml:23:5\n");
        assertThat(Files.readString(topo.resolve("t.yaml"))).isEqualTo(changed);
        assertThat(git(repo, "status", "--porcelain")).isEqualTo(statusBefore);
    }

    @Test
    void gitPathAbsentAtRevisionIsAllAdded() throws Exception {
        Path repo = tmp.resolve("repo");
        Fixtures.write(repo, "README.md", "hello\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "v1");
        Path topo = repo.resolve("topo");
        Fixtures.write(topo, "t.yaml", Fixtures.base());
        Cli r = Cli.run("diff", "--git", "HEAD", topo.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("  + server p1 added (active, zone a)\n");
    }

    @Test
    void gitSideSkipsHiddenAndForeignFilesLikeTheWorkingTreeSide() throws Exception {
        Path repo = tmp.resolve("repo");
        Path topo = repo.resolve("topo");
        Fixtures.write(topo, "t.yaml", Fixtures.base());
        Fixtures.write(topo, ".old/t.yaml", "kind: nonsense\n");
        Fixtures.write(topo, "notes.txt", "not a topology\n");
        Fixtures.write(topo, "sub/extra.yaml", "kind: inventory\nservers:\n  - name: spare-1\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "v1");
        Cli r = Cli.run("diff", "--git", "HEAD", topo.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Changes (0):");
        Cli file = Cli.run("diff", "--git", "HEAD", topo.resolve("sub/extra.yaml").toString());
        assertThat(file.exit()).as(file.out()).isZero();
        assertThat(file.out()).contains("Changes (0):");
    }

    @Test
    void gitBadRevisionIsALoadError() throws Exception {
        Path repo = tmp.resolve("repo");
        Fixtures.write(repo, "topo/t.yaml", Fixtures.base());
        git(repo, "init", "-q");
        Cli r = Cli.run("diff", "--git", "no-such-rev", repo.resolve("topo").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("not a git revision here: 'no-such-rev'");
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
