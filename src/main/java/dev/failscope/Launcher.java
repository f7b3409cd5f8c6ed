package dev.failscope;

import dev.failscope.cli.FailscopeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private Launcher() {}

    public static void main(String[] args) {
        long bytes = Relaunch.batchInputBytes(args);
        var child = Relaunch.ifWorthIt(args, bytes);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        if (HeapWatch.atRisk(bytes, Runtime.getRuntime().maxMemory())) {
            HeapWatch.start(System::exit);
        }
        System.exit(run(args));
    }

    /**
     * Runs the command line; running out of heap is one clear line and exit 2, never a stack trace (picocli's
     * handler sees only exceptions, and an {@link OutOfMemoryError} is an error).
     */
    static int run(String[] args) {
        try {
            String[] routed = route(args);
            return FailscopeCommand.commandLine(routed).execute(routed);
        } catch (OutOfMemoryError e) {
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            System.err.flush();
            return 2;
        }
    }

    /** The one line printed when the heap runs out. */
    static String outOfMemory(long maxHeapBytes) {
        return "failscope: out of memory: the input needs more than the " + (maxHeapBytes >> 20) + " MB Java heap; "
                + "give it more with -Xmx (java -Xmx4g -jar failscope.jar ...) or JAVA_TOOL_OPTIONS=-Xmx4g";
    }

    /** The arguments picocli should see: CLI invocations unchanged, anything else prefixed with {@code gui}. */
    static String[] route(String[] args) {
        // from the list of names: building a picocli command line only to learn them costs a cold process 0.1 s
        if (args.length > 0 && (args[0].startsWith("-") || FailscopeCommand.commandNames().contains(args[0])
                || mistypedCommand(args[0]))) {
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
}
