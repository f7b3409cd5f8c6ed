package dev.failscope.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.failscope.io.IoProblems;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each "Why" item of issue 17 (internal errors, hangs, accepted nonsense) that failed before its fix. */
class HostileRegressionTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Cli.Run run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(args));
    }

    private static void assertCleanLoadError(Cli.Run run, String... expected) {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains(expected).doesNotContain("Exception", "internal error", "\tat ");
    }

    @Test
    void unicodeEscapesBeyondTheLastCodePointAreALoadError() throws IOException {
        Path big = write("big.yaml", "kind: inventory\nservers:\n  - name: \"\\UFFFFFFFF\"\n");
        assertCleanLoadError(run("check", big.toString()), big + ":3:", "escape sequence names no Unicode character");
        for (String esc : List.of("\\UFFFFFFFF", "\\U00110000", "\\U7FFFFFFF")) {
            Path f = write("u.yaml", "kind: inventory\nservers:\n  - name: \"" + esc + "\"\n");
            assertCleanLoadError(run("check", f.toString()), f + ":3:", "invalid YAML: ");
        }
    }

    @Test
    void hugeDurationsAreRejectedWithTheirPosition() throws IOException {
        Path topo = Files.createDirectories(dir.resolve("t"));
        for (String n : List.of("clusters", "inventory", "services", "failover")) {
            Files.copy(Path.of("sample-topologies/catifyme/" + n + ".yaml"), topo.resolve(n + ".yaml"));
        }
        Path failover = topo.resolve("failover.yaml");
        Files.writeString(failover, Files.readString(failover).replaceAll("attempt-timeout: \\S+",
                "attempt-timeout: 999999999999h"));
        for (List<String> cmd : List.of(List.of("check"), List.of("sweep"), List.of("simulate", "--fail",
                "db-main-1"))) {
            String[] args = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of(topo.toString()))
                    .toArray(String[]::new);
            assertCleanLoadError(run(args), "failover.yaml:5:18: error: 'attempt-timeout' of failover of 'catify-main'",
                    "is 999999999999h, over the limit of 8760h (one year)");
        }
        Path patroni = write("p.yml", "scope: pg\nname: a\nrestapi:\n  listen: 10.0.0.1:8008\npostgresql:\n"
                + "  connect_address: 10.0.0.1:5432\nbootstrap:\n  dcs:\n    ttl: 999999999999999999\n");
        assertCleanLoadError(run("check", patroni.toString()), "p.yml:9:10", "over the limit of 8760h");
    }

    @Test
    void aFiveMegabyteCommentLineIsRefusedQuickly() throws IOException {
        Path f = write("c.yaml", "kind: inventory\nservers: []\n#" + "x".repeat(5_000_000) + "\n");
        long start = System.nanoTime();
        assertCleanLoadError(run("check", f.toString()), f + ":3:1: error: line is 5000001 characters long, over "
                + "the limit of 100000 for YAML");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Path ok = write("ok.yaml", "kind: inventory\nservers:\n  - name: a\n#" + "x".repeat(99_000) + "\n");
        assertThat(run("check", ok.toString()).exit()).isZero();
    }

    @Test
    void aDeepCascadeIsALoadErrorForSweepAndRender() throws IOException {
        cascade("deep", 2000);
        for (List<String> cmd : List.of(List.of("sweep", "D"), List.of("render", "D", "-o", "X.png"))) {
            String[] args = cmd.stream().map(a -> a.replace("D", dir.resolve("deep").toString())
                    .replace("X", dir.resolve("x").toString())).toArray(String[]::new);
            assertCleanLoadError(run(args), "cl.yaml:205:13: error: replication cascade of cluster 'c' is more than "
                    + "100 levels deep at replica 's101'");
        }
        cascade("ok", 60);
        assertThat(run("sweep", dir.resolve("ok").toString()).exit()).isIn(0, 1);
    }

    @Test
    void renderRefusesAPngTallerThanTheLimit() throws IOException {
        StringBuilder inv = new StringBuilder("kind: inventory\nservers:\n");
        StringBuilder cl = new StringBuilder("kind: cluster\nname: c\nprimary: s0\nreplicas:\n");
        for (int i = 0; i < 6000; i++) {
            inv.append("  - name: s").append(i).append('\n');
            if (i > 0) {
                cl.append("  - server: s").append(i).append('\n');
            }
        }
        write("wide/inv.yaml", inv.toString());
        write("wide/cl.yaml", cl.toString());
        Cli.Run r = run("render", dir.resolve("wide").toString(), "-o", dir.resolve("w.png").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("pixels, over the limit of 32767 pixels per side: draw fewer paths, or write SVG");
        assertThat(dir.resolve("w.png")).doesNotExist();
    }

    @Test
    void aFifoInAFolderIsNeverOpenedAndANamedOneTimesOut() throws Exception {
        write("t/inv.yaml", "kind: inventory\nservers:\n  - name: a\n");
        Path fifo = dir.resolve("t/pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(dir.resolve("t/kmsg.yaml"), Path.of("/proc/kmsg"));
        Files.createSymbolicLink(dir.resolve("t/status.yaml"), Path.of("/proc/self/status"));

        Cli.Run folder = run("check", dir.resolve("t").toString());
        assertThat(folder.exit()).as(folder.out()).isZero();
        assertThat(folder.out()).contains("in 1 file");

        long start = System.nanoTime();
        Cli.Run named = run("check", fifo.toString());
        assertCleanLoadError(named, "pipe.yaml:1:1: error: cannot read file: not a regular file, and it gave no complete "
                + "content within 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void accessDeniedIsPlainWords() {
        assertThat(IoProblems.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(IoProblems.describe(new IOException("java.nio.file.AccessDeniedException: /x")))
                .isEqualTo("/x");
    }

    @Test
    void documentsThatAreNotMapsAreLoadErrorsInAFolderToo() throws IOException {
        write("t/inv.yaml", "kind: inventory\nservers:\n  - name: a\n");
        List<String> docs = List.of("42", "just text", "- a\n- b", "~", "{}", "[]");
        for (String doc : docs) {
            write("t/bad.yaml", doc + "\n");
            write("t/bad.json", doc.startsWith("-") || doc.equals("~") || doc.equals("just text") ? "\"s\""
                    : doc + "\n");
            Cli.Run r = run("check", dir.resolve("t").toString());
            assertThat(r.exit()).as(doc + ": " + r.out()).isEqualTo(2);
            assertThat(r.out()).contains("bad.yaml:1:1: error: ");
        }
        write("t/bad.yaml", "---\n");
        assertThat(run("check", dir.resolve("t").toString()).exit()).isEqualTo(2);
    }

    @Test
    void aServerNamedLikeADateStaysAString() throws IOException {
        Path f = write("d.yaml", "kind: inventory\nservers:\n  - name: 2024-01-01\n");
        LoadResult r = new TopologyLoader().load(List.of(f.toString()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.topology().server("2024-01-01")).isPresent();
    }

    @Test
    void enumValuesMustBeWrittenAsTheSchemaSays() throws IOException {
        Path f = write("s.yaml", "kind: inventory\nservers:\n  - name: a\n    status: Decommissioned\n  - name: b\n"
                + "---\nkind: cluster\nname: c\nprimary: a\nreplicas:\n  - server: b\n    mode: SYNC\n");
        Cli.Run r = run("check", f.toString());
        assertCleanLoadError(r, "s.yaml:4:13: error: 'status' of server 'a' must be one of",
                "got the string 'Decommissioned': did you mean 'decommissioned'?",
                "s.yaml:12:11: error: 'mode' of replica", "got the string 'SYNC': did you mean 'sync'?");
    }

    @Test
    void theSameFileReachedTwiceIsLoadedOnce() throws IOException {
        Path t = Files.createDirectories(dir.resolve("t"));
        for (String n : List.of("clusters", "inventory", "services", "failover")) {
            Files.copy(Path.of("sample-topologies/catifyme-fixed/" + n + ".yaml"), t.resolve(n + ".yaml"));
        }
        Cli.Run once = run("check", t.toString());
        for (String[] args : List.of(new String[] {t.toString(), t.resolve("inventory.yaml").toString()},
                new String[] {t.toString(), t + "/./"}, new String[] {t.toString(), t + "/../t"})) {
            Cli.Run twice = run("check", args[0], args[1]);
            assertThat(twice.exit()).as(twice.out()).isEqualTo(once.exit());
            assertThat(twice.out()).doesNotContain("duplicate");
        }
    }

    @Test
    void outOfMemoryIsOneLineNamingXmx() {
        assertThat(dev.failscope.LauncherAccess.outOfMemory(256L << 20)).isEqualTo("failscope: out of memory: the "
                + "input needs more than the 256 MB Java heap; give it more with -Xmx (java -Xmx4g -jar "
                + "failscope.jar ...) or JAVA_TOOL_OPTIONS=-Xmx4g");
    }

    private void cascade(String name, int n) throws IOException {
        StringBuilder inv = new StringBuilder("kind: inventory\nservers:\n");
        StringBuilder cl = new StringBuilder("kind: cluster\nname: c\nprimary: s0\nreplicas:\n");
        for (int i = 0; i < n; i++) {
            inv.append("  - name: s").append(i).append("\n    zone: z").append(i % 3).append('\n');
            if (i > 0) {
                cl.append("  - server: s").append(i).append("\n    source: s").append(i - 1).append('\n');
            }
        }
        write(name + "/inv.yaml", inv.toString());
        write(name + "/cl.yaml", cl.toString());
        write(name + "/fo.yaml", "kind: failover\ncluster: c\ncandidates: [s1, s2]\n");
    }
}
