package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import dev.failscope.load.LoadError;
import dev.failscope.report.TextReport;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationIndex;
import dev.failscope.simulation.script.Script;
import dev.failscope.simulation.script.ScriptReader;
import dev.failscope.simulation.script.Slide;
import dev.failscope.simulation.script.Slides;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code simulate --format gif|png-sequence}: a scenario run as captioned frames, from {@code --fail} or from a
 * scenario script given as the only PATH. A thin shell over {@link Slides} and the core's frame output;
 * every file goes through {@link SafeOutput}.
 */
final class ScenarioExport {
    private final CommandSpec spec;
    private final ImportFormatOption importFormat;
    private final boolean force;

    ScenarioExport(CommandSpec spec, ImportFormatOption importFormat, boolean force) {
        this.spec = spec;
        this.importFormat = importFormat;
        this.force = force;
    }

    int run(List<String> paths, boolean script, List<String> fail, boolean gif, Path output) {
        PrintWriter err = spec.commandLine().getErr();
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "--format " + (gif ? "gif" : "png-sequence")
                    + " needs --output " + (gif ? "FILE.gif" : "FOLDER"));
        }
        if (script && fail != null && !fail.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a scenario script names its own failures: "
                    + "drop --fail, or give the topology instead of the script");
        }
        if (!script && (fail == null || fail.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--fail=X'");
        }
        if (gif && !output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gif")) {
            throw new ParameterException(spec.commandLine(), "--format gif writes a .gif file: " + output);
        }
        List<String> guarded = new ArrayList<>(paths);
        List<String> topologyPaths = paths;
        Script read = null;
        if (script) {
            ScriptReader.Result r = ScriptReader.read(Path.of(paths.get(0)), paths.get(0));
            if (r.script().isEmpty()) {
                return errors(err, r.errors());
            }
            read = r.script().get();
            topologyPaths = List.of(read.topology());
            guarded.add(read.topology());
        }
        Inspection inspection = importFormat.inspector().inspect(topologyPaths);
        if (inspection.hasLoadErrors()) {
            return errors(err, inspection.errors());
        }
        SafeOutput guard = ReportOutput.guard(force, guarded, inspection);
        List<Slide> slides;
        String heading;
        boolean outage = false;
        if (read != null) {
            List<LoadError> problems = new ArrayList<>();
            List<List<FailureTarget>> targets = Slides.resolve(read, inspection.topology(), problems);
            if (!problems.isEmpty()) {
                return errors(err, problems);
            }
            slides = Slides.of(read, inspection.topology(), targets);
            heading = read.title();
        } else {
            SimulationIndex index = SimulationIndex.of(inspection.topology());
            java.util.Optional<Simulation> simulated = FailTargets.simulate(err, index, fail);
            if (simulated.isEmpty()) {
                return ExitCodes.LOAD_OR_USAGE;
            }
            Simulation sim = simulated.get();
            slides = Slides.of(sim);
            heading = String.join(" ", paths) + " — simulated loss of " + sim.scenario().label();
            outage = sim.outage();
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            var written = dev.failscope.report.frames.FrameOutput.write(guard, output, gif, inspection.topology(),
                    inspection.findings(), slides, heading);
            String size = written.width() + "x" + written.height();
            spec.commandLine().getOut().println(gif
                    ? "wrote " + output + " (" + written.frames() + " frames, " + size + " animated GIF)"
                    : "wrote " + written.frames() + " frames (" + size + " PNG) and captions.txt to " + output);
        } catch (OutputRefusedException e) {
            ReportOutput.refused(spec, e);
            return ExitCodes.LOAD_OR_USAGE;
        } catch (IOException e) {
            err.println("failscope: cannot write " + output + ": " + dev.failscope.io.IoProblems.describe(e));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        spec.commandLine().getOut().flush();
        return outage ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static int errors(PrintWriter err, List<LoadError> errors) {
        err.print(TextReport.errors(errors));
        err.flush();
        return ExitCodes.LOAD_OR_USAGE;
    }
}
