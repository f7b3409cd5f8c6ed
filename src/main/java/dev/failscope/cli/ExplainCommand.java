package dev.failscope.cli;

import dev.failscope.analysis.Explanation;
import dev.failscope.analysis.Inspection;
import dev.failscope.report.ExplainReport;
import dev.failscope.report.JsonReport;
import dev.failscope.report.TextReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope explain CLUSTER PATH...}: why each failover candidate is or is not promotable. */
@Command(name = "explain", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Lists every failover candidate of CLUSTER with its verdict, its reason and the position "
                + "(file:line:col) that decides it.",
        footer = {"", "Exit codes:",
            "  0  some candidate is viable",
            "  1  no candidate is viable (or there is no failover policy): losing the primary is an outage",
            "  2  load error, no cluster of that name, or bad usage"})
public final class ExplainCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster to explain.")
    String cluster;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files or directories to load.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Inspection inspection = importFormat.inspector().inspect(paths);
        if (inspection.hasLoadErrors()) {
            out.print(format == Format.json ? JsonReport.errors(inspection.errors())
                    : TextReport.errors(inspection.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        Explanation.Result result = Explanation.of(inspection.topology(), cluster);
        if (result.explanation().isEmpty()) {
            spec.commandLine().getErr().println("failscope: " + result.problem().orElse("nothing to explain"));
            return ExitCodes.LOAD_OR_USAGE;
        }
        Explanation e = result.explanation().get();
        out.print(format == Format.json ? ExplainReport.json(e) : ExplainReport.text(e));
        out.flush();
        return e.firstViable().isPresent() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
