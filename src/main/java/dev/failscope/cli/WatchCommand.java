package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.live.Drift;
import dev.failscope.live.LiveLoad;
import dev.failscope.live.LivePrometheus;
import dev.failscope.live.Snapshot;
import dev.failscope.live.Snapshotter;
import dev.failscope.load.LoadResult;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.report.PrometheusReport;
import dev.failscope.report.ResilienceMetrics;
import dev.failscope.report.TextReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code failscope watch}: snapshot, check and drift every interval, each round written atomically as one
 * Prometheus textfile. One scheduler thread, owned by the command and shut down on exit or SIGINT (the round in
 * progress finishes its write first).
 */
@Command(name = "watch", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Repeats snapshot + check + drift and writes the Prometheus textfile that check --format "
                + "prometheus writes, plus drift and reachability metrics per cluster (docs/monitoring.md).",
            "  failscope watch configs/ --interval 30s --prometheus /var/lib/node_exporter/failscope.prom",
            "(endpoints as in snapshot; without them, from the config paths)"},
        footer = {"", "Exit codes (with --once or --count):",
            "  0  no check or drift finding at or above --fail-on in the last round",
            "  1  some finding at or above --fail-on in the last round",
            "  2  load error, nothing reached in the last round, or bad usage"})
public final class WatchCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "The committed config paths.")
    List<String> paths;

    @Mixin
    LiveEndpointsOption live = new LiveEndpointsOption();

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "Between rounds (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--prometheus", paramLabel = "FILE", required = true,
            description = "The textfile to replace each round (node_exporter's textfile collector).")
    Path prometheus;

    @Option(names = "--once", description = "One round, then exit.")
    boolean once;

    @Option(names = "--count", paramLabel = "N", description = "N rounds, then exit.")
    Integer count;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    CheckCommand.FailOn failOn;

    @Option(names = "--force", description = "Replace an existing --prometheus file that Failscope did not write.")
    boolean force;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> every = dev.failscope.model.Durations.parse(interval).filter(d -> !d.isZero());
        if (every.isEmpty()) {
            return usage(err, "--interval wants a positive duration such as 30s, not '" + interval + "'");
        }
        if (once && count != null || count != null && count < 1) {
            return usage(err, "give --once or --count N (N >= 1), not both");
        }
        LiveEndpointsOption.Resolved r = live.resolve(env, clock, paths);
        if (r.usage() != null) {
            return usage(err, r.usage());
        }
        if (!r.errors().isEmpty()) {
            err.print(TextReport.errors(r.errors()));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        int rounds = once ? 1 : count == null ? 0 : count;
        Snapshotter snapshotter = new Snapshotter(r.options());
        Inspector inspector = importFormat.inspector();
        AtomicInteger last = new AtomicInteger(ExitCodes.OK);
        AtomicInteger done = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "failscope-watch");
            t.setDaemon(true);
            return t;
        });
        Thread onInterrupt = new Thread(() -> stop(scheduler), "failscope-watch-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    last.set(round(snapshotter, inspector, r.endpoints()));
                } catch (RuntimeException e) {
                    // a bug: said once, and the command ends instead of waiting on a cancelled schedule
                    err.println("failscope watch: internal error: " + e);
                    err.flush();
                    last.set(ExitCodes.INTERNAL);
                    finished.countDown();
                    throw e;
                }
                if (rounds > 0 && done.incrementAndGet() >= rounds) {
                    finished.countDown();
                }
            }, 0, every.get().toMillis(), TimeUnit.MILLISECONDS);
            finished.await();
        } finally {
            stop(scheduler);
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // already shutting down (SIGINT): the hook is running and stops the scheduler itself
            }
        }
        return last.get();
    }

    private static void stop(ScheduledExecutorService scheduler) {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One round: the textfile written, one status line on stderr; the round's exit code. */
    int round(Snapshotter snapshotter, Inspector inspector, List<dev.failscope.live.Endpoint> endpoints) {
        PrintWriter err = spec.commandLine().getErr();
        Inspection committed = inspector.inspect(paths).requireTopology(paths);
        Snapshot s = snapshotter.take(endpoints);
        String text;
        int exit;
        List<Finding> drift = List.of();
        if (committed.hasLoadErrors()) {
            text = PrometheusReport.errors(committed.errors(), s.at()) + LivePrometheus.render(s, List.of());
            exit = ExitCodes.LOAD_OR_USAGE;
        } else {
            LoadResult liveLoad = s.empty() ? null : LiveLoad.load(importFormat.loader(), s);
            if (liveLoad != null && liveLoad.ok()) {
                drift = Drift.compare(committed.topology(), liveLoad.topology(), s.unreachable(), s.leaderless());
            }
            text = PrometheusReport.render(committed.findings(), committed.waived(),
                    ResilienceMetrics.of(committed.topology()), inspector.catalog().rules(), s.at())
                    + LivePrometheus.render(s, drift);
            Optional<Severity> t = CheckCommand.threshold(failOn);
            boolean fails = t.isPresent() && (committed.failsAt(t.get())
                    || drift.stream().anyMatch(f -> f.severity().atLeast(t.get())));
            exit = s.empty() ? ExitCodes.LOAD_OR_USAGE : fails ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
        try {
            ReportOutput.guard(force, paths, committed.load()).writeFile(prometheus,
                    text.getBytes(StandardCharsets.UTF_8));
        } catch (dev.failscope.io.OutputRefusedException e) {
            ReportOutput.refused(spec, e);
            return ExitCodes.LOAD_OR_USAGE;
        } catch (java.io.IOException e) {
            ReportOutput.cannotWrite(spec, prometheus, e);
            return ExitCodes.LOAD_OR_USAGE;
        }
        err.println(DateTimeFormatter.ISO_INSTANT.format(s.at()) + " watch: " + (s.empty()
                ? "nothing reached (" + s.unreachable().size() + " unreachable)" : s.clusters().size() + " cluster"
                + (s.clusters().size() == 1 ? "" : "s") + " read, " + s.unreachable().size() + " unreachable, "
                + committed.findings().size() + " check finding" + (committed.findings().size() == 1 ? "" : "s")
                + ", " + drift.size() + " drift finding" + (drift.size() == 1 ? "" : "s")));
        err.flush();
        return exit;
    }

    private int usage(PrintWriter err, String message) {
        err.println("failscope watch: " + message);
        err.println("Try 'failscope watch --help' for more information.");
        err.flush();
        return ExitCodes.LOAD_OR_USAGE;
    }
}
