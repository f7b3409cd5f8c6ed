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
final class LiveInput {
    private LiveInput() {}

    /** The inspection of a fresh snapshot, or null after a usage message (exit 2). */
    static Inspection inspect(CommandSpec spec, String command, LiveEndpointsOption live, List<String> paths,
                              Inspector inspector, ImportFormatOption importFormat, Map<String, String> env,
                              Clock clock) {
        PrintWriter err = spec.commandLine().getErr();
        LiveEndpointsOption.Resolved r = live.resolve(env, clock, paths);
        if (r.usage() != null) {
            err.println("failscope " + command + ": " + r.usage());
            err.println("Try 'failscope " + command + " --help' for more information.");
            err.flush();
            return null;
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
