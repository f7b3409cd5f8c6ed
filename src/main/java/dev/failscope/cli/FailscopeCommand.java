package dev.failscope.cli;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The root command: {@code failscope SUBCOMMAND ...}.
 *
 * <p>The subcommands are added in code, not listed in {@code @Command(subcommands = ...)}: picocli reflects the
 * options of every subcommand it is given, which in a cold process costs more than a small {@code check} itself
 * (docs/performance.md, "Start-up"). {@link #commandLine(String...)} therefore adds only the subcommand the
 * arguments name; {@link #commandLine()} adds them all (help, completion, a mistyped command).
 */
@Command(name = "failscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks database failover topologies offline and simulates failover.")
public final class FailscopeCommand implements Runnable {
    static final String DEBUG = "--debug";

    /** Every subcommand by its {@code @Command} name, in the order the usage help lists them. */
    private static final Set<String> NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("check",
            "simulate", "sweep", "diff", "snapshot", "drift", "watch", "audit", "explain", "render", "export",
            "generate", "rules", "gui", "help")));

    /** A new subcommand object; a switch, not a table of constructor references, loads only the one made. */
    private static Object create(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "simulate" -> new SimulateCommand();
            case "sweep" -> new SweepCommand();
            case "diff" -> new DiffCommand();
            case "snapshot" -> new SnapshotCommand();
            case "drift" -> new DriftCommand();
            case "watch" -> new WatchCommand();
            case "audit" -> new AuditCommand();
            case "explain" -> new ExplainCommand();
            case "render" -> new RenderCommand();
            case "export" -> new ExportCommand();
            case "generate" -> new GenerateCommand();
            case "rules" -> new RulesCommand();
            case "gui" -> new GuiCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = DEBUG, scope = ScopeType.INHERIT,
            description = "Show a stack trace when failscope itself fails (for bug reports).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommand names, in help order. */
    public static Set<String> commandNames() {
        return NAMES;
    }

    /** The whole command line, every subcommand included: exit code 2 for usage errors, stack traces only with --debug. */
    public static CommandLine commandLine() {
        return configure(NAMES);
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, the root with only that
     * subcommand (it parses and runs them exactly as {@link #commandLine()} would), and for a lone {@code --version}
     * the root alone; otherwise the whole one, so
     * that help lists every command and a mistyped one gets a "did you mean".
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && !args[0].equals("help") && NAMES.contains(args[0])) {
            return configure(Set.of(args[0]));
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configure(Set.of());
        }
        return commandLine();
    }

    private static CommandLine configure(Set<String> names) {
        CommandLine cl = new CommandLine(new FailscopeCommand());
        for (String name : NAMES) {
            if (names.contains(name)) {
                cl.addSubcommand(name, create(name));
            }
        }
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
