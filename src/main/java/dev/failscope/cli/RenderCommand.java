package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.report.TextReport;
import dev.failscope.report.render.ImageExport;
import dev.failscope.report.render.RenderInput;
import dev.failscope.report.render.SimulationOverlay;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope render}: the graph as PNG or SVG, without a window (CI artifacts, docs). */
@Command(name = "render", description = "Draws the topology graph, with findings and a legend, to a PNG or SVG "
        + "file without opening a window; with --fail, the end state of that simulation.",
        footer = {"", "Exit codes: 0 written, 2 load error, unknown --fail target, bad usage or unwritable output."})
public final class RenderCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to draw.")
    List<String> paths;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write; the extension picks the format: .png or .svg.")
    Path output;

    @Option(names = "--force", description = "Replace an existing file that Failscope did not write (never an "
            + "input).")
    boolean force;

    @Option(names = "--scale", defaultValue = "1.0", paramLabel = "FACTOR",
            description = "PNG pixels per layout unit (default: ${DEFAULT-VALUE}); very large graphs are scaled "
                    + "down to stay under 40 megapixels.")
    double scale;

    @Option(names = "--fail", paramLabel = "X", description = "Draw the end state of simulating this failure: a "
            + "server name, zone:NAME, region:NAME or host:NAME, optionally @TIME. Repeatable.")
    List<String> fail;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title above the graph (default: the paths "
            + "and a summary).")
    String title;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var format = ImageExport.Format.ofFile(output);
        if (format.isEmpty()) {
            err.println("failscope: --output must end in .png or .svg: " + output);
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (!(scale > 0 && scale <= 8)) {
            err.println("failscope: --scale must be greater than 0 and at most 8: " + scale);
            return ExitCodes.LOAD_OR_USAGE;
        }
        Inspection inspection = new Inspector().inspect(paths);
        if (inspection.hasLoadErrors()) {
            err.print(TextReport.errors(inspection.errors()));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        dev.failscope.io.SafeOutput guard = ReportOutput.guard(force, paths, inspection);
        if (!ReportOutput.check(spec, output, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        RenderInput input = RenderInput.of(inspection.topology()).withFindings(inspection.findings());
        String heading = title != null ? title : defaultTitle(paths, inspection);
        if (fail != null && !fail.isEmpty()) {
            SimulationIndex index = SimulationIndex.of(inspection.topology());
            java.util.Optional<Simulation> simulated = FailTargets.simulate(err, index, fail);
            if (simulated.isEmpty()) {
                return ExitCodes.LOAD_OR_USAGE;
            }
            Simulation sim = simulated.get();
            input = input.withOverlay(SimulationOverlay.of(sim, inspection.topology()));
            if (title == null) {
                heading = simulatedTitle(paths, sim.scenario().label(), sim);
            }
        }
        input = input.withTitle(heading);
        if (format.get() == ImageExport.Format.PNG) {
            var tooLarge = ImageExport.tooLarge(ImageExport.pixelSize(input, scale));
            if (tooLarge.isPresent()) {
                err.println("failscope: cannot render " + output + ": " + tooLarge.get());
                err.flush();
                return ExitCodes.LOAD_OR_USAGE;
            }
        }
        try {
            if (format.get() == ImageExport.Format.PNG) {
                guard.writeFile(output, ImageExport.png(input, scale));
                var size = ImageExport.pixelSize(input, scale);
                spec.commandLine().getOut().println("wrote " + output + " (" + size.width() + "x" + size.height()
                        + " PNG)");
            } else {
                guard.writeFile(output, ImageExport.svg(input).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                spec.commandLine().getOut().println("wrote " + output + " (SVG)");
            }
        } catch (dev.failscope.io.OutputRefusedException e) {
            ReportOutput.refused(spec, e);
            return ExitCodes.LOAD_OR_USAGE;
        } catch (IOException e) {
            err.println("failscope: cannot write " + output + ": " + dev.failscope.io.IoProblems.describe(e));
            return ExitCodes.LOAD_OR_USAGE;
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** {@code sample-topologies/catifyme — after losing db-main-1: 1 cluster down, 3 services down}. */
    static String simulatedTitle(List<String> paths, String scenario, Simulation sim) {
        Simulation.Summary sum = sim.summary();
        int degraded = sum.servicesDegraded().size();
        return String.join(" ", paths) + " — after losing " + scenario + ": "
                + count(sum.clustersDown().size(), "cluster") + " down, "
                + count(sum.servicesDown().size(), "service") + " down" + (degraded > 0 ? ", " + degraded
                + " degraded" : "");
    }

    /** {@code sample-topologies/catifyme — 3 servers, 1 cluster, 3 services; 2 errors, 0 warnings}. */
    static String defaultTitle(List<String> paths, Inspection inspection) {
        Topology t = inspection.topology();
        return String.join(" ", paths) + " — " + count(t.servers().size(), "server") + ", "
                + count(t.clusters().size(), "cluster") + ", " + count(t.services().size(), "service") + "; "
                + count(inspection.count(Severity.ERROR), "error") + ", "
                + count(inspection.count(Severity.WARNING), "warning");
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
