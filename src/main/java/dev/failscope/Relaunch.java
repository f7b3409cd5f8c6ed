package dev.failscope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Re-runs a plain {@code java -jar failscope.jar check BIG-INPUT} in a child JVM with the launcher's flags
 * (packaging/failscope): the CDS archive beside the jar, the serial collector, no survivor copying, and C1-only
 * JIT below {@link #LARGE_INPUT_BYTES} of input ({@link #LARGE_FLAGS} from there). On 2 cores a cold batch run
 * under the JVM's defaults spends more CPU in C2 compilation and G1's threads than in its own work: measured at 20k servers, 2.0 s against 0.93 s (docs/performance.md). The
 * child inherits standard input, output, error and the environment, and its exit code is ours.
 *
 * <p>It happens only when it can only help and can't surprise:
 * <ul>
 *   <li>the process was started as {@code java [OPTIONS] -jar JAR}, and each OPTION, and each option in
 *       {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and {@code _JAVA_OPTIONS}, is a heap or stack size, a
 *       RAM or processor setting or a {@code -D} property: whoever chose a collector, a JIT mode, an agent or a
 *       recording keeps exactly the JVM they asked for;
 *   <li>the subcommand is a batch command ({@link #BATCH}), never the GUI;
 *   <li>its existing path arguments hold at least {@link #MIN_INPUT_BYTES} bytes: below that the second JVM's
 *       start costs more than C2 would;
 *   <li>{@code -Dfailscope.relaunch=false} is not set, and this is not the child itself.
 * </ul>
 * When the child cannot be started, the command simply runs here.
 */
final class Relaunch {
    /** Inputs smaller than this run in this JVM: 1 MB is about 3,000 servers of the native format. */
    static final long MIN_INPUT_BYTES = 1L << 20;
    static final Set<String> BATCH = Set.of("check", "sweep", "simulate", "diff", "audit", "explain", "render",
            "export");
    /** From this size on the run is long enough for C2's faster code to repay its compilation (docs/performance.md). */
    static final long LARGE_INPUT_BYTES = 48L << 20;
    /** The launcher's flags below {@link #LARGE_INPUT_BYTES} (packaging/failscope). */
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:MaxTenuringThreshold=0");
    /**
     * The launcher's flags from {@link #LARGE_INPUT_BYTES} on: both compilers, with less inlining than by
     * default, so that C2 compiles the parser's hot loops quickly and spends little on the rest (its compilations
     * were a quarter of the CPU of a 320k check). The heap ratios grow the heap ahead of the model instead of
     * after a full collection each time (a second of full collections at 320k servers; docs/performance.md).
     */
    static final List<String> LARGE_FLAGS = List.of("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0",
            "-XX:MinHeapFreeRatio=70", "-XX:MaxHeapFreeRatio=95", "-XX:FreqInlineSize=60", "-XX:MaxInlineSize=20",
            "-XX:InlineSmallCode=1000");
    private static final String CHILD = "failscope.relaunched";
    /** JVM options that change nothing the launcher's flags set: sizes, processors, properties. */
    private static final Pattern NEUTRAL = Pattern.compile("-Xm[sx]\\d+[kKmMgGtT]?|-Xss\\d+[kKmMgG]?"
            + "|-XX:(Max|Min|Initial)RAMPercentage=[\\d.]+|-XX:MaxRAM=\\d+[kKmMgGtT]?|-XX:ActiveProcessorCount=\\d+"
            + "|-D[^=\\s]+(=.*)?");
    private static final int MAX_WALK = 10_000;

    private Relaunch() {}

    /**
     * The child's exit code when the command was run in a child JVM; empty when it should run here.
     *
     * @param bytes the input's size, {@link #batchInputBytes}
     */
    static OptionalInt ifWorthIt(String[] args, long bytes) {
        if (System.getProperty(CHILD) != null || "false".equalsIgnoreCase(System.getProperty("failscope.relaunch"))) {
            return OptionalInt.empty();
        }
        Optional<List<String>> command = command(args, bytes);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        if (List.of(args).contains("--debug")) {
            System.err.println("failscope: running in a JVM with the launcher's flags (-Dfailscope.relaunch=false "
                    + "keeps this one): " + String.join(" ", command.get()));
        }
        ProcessBuilder pb = new ProcessBuilder(command.get()).inheritIO();
        Process child;
        try {
            child = pb.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread stop = new Thread(child::destroy, "failscope-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return OptionalInt.of(code);
            } catch (InterruptedException e) {
                child.destroy(); // never interrupted in practice: main is the only thread waiting
            } catch (IllegalStateException e) {
                return OptionalInt.of(child.exitValue()); // shutting down: the hook stops the child
            }
        }
    }

    /** The input's size for a batch subcommand ({@link #inputBytes}), 0 for any other. */
    static long batchInputBytes(String[] args) {
        return args.length == 0 || !BATCH.contains(args[0]) ? 0 : inputBytes(args);
    }

    /** The child's command line for this process, or empty when this run should stay here. */
    private static Optional<List<String>> command(String[] args, long bytes) {
        if (bytes < MIN_INPUT_BYTES) {
            return Optional.empty(); // before asking the process its arguments, which loads and starts more
        }
        List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        return command(args, arguments, System.getenv(), jar(arguments), Path.of(System.getProperty("java.home")),
                bytes);
    }

    /**
     * The child's command line, or empty when this run should stay here.
     *
     * @param args      the program's arguments (the subcommand first)
     * @param arguments this JVM's own arguments, as {@code /proc/self/cmdline} has them after the program
     * @param env       the environment
     * @param jar       the jar running, or null when classes come from elsewhere
     * @param javaHome  the running JDK or JRE
     */
    static Optional<List<String>> command(String[] args, List<String> arguments, Map<String, String> env,
            Path jar, Path javaHome) {
        return command(args, arguments, env, jar, javaHome, inputBytes(args));
    }

    private static Optional<List<String>> command(String[] args, List<String> arguments, Map<String, String> env,
            Path jar, Path javaHome, long bytes) {
        if (args.length == 0 || !BATCH.contains(args[0]) || jar == null) {
            return Optional.empty();
        }
        Optional<List<String>> jvm = jvmOptions(arguments);
        if (jvm.isEmpty() || !neutral(env.get("JAVA_TOOL_OPTIONS")) || !neutral(env.get("JDK_JAVA_OPTIONS"))
                || !neutral(env.get("_JAVA_OPTIONS")) || bytes < MIN_INPUT_BYTES) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        Path archive = jar.resolveSibling("failscope.jsa");
        if (Files.isRegularFile(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
            cmd.add("-Xshare:auto");
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
        }
        cmd.addAll(flags(bytes));
        cmd.addAll(jvm.get());
        cmd.add("-D" + CHILD + "=true");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** The launcher's JVM flags for an input of {@code bytes}. */
    static List<String> flags(long bytes) {
        return bytes >= LARGE_INPUT_BYTES ? LARGE_FLAGS : FLAGS;
    }

    /**
     * The JVM options of a {@code java OPTIONS -jar JAR ARGS} command line (the process's arguments without the
     * program), when every one of them is neutral; empty for another shape or any other option.
     */
    static Optional<List<String>> jvmOptions(List<String> arguments) {
        List<String> options = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-jar")) {
                return Optional.of(options);
            }
            if (!NEUTRAL.matcher(a).matches()) {
                return Optional.empty();
            }
            options.add(a);
        }
        return Optional.empty();
    }

    /** Whether every option of an environment variable's JVM options is neutral (or there is none). */
    static boolean neutral(String options) {
        if (options == null || options.isBlank()) {
            return true;
        }
        for (String a : options.trim().split("\\s+")) {
            if (!NEUTRAL.matcher(a).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The jar of {@code -jar JAR} among this JVM's arguments, or null. */
    static Path jar(List<String> arguments) {
        int i = arguments.indexOf("-jar");
        if (i < 0 || i + 1 >= arguments.size()) {
            return null;
        }
        try {
            Path p = Path.of(arguments.get(i + 1)).toAbsolutePath();
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Bytes in the arguments that name existing files or folders, counted until {@link #LARGE_INPUT_BYTES} is
     * reached or {@link #MAX_WALK} entries were seen (links are not followed; unreadable entries count nothing).
     */
    static long inputBytes(String[] args) {
        long total = 0;
        int seen = 0;
        Deque<Path> todo = new ArrayDeque<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("-") && !args[i].isEmpty() && args[i].indexOf('\0') < 0) {
                try {
                    todo.add(Path.of(args[i]).toRealPath()); // a link named on the command line counts
                } catch (IOException | RuntimeException e) {
                    // not an existing path: picocli or the loader reports it
                }
            }
        }
        while (!todo.isEmpty() && total < LARGE_INPUT_BYTES && seen < MAX_WALK) {
            Path p = todo.poll();
            seen++;
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    total += a.size();
                } else if (a.isDirectory()) {
                    try (Stream<Path> list = Files.list(p)) {
                        list.limit(MAX_WALK).forEach(todo::add);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // counts nothing
            }
        }
        return total;
    }
}
