package dev.failscope;

import dev.failscope.cli.ExitCodes;
import dev.failscope.cli.FailscopeCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Process entry point. It does not extend {@code javafx.application.Application}, so the fat jar runs
 * without a module path, and it never touches the JavaFX toolkit for CLI commands.
 *
 * <p>With no arguments, or when the first argument is neither an option nor a known subcommand, the arguments
 * are paths and the GUI opens on them ({@code failscope [PATH...]} is {@code failscope gui [PATH...]}).
 */
public final class Launcher {
    /** Subcommands of the whole product, including those other parts register. */
    static final Set<String> KNOWN_COMMANDS = Set.of("check", "rules", "simulate", "sweep", "render", "diff",
            "export", "generate", "audit", "help", "gui");

    private Launcher() {}

    public static void main(String[] args) {
        int exit;
        try {
            exit = FailscopeCommand.commandLine().execute(route(args));
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; by now the stack that held the topology is gone, so this can print
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            exit = ExitCodes.LOAD_OR_USAGE;
        }
        System.exit(exit);
    }

    /** The one line for a run that needed more heap than the JVM had. */
    static String outOfMemory(long maxHeapBytes) {
        return "failscope: out of memory: the Java heap (at most " + maxHeapBytes / (1024 * 1024)
                + " MB) is too small for these files; give the JVM more, for example java -Xmx4g -jar failscope.jar, "
                + "FAILSCOPE_JAVA_OPTS=-Xmx4g failscope, or JAVA_TOOL_OPTIONS=-Xmx4g";
    }

    /** The arguments picocli should see: CLI invocations unchanged, anything else prefixed with {@code gui}. */
    static String[] route(String[] args) {
        // the fixed list first: building a second picocli command line costs a cold process about 0.1 s
        if (args.length > 0 && (args[0].startsWith("-") || KNOWN_COMMANDS.contains(args[0])
                || commands().contains(args[0]))) {
            return args;
        }
        List<String> routed = new ArrayList<>();
        routed.add("gui");
        routed.addAll(Arrays.asList(args));
        return routed.toArray(String[]::new);
    }

    private static Set<String> commands() {
        Set<String> names = new TreeSet<>(KNOWN_COMMANDS);
        names.addAll(FailscopeCommand.commandLine().getSubcommands().keySet());
        return names;
    }
}
