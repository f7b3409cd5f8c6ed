package dev.failscope.cli;

import dev.failscope.live.Snapshot;
import dev.failscope.live.SnapshotWriter;
import dev.failscope.live.Snapshotter;
import dev.failscope.model.Finding;
import dev.failscope.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code failscope snapshot}: reads the running clusters (read-only) and writes them as a native topology. */
@Command(name = "snapshot", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Reads live state, read-only, and writes it as a native topology whose servers carry "
                + "'observed:' (role, state, timeline, LSN, lag, sync state, offset, priority).",
            "  failscope snapshot --patroni http://10.0.0.1:8008 --sentinel 10.0.0.5:26379",
            "  failscope snapshot --from configs/ --output live.yaml"},
        footer = {"", "Exit codes:",
            "  0  every source and member answered",
            "  1  something was read, but some source or member did not answer (listed on stderr)",
            "  2  nothing was read (no cluster reached), or bad usage"})
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LiveEndpointsOption live = new LiveEndpointsOption();

    @Option(names = "--output", paramLabel = "FILE", description = "Write the snapshot to FILE (default: stdout).")
    Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LiveEndpointsOption.Resolved r = live.resolve(env, clock, List.of());
        if (r.usage() != null) {
            return usage(err, r.usage());
        }
        if (!r.errors().isEmpty()) {
            err.print(TextReport.errors(r.errors()));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        dev.failscope.io.SafeOutput guard = ReportOutput.guard(force, live.from, new dev.failscope.load.LoadResult[0]);
        if (!ReportOutput.check(spec, output, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        Snapshot s = new Snapshotter(r.options()).take(r.endpoints());
        return report(spec, s, output, guard);
    }

    /** Writes the snapshot and its problems; the exit code of a snapshot. */
    static int report(CommandSpec spec, Snapshot s, Path output, dev.failscope.io.SafeOutput guard) {
        PrintWriter err = spec.commandLine().getErr();
        for (Finding f : s.problems()) {
            err.println(TextReport.line(f));
        }
        if (s.empty()) {
            err.println("failscope snapshot: nothing was read: no source answered with a cluster ("
                    + s.endpoints().size() + " endpoint" + (s.endpoints().size() == 1 ? "" : "s") + " tried)");
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        err.flush();
        if (!ReportOutput.write(spec, output, SnapshotWriter.yaml(s), guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        return s.unreachable().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private int usage(PrintWriter err, String message) {
        err.println("failscope snapshot: " + message);
        err.println("Try 'failscope snapshot --help' for more information.");
        err.flush();
        return ExitCodes.LOAD_OR_USAGE;
    }
}
