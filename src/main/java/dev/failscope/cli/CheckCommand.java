package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Severity;
import dev.failscope.report.CiResult;
import dev.failscope.report.GithubReport;
import dev.failscope.report.JUnitReport;
import dev.failscope.report.JsonReport;
import dev.failscope.report.PrometheusReport;
import dev.failscope.report.ResilienceMetrics;
import dev.failscope.report.SarifReport;
import dev.failscope.report.TextReport;
import dev.failscope.report.html.HtmlReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope check}: the CI gate. A thin shell over {@link Inspector} and the reports. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Checks topologies and reports findings.",
        footer = {"", "Exit codes:",
            "  0  no finding at or above --fail-on",
            "  1  some finding at or above --fail-on",
            "  2  load error, nothing read (no file Failscope reads), or bad usage"})
public final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, junit, github, prometheus, html }

    enum FailOn { error, warning, info, never }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories to check: native files and the configs of docs/importers.md.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    @picocli.CommandLine.Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Override
    public Integer call() {
        Inspector inspector = importFormat.inspector();
        Inspection inspection = inspector.inspect(paths).requireTopology(paths);
        String report;
        int exit;
        if (inspection.hasLoadErrors()) {
            report = switch (format) {
                case text -> TextReport.errors(inspection.errors());
                case json -> JsonReport.errors(inspection.errors());
                case sarif -> SarifReport.errors(inspection.errors(), inspector.catalog());
                case junit -> JUnitReport.errors("failscope check", inspection.errors());
                case github -> GithubReport.errors(inspection.errors());
                case prometheus -> PrometheusReport.errors(inspection.errors(), Instant.now());
                case html -> HtmlReport.errors(inspection.errors(), String.join(" ", paths));
            };
            exit = ExitCodes.LOAD_OR_USAGE;
        } else {
            report = switch (format) {
                case text -> TextReport.findings(inspection);
                case json -> JsonReport.findings(inspection);
                case sarif -> SarifReport.findings(inspection, inspector.catalog());
                case junit -> JUnitReport.render(CiResult.of("failscope check", inspection, threshold(failOn)),
                        inspector.catalog().rules());
                case github -> GithubReport.render(CiResult.of("failscope check", inspection, threshold(failOn)));
                case prometheus -> PrometheusReport.render(inspection.findings(), inspection.waived(),
                        ResilienceMetrics.of(inspection.topology()), inspector.catalog().rules(), Instant.now());
                case html -> HtmlReport.check(inspection, String.join(" ", paths));
            };
            exit = exitCode(inspection, failOn);
        }
        return write(report, inspection) ? exit : ExitCodes.LOAD_OR_USAGE;
    }

    static Optional<Severity> threshold(FailOn failOn) {
        return switch (failOn) {
            case error -> Optional.of(Severity.ERROR);
            case warning -> Optional.of(Severity.WARNING);
            case info -> Optional.of(Severity.INFO);
            case never -> Optional.empty();
        };
    }

    /** 1 when some finding is at or above {@code failOn}, else 0. */
    static int exitCode(Inspection inspection, FailOn failOn) {
        Severity threshold = switch (failOn) {
            case error -> Severity.ERROR;
            case warning -> Severity.WARNING;
            case info -> Severity.INFO;
            case never -> null;
        };
        return threshold != null && inspection.failsAt(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private boolean write(String report, Inspection inspection) {
        return ReportOutput.write(spec, output, report, ReportOutput.guard(force, paths, inspection));
    }
}
