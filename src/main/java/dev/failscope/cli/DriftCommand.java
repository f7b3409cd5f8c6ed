package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.live.Drift;
import dev.failscope.live.LiveLoad;
import dev.failscope.live.Snapshot;
import dev.failscope.live.SnapshotHeader;
import dev.failscope.live.Snapshotter;
import dev.failscope.live.Unreachable;
import dev.failscope.load.LoadError;
import dev.failscope.load.LoadResult;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.report.JsonReport;
import dev.failscope.report.SarifReport;
import dev.failscope.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope drift}: committed config versus running cluster. */
@Command(name = "drift", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Compares what is committed with what runs: members the manager runs that the inventory "
                + "does not know or calls decommissioned, members it does not run, no-failover tags and "
                + "replica-priority that differ, another primary, a replica lagging past max-lag-bytes, "
                + "members that did not answer. Findings point at the committed config.",
            "  failscope drift CONFIG_PATH... SNAPSHOT_FILE",
            "  failscope drift CONFIG_PATH... --live [--patroni URL | --sentinel HOST:PORT | --from PATH]",
            "(--live without endpoints takes them from the config paths)"},
        footer = {"", "Exit codes:",
            "  0  no drift finding at or above --fail-on",
            "  1  some drift finding at or above --fail-on",
            "  2  load error, nothing read or reached, or bad usage"})
public final class DriftCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "The committed config paths, then (without --live) the snapshot file.")
    List<String> paths;

    @Option(names = "--live", description = "Take a snapshot now instead of reading a snapshot file.")
    boolean liveNow;

    @Mixin
    LiveEndpointsOption live = new LiveEndpointsOption();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    CheckCommand.FailOn failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    /** What drift compared: the two sides and what the snapshot could not read. */
    record Sides(Inspection committed, LoadResult live, List<Unreachable> unreachable, Set<String> leaderless) {}

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!liveNow && live.given()) {
            return usage(err, "endpoints (--patroni, --sentinel, --etcd, --from) need --live");
        }
        if (!liveNow && paths.size() < 2) {
            return usage(err, "give CONFIG_PATH... SNAPSHOT_FILE, or CONFIG_PATH... --live");
        }
        List<String> config = liveNow ? paths : paths.subList(0, paths.size() - 1);
        Inspector inspector = importFormat.inspector();
        Inspection committed = inspector.inspect(config).requireTopology(config);
        LoadResult liveLoad;
        List<Unreachable> unreachable = new ArrayList<>();
        Set<String> leaderless;
        if (liveNow) {
            LiveEndpointsOption.Resolved r = live.resolve(env, clock, config);
            if (r.usage() != null) {
                return usage(err, r.usage());
            }
            if (!r.errors().isEmpty()) {
                return errors(r.errors(), committed, inspector);
            }
            Snapshot s = new Snapshotter(r.options()).take(r.endpoints());
            if (s.empty()) {
                List<LoadError> none = new ArrayList<>();
                s.problems().forEach(f -> none.add(new LoadError(f.message(), f.position())));
                none.add(new LoadError("nothing was read: no live source answered with a cluster, so there is "
                        + "nothing to compare", dev.failscope.model.SourcePosition.ofFile(LiveLoad.DISPLAY)));
                return errors(none, committed, inspector);
            }
            liveLoad = LiveLoad.load(importFormat.loader(), s);
            unreachable.addAll(s.unreachable());
            leaderless = s.leaderless();
        } else {
            String snapshot = paths.get(paths.size() - 1);
            liveLoad = importFormat.loader().load(List.of(snapshot));
            SnapshotHeader header = header(snapshot);
            unreachable.addAll(header.unreachable());
            leaderless = header.leaderless();
        }
        List<LoadError> errors = new ArrayList<>(committed.errors());
        errors.addAll(liveLoad.errors());
        if (errors.isEmpty() && liveLoad.topology().clusters().isEmpty() && leaderless.isEmpty()) {
            errors.add(new LoadError("the snapshot holds no cluster: nothing to compare", liveLoad.files().isEmpty()
                    ? dev.failscope.model.SourcePosition.ofFile(paths.get(paths.size() - 1))
                    : dev.failscope.model.SourcePosition.ofFile(liveLoad.files().get(0).displayPath())));
        }
        if (!errors.isEmpty()) {
            return errors(errors, committed, inspector);
        }
        List<Finding> drift = Drift.compare(committed.topology(), liveLoad.topology(), unreachable, leaderless);
        String report = switch (format) {
            case text -> text(drift);
            case json -> JsonReport.findings(new Inspection(committed.load(), drift));
            case sarif -> SarifReport.findings(drift, List.of(), inspector.catalog());
        };
        if (!ReportOutput.write(spec, output, report, ReportOutput.guard(force, paths, committed.load(),
                liveLoad))) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        return CheckCommand.threshold(failOn).filter(t -> drift.stream().anyMatch(f -> f.severity().atLeast(t)))
                .isPresent() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    static String text(List<Finding> drift) {
        StringBuilder out = new StringBuilder();
        drift.forEach(f -> out.append(TextReport.line(f)).append('\n'));
        long errors = drift.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = drift.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = drift.stream().filter(f -> f.severity() == Severity.INFO).count();
        out.append(drift.isEmpty() ? "no drift: the running clusters match the committed config\n"
                : "drift: " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ", " + infos + " info\n");
        return out.toString();
    }

    private static SnapshotHeader header(String snapshot) {
        try {
            Path p = Path.of(snapshot);
            if (!Files.isRegularFile(p) || Files.size(p) > 64L * 1024 * 1024) {
                return SnapshotHeader.NONE;
            }
            return SnapshotHeader.read(Files.readString(p, StandardCharsets.UTF_8), snapshot);
        } catch (IOException | InvalidPathException e) {
            // the loader reports an unreadable snapshot with its position
            return SnapshotHeader.NONE;
        }
    }

    private int errors(List<LoadError> errors, Inspection committed, Inspector inspector) {
        List<LoadError> all = new ArrayList<>(committed.errors());
        all.addAll(errors);
        String report = switch (format) {
            case text -> TextReport.errors(all);
            case json -> JsonReport.errors(all);
            case sarif -> SarifReport.errors(all, inspector.catalog());
        };
        ReportOutput.write(spec, output, report, ReportOutput.guard(force, paths, committed.load()));
        return ExitCodes.LOAD_OR_USAGE;
    }

    private int usage(PrintWriter err, String message) {
        err.println("failscope drift: " + message);
        err.println("Try 'failscope drift --help' for more information.");
        err.flush();
        return ExitCodes.LOAD_OR_USAGE;
    }
}
