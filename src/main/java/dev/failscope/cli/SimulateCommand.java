package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.report.TextReport;
import dev.failscope.report.TimelineJson;
import dev.failscope.report.TimelineText;
import dev.failscope.simulation.ScenarioParse;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationIndex;
import dev.failscope.simulation.Simulator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope simulate}: what happens if X dies. */
@Command(name = "simulate", description = "Simulates failures and prints the failover timeline.%n"
        + "Exit codes: 0 no cluster or service down at the end, 1 some down, 2 load error, unknown target "
        + "or bad usage.")
public final class SimulateCommand implements Callable<Integer> {
    enum Format { text, json }

    @picocli.CommandLine.Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to load.")
    List<String> paths;

    @Option(names = "--fail", required = true, paramLabel = "X",
            description = "What fails: a server name, zone:NAME, region:NAME or host:NAME, optionally @TIME "
                    + "(e.g. db-2@90s). Repeatable.")
    List<String> fail;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspection inspection = importFormat.inspector().inspect(paths);
        if (inspection.hasLoadErrors()) {
            out.print(TextReport.errors(inspection.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        SimulationIndex index = SimulationIndex.of(inspection.topology());
        ScenarioParse parse = index.parse(fail);
        if (!parse.ok()) {
            parse.errors().forEach(e -> err.println("failscope: " + e));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        Simulation sim = new Simulator(index).run(parse.scenario());
        out.print(format == Format.json ? TimelineJson.render(sim, inspection.topology()) : TimelineText.render(sim));
        out.flush();
        return sim.outage() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
