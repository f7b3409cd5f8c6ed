package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import dev.failscope.support.MarkdownExamples;
import dev.failscope.support.MarkdownExamples.Example;
import dev.failscope.support.MarkdownExamples.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Docs check: every command in README.md, docs/, packaging/ and sample-topologies/ Markdown is run, so the docs cannot
 * rot. The convention is in docs/CONTRIBUTING.md ("Examples in docs"):
 *
 * <ul>
 *   <li>{@code console} transcripts of {@code $ failscope ...} (or {@code $ java -jar target/failscope.jar ...}) run
 *       here, in-process, from the project root; stdout then stderr must equal the lines shown (a line {@code ...}
 *       stands for any number of lines, {@code [...]} for any text within a line) and the exit code must equal
 *       {@code # exit N}, or 0 when none is shown.</li>
 *   <li>Any other command (mvn, apt-get, scripts, GUI launches) must be listed in {@link #RUN_ELSEWHERE} with the file
 *       that runs it, and that file must contain it.</li>
 * </ul>
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** Command prefix -> the file (script or CI workflow) that runs it; the file must contain the prefix. */
    static final Map<String, String> RUN_ELSEWHERE = Map.ofEntries(
            Map.entry("mvn -B verify", ".ci/run"),
            Map.entry("mvn -B -Pbench verify", "pom.xml"),
            Map.entry("mvn -B -Plab test", ".ci/run"),
            Map.entry("mvn -B -Pbench-process verify", "pom.xml"),
            Map.entry("mvn -B -Pdist package", "packaging/test-deb.sh"),
            Map.entry("mvn javafx:run", "packaging/github-actions-release.yml"),
            Map.entry("packaging/test-deb.sh", "packaging/github-actions-release.yml"),
            Map.entry("sudo apt-get install -y openjdk-17-jdk maven libgtk-3-0 libxtst6",
                    "packaging/github-actions-release.yml"),
            Map.entry("sudo apt-get install -y ./target/dist/failscope_", "packaging/github-actions-release.yml"),
            Map.entry("apt-get install -y", "packaging/test-deb.sh"),
            Map.entry("packaging/icons/render.sh", "packaging/github-actions-release.yml"),
            Map.entry("packaging/macos/make-icns.sh", "packaging/github-actions-release.yml"),
            // GUI launches (no subcommand): test-deb.sh starts the installed GUI on catifyme under Xvfb and runs the jar
            Map.entry("failscope sample-topologies/", "packaging/test-deb.sh"),
            Map.entry("java -jar target/failscope.jar", "packaging/test-deb.sh"));

    /**
     * Files that still hold shell examples in unlabelled fences. Remove a file once its fences are labelled
     * ({@code console} to run, {@code sh} for commands run elsewhere, {@code text} for synopses).
     */
    static final Set<String> PENDING_CONVERSION = Set.of();

    @TestFactory
    Stream<DynamicTest> everyTranscriptRunsAsShown() {
        return examples().stream()
                .filter(e -> e.kind() == Kind.TRANSCRIPT && cliArgs(e).isPresent())
                .map(e -> DynamicTest.dynamicTest(e.where() + " $ " + e.command(), () -> check(e)));
    }

    @Test
    void everyOtherCommandIsRunElsewhere() {
        List<String> unrun = new ArrayList<>();
        for (Example e : examples()) {
            boolean runHere = e.kind() == Kind.TRANSCRIPT && cliArgs(e).isPresent();
            if (!runHere && e.kind() != Kind.UNCLASSIFIED && runner(e.command()).isEmpty()) {
                unrun.add(e.where() + ": " + e.command());
            }
        }
        assertThat(unrun).as("commands in docs that nothing runs: make them console transcripts of failscope,"
                + " or add them to DocsExamplesTest.RUN_ELSEWHERE with the file that runs them").isEmpty();
    }

    @Test
    void runElsewhereFilesReallyContainTheirCommands() throws IOException {
        for (Map.Entry<String, String> entry : RUN_ELSEWHERE.entrySet()) {
            Path file = ROOT.resolve(entry.getValue());
            assertThat(file).as(entry.getKey()).exists();
            assertThat(normalize(Files.readString(file, StandardCharsets.UTF_8)))
                    .as("%s should run '%s'", entry.getValue(), entry.getKey()).contains(entry.getKey());
        }
    }

    @Test
    void shellExamplesAreInLabelledFences() {
        Set<String> unclassified = new TreeSet<>();
        List<String> found = new ArrayList<>();
        for (Example e : examples()) {
            if (e.kind() == Kind.UNCLASSIFIED) {
                unclassified.add(e.file());
                if (!PENDING_CONVERSION.contains(e.file())) {
                    found.add(e.where() + ": " + e.command());
                }
            }
        }
        assertThat(found).as("label these fences console (run and compared), sh (run elsewhere) or text").isEmpty();
        assertThat(unclassified).as("PENDING_CONVERSION lists only files that still need it")
                .containsExactlyInAnyOrderElementsOf(PENDING_CONVERSION.stream()
                        .filter(f -> Files.exists(ROOT.resolve(f))).collect(Collectors.toSet()));
    }

    @Test
    void relativeLinksAndImagesPointAtFiles() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)\\s#]+)[^)]*\\)");
        List<String> broken = new ArrayList<>();
        for (Path md : markdownFiles()) {
            Matcher m = link.matcher(Files.readString(md, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("[a-z]+:.*") && !Files.exists(md.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(md) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("relative links in docs that point nowhere").isEmpty();
    }

    @Test
    void conventionReadsTranscriptsExitCodesAndWildcards() {
        List<String> doc = List.of("```console", "$ failscope check \\", "    'dir with space'", "a: [...] b", "...",
                "# exit 1", "$ failscope rules", "x", "$ echo $?", "2", "```", "```sh", "# comment", "mvn -B verify", "```");
        List<Example> examples = parse(doc);
        assertThat(examples).extracting(Example::command)
                .containsExactly("failscope check 'dir with space'", "failscope rules", "mvn -B verify");
        assertThat(MarkdownExamples.words(examples.get(0).command())).containsExactly("failscope", "check", "dir with space");
        assertThat(examples.get(0).exit()).hasValue(1);
        assertThat(examples.get(1).exit()).hasValue(2);
        assertThat(examples.get(2).kind()).isEqualTo(Kind.COMMAND);
        assertThat(matches(examples.get(0).expected(), List.of("a: anything here b", "more", "lines"))).isTrue();
        assertThat(matches(examples.get(0).expected(), List.of("a: x c"))).isFalse();
        assertThat(matches(List.of("x"), List.of("x", "y"))).isFalse();
    }

    private static List<Example> parse(List<String> lines) {
        try {
            Path dir = Files.createTempDirectory("docs-check");
            Path md = dir.resolve("doc.md");
            Files.write(md, lines, StandardCharsets.UTF_8);
            List<Example> examples = MarkdownExamples.read(dir, md);
            Files.delete(md);
            Files.delete(dir);
            return examples;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void check(Example e) {
        List<String> args = cliArgs(e).orElseThrow();
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        List<String> actual = lines(run.out() + run.err());
        assertThat(matches(e.expected(), actual))
                .as("%s: output of '%s'%n--- shown in the doc ---%n%s%n--- printed ---%n%s%n", e.where(), e.command(),
                        String.join("\n", e.expected()), String.join("\n", actual))
                .isTrue();
        assertThat(run.exit()).as("%s: exit code of '%s' (show '# exit N' when it is not 0)", e.where(), e.command())
                .isEqualTo(e.exit().orElse(0));
    }

    /** The CLI arguments of a transcript command that can run in-process; empty for GUI launches and other tools. */
    static Optional<List<String>> cliArgs(Example e) {
        List<String> words = MarkdownExamples.words(e.command());
        List<String> args;
        if (!words.isEmpty() && words.get(0).equals("failscope")) {
            args = words.subList(1, words.size());
        } else if (words.size() >= 3 && words.get(0).equals("java") && words.get(1).equals("-jar")
                && words.get(2).endsWith("failscope.jar")) {
            args = words.subList(3, words.size());
        } else {
            return Optional.empty();
        }
        assertThat(args).as("%s: pipes and redirections are not run; show the output instead", e.where())
                .noneMatch(a -> Set.of("|", ">", ">>", "<", "&&", "||", ";", "2>&1").contains(a));
        String[] routed = Launcher.route(args.toArray(String[]::new));
        return routed.length > 0 && routed[0].equals("gui") ? Optional.empty() : Optional.of(List.of(routed));
    }

    private static Optional<String> runner(String command) {
        String c = normalize(command);
        return RUN_ELSEWHERE.keySet().stream().filter(c::startsWith).findFirst();
    }

    static boolean matches(List<String> expected, List<String> actual) {
        StringBuilder regex = new StringBuilder();
        for (String line : expected) {
            String l = line.stripTrailing();
            if (l.equals("...")) {
                regex.append("(?:[^\\n]*\\n)*?");
            } else {
                String[] parts = l.split(Pattern.quote("[...]"), -1);
                regex.append(Stream.of(parts).map(p -> p.isEmpty() ? "" : Pattern.quote(p))
                        .collect(Collectors.joining("[^\\n]*"))).append("\\n");
            }
        }
        String text = actual.stream().map(a -> a + "\n").collect(Collectors.joining());
        return Pattern.compile(regex.toString()).matcher(text).matches();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ");
    }

    private static List<Example> examples() {
        List<Example> all = new ArrayList<>();
        for (Path md : markdownFiles()) {
            all.addAll(MarkdownExamples.read(ROOT, md));
        }
        return all;
    }

    private static List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        if (Files.exists(ROOT.resolve("README.md"))) {
            files.add(ROOT.resolve("README.md"));
        }
        for (String dir : List.of("docs", "packaging", "sample-topologies")) {
            Path d = ROOT.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return files;
    }
}
