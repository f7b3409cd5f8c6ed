package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.live.LiveLoad;
import dev.failscope.live.Snapshot;
import dev.failscope.live.Snapshotter;
import dev.failscope.load.LoadError;
import dev.failscope.load.LoadResult;
import dev.failscope.model.Finding;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.report.TextReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --live} for commands that read a topology ({@code simulate}, {@code sweep}): a snapshot is taken first
 * and the command runs on it, exactly as on a snapshot file. What did not answer goes to stderr; when nothing
 * answered the inspection carries a load error, so no command can report green on it.
 */
public final class LiveInput {
    @picocli.CommandLine.Option(names = "--live", description = "Snapshot the running clusters first (endpoints as "
            + "in 'failscope snapshot'; without them, from PATH) and run on the snapshot.")
    boolean liveNow;

    @picocli.CommandLine.Mixin
    LiveEndpointsOption live = new LiveEndpointsOption();

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    /**
     * The topology a command runs on: the paths, or with --live a snapshot taken now; null after a usage message
     * (exit 2).
     */
    Inspection inspect(CommandSpec spec, String command, List<String> paths, ImportFormatOption importFormat,
                       boolean requireTopology) {
        return inspect(spec, command, paths, importFormat, requireTopology, true);
    }

    /** With {@code rules} false, files are loaded but the rules not run (a live snapshot always runs them). */
    Inspection inspect(CommandSpec spec, String command, List<String> paths, ImportFormatOption importFormat,
                       boolean requireTopology, boolean rules) {
        Inspector inspector = importFormat.inspector();
        if (liveNow) {
            return snapshot(spec, command, paths, inspector, importFormat);
        }
        if (live.given()) {
            return usage(spec, command, "endpoints (--patroni, --sentinel, --etcd, --from) need --live");
        }
        if (paths.isEmpty()) {
            return usage(spec, command, "give PATH..., or --live");
        }
        Inspection i = rules ? inspector.inspect(paths) : inspector.load(paths);
        return requireTopology ? i.requireTopology(paths) : i;
    }

    private static Inspection usage(CommandSpec spec, String command, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("failscope " + command + ": " + message);
        err.println("Try 'failscope " + command + " --help' for more information.");
        err.flush();
        return null;
    }

    private Inspection snapshot(CommandSpec spec, String command, List<String> paths, Inspector inspector,
                                ImportFormatOption importFormat) {
        PrintWriter err = spec.commandLine().getErr();
        LiveEndpointsOption.Resolved r = live.resolve(env, clock, paths);
        if (r.usage() != null) {
            return usage(spec, command, r.usage());
        }
        if (!r.errors().isEmpty()) {
            return new Inspection(new LoadResult(Topology.empty(), r.errors(), List.of()), List.of());
        }
        Snapshot s = new Snapshotter(r.options()).take(r.endpoints());
        for (Finding f : s.problems()) {
            err.println(TextReport.line(f));
        }
        err.flush();
        if (s.empty()) {
            List<LoadError> errors = new ArrayList<>();
            errors.add(new LoadError("nothing was read: no live source answered with a cluster ("
                    + s.endpoints().size() + " endpoint" + (s.endpoints().size() == 1 ? "" : "s") + " tried)",
                    SourcePosition.ofFile(LiveLoad.DISPLAY)));
            return new Inspection(new LoadResult(Topology.empty(), errors, List.of()), List.of());
        }
        return inspector.analyse(LiveLoad.load(importFormat.loader(), s)).requireTopology(List.of(LiveLoad.DISPLAY));
    }
}
