package dev.failscope.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus case through every command, in process: exit 2, the expected positioned message in the text
 * outputs, no stack trace, no internal error, within a time bound.
 */
class HostileCorpusTest {
    /** Command lines; {@code C} is the case folder, {@code O} a fresh output path. Text formats say so. */
    static final List<Command> COMMANDS = List.of(
            new Command(true, "check", "C"),
            new Command(false, "check", "C", "--format", "json"),
            new Command(false, "check", "C", "--format", "sarif"),
            new Command(false, "check", "C", "--format", "github"),
            new Command(true, "sweep", "C"),
            new Command(true, "simulate", "C", "--fail", "db-1"),
            new Command(true, "export", "C", "--format", "dot"),
            new Command(false, "render", "C", "-o", "O.svg"),
            new Command(true, "diff", "sample-topologies/catifyme", "C"));

    record Command(boolean text, String... args) {
        String[] with(Path caseDir, Path out) {
            return Stream.of(args).map(a -> a.equals("C") ? caseDir.toString() : a.replace("O", out.toString()))
                    .toArray(String[]::new);
        }

        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static final Pattern POSITIONED = Pattern.compile(":\\d+:\\d+: error: ");

    @TempDir
    Path dir;

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (HostileCorpus c : HostileCorpus.read()) {
            for (Command cmd : COMMANDS) {
                all.add(Arguments.of(c, cmd));
            }
        }
        return all.stream();
    }

    @Test
    void theCorpusHasAtLeast150Runs() throws IOException {
        assertThat(HostileCorpus.read().size() * COMMANDS.size()).isGreaterThanOrEqualTo(150);
        assertThat(HostileCorpus.read()).extracting(HostileCorpus::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runs")
    void exitsTwoWithAPositionedMessageAndNoStackTrace(HostileCorpus c, Command cmd) throws IOException {
        Path caseDir = dir.resolve(c.name());
        String first = c.writeInto(caseDir);

        Cli.Run run = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.run(cmd.with(caseDir, dir.resolve("out"))));

        String all = run.out() + run.err();
        assertThat(run.exit()).as(all).isEqualTo(2);
        assertThat(all).doesNotContain("\tat ", "internal error", "Exception:", "java.lang.");
        if (cmd.text()) {
            String shown = all.replace(caseDir + "/", "");
            if (c.expect().isEmpty()) {
                assertThat(POSITIONED.matcher(shown).find() && shown.contains(first + ":")).as(shown).isTrue();
            }
            for (String e : c.expect()) {
                assertThat(shown).contains(e.replace("{f}", caseDir.toString()));
            }
        }
    }
}
