package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Severity;
import dev.failscope.report.TextReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope check}: the CI gate. */
@Command(name = "check", description = "Checks topologies and reports findings.%n"
        + "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 load error or bad usage.")
public final class CheckCommand implements Callable<Integer> {
    enum Format { text }

    enum FailOn { error, warning, info, never }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to check.")
    List<String> paths;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @picocli.CommandLine.Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Override
    public Integer call() {
        Inspection inspection = importFormat.inspector().inspect(paths);
        var out = spec.commandLine().getOut();
        if (inspection.hasLoadErrors()) {
            out.print(TextReport.errors(inspection.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        out.print(TextReport.findings(inspection));
        out.flush();
        if (failOn == FailOn.never) {
            return ExitCodes.OK;
        }
        return inspection.failsAt(Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT)))
                ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
