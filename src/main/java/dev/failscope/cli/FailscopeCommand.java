package dev.failscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code failscope SUBCOMMAND ...}. */
@Command(name = "failscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks database failover topologies offline and simulates failover.",
        subcommands = {CheckCommand.class, RulesCommand.class, GuiCommand.class, CommandLine.HelpCommand.class})
public final class FailscopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: exit codes 2 for usage errors, no stack traces for the user. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FailscopeCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.LOAD_OR_USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("failscope: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.LOAD_OR_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("failscope: internal error: " + ex);
            if (parse.hasMatchedOption("--debug") || Boolean.getBoolean("failscope.debug")) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(run with -Dfailscope.debug=true for a stack trace; please report it)");
            }
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
