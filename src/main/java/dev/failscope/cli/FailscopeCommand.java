package dev.failscope.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("check", CheckCommand::new);
        m.put("simulate", SimulateCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("snapshot", SnapshotCommand::new);
        m.put("drift", DriftCommand::new);
        m.put("watch", WatchCommand::new);
        m.put("audit", AuditCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("render", RenderCommand::new);
        m.put("export", ExportCommand::new);
        m.put("generate", GenerateCommand::new);
        m.put("rules", RulesCommand::new);
        m.put("gui", GuiCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
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
        return SUBCOMMANDS.keySet();
    }

    /** The whole command line, every subcommand included: exit code 2 for usage errors, stack traces only with --debug. */
    public static CommandLine commandLine() {
        return configure(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, the root with only that
     * subcommand (it parses and runs them exactly as {@link #commandLine()} would); otherwise the whole one, so
     * that help lists every command and a mistyped one gets a "did you mean".
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0])) {
            return configure(Set.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine configure(Set<String> names) {
        CommandLine cl = new CommandLine(new FailscopeCommand());
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
            if (names.contains(e.getKey())) {
                cl.addSubcommand(e.getKey(), e.getValue().get());
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
