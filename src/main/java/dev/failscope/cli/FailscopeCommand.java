package dev.failscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The root command: {@code failscope SUBCOMMAND ...}. */
@Command(name = "failscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks database failover topologies offline and simulates failover.",
        subcommands = {CheckCommand.class, SimulateCommand.class, SweepCommand.class, DiffCommand.class,
                SnapshotCommand.class, DriftCommand.class, WatchCommand.class,
                AuditCommand.class, ExplainCommand.class, RenderCommand.class, ExportCommand.class, GenerateCommand.class,
                RulesCommand.class, GuiCommand.class, CommandLine.HelpCommand.class})
public final class FailscopeCommand implements Runnable {
    static final String DEBUG = "--debug";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = DEBUG, scope = ScopeType.INHERIT,
            description = "Show a stack trace when failscope itself fails (for bug reports).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: exit code 2 for usage errors, stack traces only with --debug. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FailscopeCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> ExitCodes.LOAD_OR_USAGE);
        cl.setParameterExceptionHandler(UsageErrors::handle);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider());
        }
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("failscope: internal error: " + ex);
            if (debugRequested(parse) || Boolean.getBoolean("failscope.debug")) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(run again with --debug for a stack trace, and please report it)");
            }
            cmd.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    /** True when --debug was given at any level: {@code failscope --debug check} or {@code check --debug}. */
    static boolean debugRequested(ParseResult parse) {
        for (ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }
}
