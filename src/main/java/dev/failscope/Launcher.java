package dev.failscope;

import dev.failscope.cli.FailscopeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * are paths and the GUI opens on them ({@code failscope [PATH...]} is {@code failscope gui [PATH...]}). A first
 * argument that reads as a command word (letters, digits and dashes) and names no file is passed on as it is, so
 * a mistyped command ({@code failscope chek}) is a usage error with a "did you mean", not a GUI window.
 */
public final class Launcher {
    /** Subcommands of the whole product, including those other parts register. */
    static final Set<String> KNOWN_COMMANDS = Set.of("check", "rules", "simulate", "sweep", "render", "diff",
            "export", "generate", "audit", "explain", "help", "gui");

    private Launcher() {}

    public static void main(String[] args) {
        System.exit(FailscopeCommand.commandLine().execute(route(args)));
    }

    /** The arguments picocli should see: CLI invocations unchanged, anything else prefixed with {@code gui}. */
    static String[] route(String[] args) {
        // the fixed list first: building a second picocli command line costs a cold process about 0.1 s
        if (args.length > 0 && (args[0].startsWith("-") || KNOWN_COMMANDS.contains(args[0])
                || commands().contains(args[0]) || mistypedCommand(args[0]))) {
            return args;
        }
        List<String> routed = new ArrayList<>();
        routed.add("gui");
        routed.addAll(Arrays.asList(args));
        return routed.toArray(String[]::new);
    }

    /** A word like {@code chek}: no path separator or dot, and no file or folder of that name here. */
    static boolean mistypedCommand(String arg) {
        return arg.matches("[A-Za-z][A-Za-z0-9-]*") && !Files.exists(Path.of(arg));
    }

    private static Set<String> commands() {
        Set<String> names = new TreeSet<>(KNOWN_COMMANDS);
        names.addAll(FailscopeCommand.commandLine().getSubcommands().keySet());
        return names;
    }
}
