package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.report.JsonReport;
import dev.failscope.report.TextReport;
import dev.failscope.report.TimelineJson;
import dev.failscope.report.TimelineText;
import dev.failscope.report.html.HtmlReport;
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

/** {@code failscope simulate}: what happens if X dies. A thin shell over {@link Simulator} and the renderers. */
@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Simulates failures and prints the failover timeline, then a summary.",
        footer = {"", "Exit codes:",
            "  0  no cluster and no service is down at the end",
            "  1  some cluster or service is down at the end",
            "  2  load error, a failure target that names nothing, or bad usage"})
public final class SimulateCommand implements Callable<Integer> {
    enum Format {
        text, json, html, gif, png_sequence;

        String label() {
            return name().replace('_', '-');
        }

        boolean frames() {
            return this == gif || this == png_sequence;
        }
    }

    /** {@code png-sequence} on the command line. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.label().equals(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of " + String.join(", ",
                    new Formats()) + " but was '" + value + "'");
        }
    }

    /** The formats as typed. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values()).map(Format::label).iterator();
        }
    }

    @picocli.CommandLine.Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    LiveInput live = new LiveInput();

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files or directories to load (native YAML/JSON and the imported formats; see docs/importers.md).")
    List<String> paths = new java.util.ArrayList<>();

    @Option(names = "--fail", paramLabel = "X",
            description = "What fails: a server name, zone:NAME, region:NAME or host:NAME, optionally followed by "
                    + "@TIME to fail later (e.g. db-2@90s). Repeatable. Required unless PATH is a scenario script "
                    + "(*.scenario.yaml), which names its own failures.")
    List<String> fail;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            completionCandidates = Formats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). gif (an animated "
                    + "GIF) and png-sequence (a folder of frame-NNN.png and captions.txt) draw one captioned frame "
                    + "per timeline event and need --output.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    java.nio.file.Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean script = paths.size() == 1 && paths.get(0).endsWith(dev.failscope.simulation.script.ScriptReader.SUFFIX);
        if (script || format.frames()) {
            return new ScenarioExport(spec, importFormat, force).run(paths, script, fail, format == Format.gif,
                    output);
        }
        if (fail == null || fail.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--fail=X'");
        }
        Inspection inspection = live.inspect(spec, "simulate", paths, importFormat, false);
        if (inspection == null) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        dev.failscope.io.SafeOutput guard = ReportOutput.guard(force, paths, inspection);
        if (inspection.hasLoadErrors()) {
            ReportOutput.write(spec, output, switch (format) {
                case json -> JsonReport.errors(inspection.errors());
                case text -> TextReport.errors(inspection.errors());
                case html -> HtmlReport.errors(inspection.errors(), String.join(" ", paths));
                case gif, png_sequence -> throw new IllegalStateException("frames are ScenarioExport's");
            }, guard);
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (!ReportOutput.check(spec, output, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        SimulationIndex index = SimulationIndex.of(inspection.topology());
        java.util.Optional<Simulation> simulated = FailTargets.simulate(err, index, fail);
        if (simulated.isEmpty()) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        Simulation sim = simulated.get();
        String report = switch (format) {
            case json -> TimelineJson.render(sim, inspection.topology());
            case text -> TimelineText.render(sim);
            case html -> HtmlReport.simulate(inspection, sim, String.join(" ", paths));
            case gif, png_sequence -> throw new IllegalStateException("frames are ScenarioExport's");
        };
        if (!ReportOutput.write(spec, output, report, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        return sim.outage() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
