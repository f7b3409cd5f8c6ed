package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.report.GithubReport;
import dev.failscope.report.JUnitReport;
import dev.failscope.report.JsonReport;
import dev.failscope.report.PrometheusReport;
import dev.failscope.report.ResilienceMetrics;
import dev.failscope.report.SweepCi;
import dev.failscope.report.SweepJson;
import dev.failscope.report.SweepText;
import dev.failscope.report.TextReport;
import dev.failscope.report.html.HtmlReport;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.Sweep;
import dev.failscope.simulation.SweepResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope sweep}: every single failure (and optionally every pair), as a CI gate. */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Simulates the loss of every server one at a time (optionally every zone, region, host and "
                + "pair of servers within a cluster) and prints a survivability matrix, the single points of "
                + "failure and a resilience summary.",
        footer = {"", "Exit codes:",
            "  0  no simulated failure at or above --fail-on",
            "  1  some simulated failure at or above --fail-on",
            "  2  load error, nothing read (no file Failscope reads), or bad usage"})
public final class SweepCommand implements Callable<Integer> {
    enum Format { text, json, junit, github, prometheus, html }

    enum FailOn { outage, degraded, never }

    @picocli.CommandLine.Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    LiveInput live = new LiveInput();

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files or directories to load (native YAML/JSON and the imported formats; see docs/importers.md).")
    List<String> paths = new java.util.ArrayList<>();

    @Option(names = "--domains", description = "Also fail every zone, region and host.")
    boolean domains;

    @Option(names = "--pairs", description = "Also fail every pair of servers within a cluster.")
    boolean pairs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "outage",
            description = "Exit 1 when a simulated failure ends at or above LEVEL: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    java.nio.file.Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    @Override
    public Integer call() {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        // the rules' findings appear only in the Prometheus and HTML reports
        boolean rules = format == Format.prometheus || format == Format.html;
        Inspection inspection = live.inspect(spec, "sweep", paths, importFormat, true, rules);
        if (inspection == null) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (inspection.hasLoadErrors()) {
            out.print(switch (format) {
                case text -> TextReport.errors(inspection.errors());
                case json -> JsonReport.errors(inspection.errors());
                case junit -> JUnitReport.errors("failscope sweep", inspection.errors());
                case github -> GithubReport.errors(inspection.errors());
                case prometheus -> PrometheusReport.errors(inspection.errors(), Instant.now());
                case html -> HtmlReport.errors(inspection.errors(), String.join(" ", paths));
            });
            out.flush();
            ReportOutput.write(spec, output, buffer.toString(), ReportOutput.guard(force, paths, inspection));
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (!ReportOutput.check(spec, output, ReportOutput.guard(force, paths, inspection))) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        SweepResult result = Sweep.run(inspection.topology(), new Sweep.Options(domains, pairs));
        Optional<Health> threshold = switch (failOn) {
            case outage -> Optional.of(Health.WRITES_BLOCKED);
            case degraded -> Optional.of(Health.DEGRADED);
            case never -> Optional.empty();
        };
        out.print(switch (format) {
            case text -> SweepText.render(result);
            case json -> SweepJson.render(result);
            case junit -> SweepCi.junit(result, threshold);
            case github -> SweepCi.github(result, threshold, inspection.topology());
            case prometheus -> PrometheusReport.render(inspection.findings(), inspection.waived(),
                    ResilienceMetrics.of(inspection.topology(), result), RuleCatalog.standard().rules(), Instant.now());
            case html -> HtmlReport.sweep(inspection, result, String.join(" ", paths));
        });
        out.flush();
        if (!ReportOutput.write(spec, output, buffer.toString(), ReportOutput.guard(force, paths, inspection))) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        return switch (failOn) {
            case outage -> result.any(Health.WRITES_BLOCKED) ? ExitCodes.FINDINGS : ExitCodes.OK;
            case degraded -> result.any(Health.DEGRADED) ? ExitCodes.FINDINGS : ExitCodes.OK;
            case never -> ExitCodes.OK;
        };
    }
}
