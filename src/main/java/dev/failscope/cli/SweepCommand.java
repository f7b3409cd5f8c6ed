package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.report.SweepJson;
import dev.failscope.report.SweepText;
import dev.failscope.report.TextReport;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.Sweep;
import dev.failscope.simulation.SweepResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope sweep}: every single failure (and optionally every pair), as a CI gate. */
@Command(name = "sweep", description = "Simulates the loss of every server one at a time (optionally every zone, "
        + "region, host and pair) and prints a survivability matrix.%n"
        + "Exit codes: 0 nothing at or above --fail-on, 1 some failure at or above it, 2 load error or bad usage.")
public final class SweepCommand implements Callable<Integer> {
    enum Format { text, json }

    enum FailOn { outage, degraded, never }

    @picocli.CommandLine.Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to load.")
    List<String> paths;

    @Option(names = "--domains", description = "Also fail every zone, region and host.")
    boolean domains;

    @Option(names = "--pairs", description = "Also fail every pair of servers within a cluster.")
    boolean pairs;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "outage",
            description = "outage, degraded or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Inspection inspection = importFormat.inspector().inspect(paths);
        if (inspection.hasLoadErrors()) {
            out.print(TextReport.errors(inspection.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        SweepResult result = Sweep.run(inspection.topology(), new Sweep.Options(domains, pairs));
        out.print(format == Format.json ? SweepJson.render(result) : SweepText.render(result));
        out.flush();
        return switch (failOn) {
            case outage -> result.any(Health.DOWN) ? ExitCodes.FINDINGS : ExitCodes.OK;
            case degraded -> result.any(Health.DEGRADED) ? ExitCodes.FINDINGS : ExitCodes.OK;
            case never -> ExitCodes.OK;
        };
    }
}
