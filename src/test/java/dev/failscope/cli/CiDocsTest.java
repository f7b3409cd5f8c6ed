package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code failscope} command written in the (non-transcript) code blocks of {@code docs/ci.md} and
 * {@code docs/monitoring.md} on the samples, in a git repository whose {@code origin/main} and {@code HEAD} hold
 * the topology before the CatifyMe deploy. The gate is green on {@code catifyme-fixed} and red on
 * {@code catifyme}; report commands (with {@code --fail-on never} or {@code || true}) produce their files.
 */
class CiDocsTest {
    private static final Pattern COMMAND = Pattern.compile(
            "(?<!name: )(?<![\\w'/.-])failscope\\s+(check|sweep|diff|audit|export|simulate|rules)\\b.*");

    @TempDir
    Path tmp;

    /** One documented invocation: its arguments (after "failscope") and whether it gates. */
    record Documented(String line, List<String> args, boolean gate) {}

    static List<Documented> commands(Path doc) throws IOException {
        List<Documented> found = new ArrayList<>();
        boolean inCode = false;
        boolean transcript = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                transcript = inCode && line.strip().equals("```console");
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            // console transcripts on the samples are run and compared by DocsExamplesTest
            if (!inCode || transcript || !m.find()) {
                continue;
            }
            String text = m.group();
            String tail = "";
            int cut = text.length();
            for (String op : List.of(" || ", " && ", " | ", "; ")) {
                int i = text.indexOf(op);
                if (i >= 0 && i < cut) {
                    cut = i;
                    tail = text.substring(i);
                }
            }
            String command = text.substring(0, cut).strip();
            List<String> args = new ArrayList<>(List.of(command.split("\\s+")));
            args.remove(0);
            boolean tolerant = args.contains("never") || tail.startsWith(" || true");
            found.add(new Documented(line.strip(), args, !tolerant));
        }
        return found;
    }

    /** A repository whose HEAD and origin/main hold catifyme-before in topology/, working tree {@code sample}. */
    private Path repo(String sample) throws Exception {
        Path repo = tmp.resolve("repo-" + sample);
        Path topology = repo.resolve("topology");
        copy(Path.of("sample-topologies/catifyme-before"), topology);
        DiffCommandTest.git(repo, "init", "-q");
        DiffCommandTest.git(repo, "add", ".");
        DiffCommandTest.git(repo, "commit", "-q", "-m", "before the deploy");
        DiffCommandTest.git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
        try (Stream<Path> old = Files.list(topology)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        copy(Path.of("sample-topologies", sample), topology);
        return repo;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted(Comparator.naturalOrder())
                    .toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private List<String> resolve(List<String> args, Path repo, Path out) {
        String topology = repo.resolve("topology") + "/";
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).replace("\"", "");
            if (a.equals("topology/") || a.equals("$topology")) {
                a = topology;
            } else if (a.startsWith("$dir/")) {
                a = out.resolve(a.substring("$dir/".length())).toString();
            } else if (i > 0 && args.get(i - 1).equals("--html-link") && a.startsWith("$")) {
                a = "https://ci.example.com/review.html";   // the CI system's variable for the page's address
            } else if (i > 0 && args.get(i - 1).equals("--output")) {
                a = out.resolve(a).toString();
            }
            resolved.add(a);
        }
        return resolved;
    }

    private void runAll(Path doc, String sample, boolean red) throws Exception {
        List<Documented> commands = commands(doc);
        Path repo = repo(sample);
        Path out = Files.createDirectories(tmp.resolve("out-" + sample + "-" + doc.getFileName()));
        for (Documented d : commands) {
            List<String> args = resolve(d.args(), repo, out);
            Cli r = Cli.run(args.toArray(String[]::new));
            String why = d.line() + "\n" + r.out() + r.err();
            assertThat(r.exit()).as(why).isIn(0, 1);
            if (!red) {
                assertThat(r.exit()).as(why).isZero();
            } else if (d.gate()) {
                assertThat(r.exit()).as("gate must be red: " + why).isEqualTo(1);
            }
            int o = args.indexOf("--output");
            if (o >= 0) {
                assertThat(Path.of(args.get(o + 1))).as(why).isNotEmptyFile();
            }
        }
    }

    @Test
    void ciDocCommandsAreGreenOnTheFixAndRedOnTheDeploy() throws Exception {
        Path doc = Path.of("docs/ci.md");
        List<Documented> commands = commands(doc);
        assertThat(commands).hasSizeGreaterThanOrEqualTo(15);
        assertThat(commands).filteredOn(Documented::gate).extracting(d -> d.args().get(0))
                .contains("check", "sweep", "diff");
        assertThat(commands).anySatisfy(d -> assertThat(d.args()).containsSubsequence("diff", "--git", "origin/main"));
        runAll(doc, "catifyme-fixed", false);
        runAll(doc, "catifyme", true);
    }

    @Test
    void monitoringDocCommandWritesTheMetricsTheAlertsUse() throws Exception {
        Path doc = Path.of("docs/monitoring.md");
        List<Documented> commands = commands(doc);
        assertThat(commands).singleElement().satisfies(d -> assertThat(d.args()).contains("prometheus"));
        for (String sample : List.of("catifyme", "catifyme-fixed")) {
            Path repo = repo(sample);
            Path out = Files.createDirectories(tmp.resolve("metrics-" + sample));
            List<String> args = resolve(commands.get(0).args(), repo, out);
            assertThat(Cli.run(args.toArray(String[]::new)).exit()).isZero();
            String metrics = Files.readString(out.resolve("failscope.prom.tmp"));
            boolean bad = sample.equals("catifyme");
            assertThat(metrics).contains("failscope_findings{rule=\"failover-target-decommissioned\",severity=\"error\"} "
                    + (bad ? 1 : 0) + "\n");
            assertThat(metrics).contains("failscope_clusters_without_viable_failover " + (bad ? 1 : 0) + "\n");
            assertThat(metrics).contains("failscope_single_points_of_failure " + (bad ? 1 : 0) + "\n");
            assertThat(metrics).containsPattern("failscope_last_check_timestamp_seconds \\d{10}\n");
        }
    }
}
