package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link FailscopeCommand#commandLine(String...)} builds only the subcommand the arguments name (start-up cost,
 * docs/performance.md): it must parse and answer exactly like the whole command line.
 */
class LazySubcommandsTest {
    @Test
    void theNamesAreTheCommandNamesInHelpOrder() {
        List<String> annotated = new ArrayList<>();
        FailscopeCommand.commandLine().getSubcommands().forEach((name, cl) -> {
            assertThat(cl.getCommandName()).isEqualTo(name);
            annotated.add(name);
        });
        assertThat(annotated).containsExactlyElementsOf(FailscopeCommand.commandNames());
        assertThat(annotated).contains("check", "sweep", "help", "gui").hasSize(15);
    }

    @Test
    void aSubcommandBuildsOnlyItself() {
        for (String name : FailscopeCommand.commandNames()) {
            CommandLine cl = FailscopeCommand.commandLine(name, "x");
            if (name.equals("help")) {
                assertThat(cl.getSubcommands().keySet()).as(name).containsExactlyElementsOf(FailscopeCommand.commandNames());
            } else {
                assertThat(cl.getSubcommands().keySet()).as(name).containsExactly(name);
            }
        }
        assertThat(FailscopeCommand.commandLine("--help").getSubcommands()).hasSize(15);
        assertThat(FailscopeCommand.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(run(FailscopeCommand.commandLine("-V"), new String[] {"-V"}))
                .isEqualTo(run(FailscopeCommand.commandLine(), new String[] {"-V"})).contains("failscope ");
        assertThat(FailscopeCommand.commandLine("chek").getSubcommands()).hasSize(15);
        assertThat(FailscopeCommand.commandLine().getSubcommands()).hasSize(15);
    }

    @Test
    void helpVersionAndUsageErrorsReadTheSameAsFromTheWholeCommandLine() {
        for (String name : FailscopeCommand.commandNames()) {
            for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--version"},
                    new String[] {name, "--no-such-option"}, new String[] {name})) {
                if (name.equals("gui") && args.length == 1) {
                    continue; // would open a window
                }
                assertThat(run(FailscopeCommand.commandLine(args), args)).as(String.join(" ", args))
                        .isEqualTo(run(FailscopeCommand.commandLine(), args));
            }
        }
    }

    @Test
    void aCheckRunsTheSame() {
        String[] args = {"check", "--format", "json", "sample-topologies/catifyme"};
        assertThat(run(FailscopeCommand.commandLine(args), args)).isEqualTo(run(FailscopeCommand.commandLine(), args))
                .contains("\"exit\":1");
    }

    private static String run(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return "\"exit\":" + exit + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
