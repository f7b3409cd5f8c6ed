package dev.failscope.cli;

import dev.failscope.report.Audit;
import dev.failscope.report.AuditReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope audit ROOT}: every environment under ROOT, one line each. */
@Command(name = "audit", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Checks every environment under ROOT (each direct subdirectory: dev, staging, prod, ...) and "
                + "prints one line per environment: clusters, errors, warnings, clusters without viable failover "
                + "and single points of failure.",
        footer = {"", "Exit codes:", "  0  no environment has an error", "  1  some environment has an error "
                + "(or could not be loaded)", "  2  ROOT is not a directory with subdirectories, no environment could be read, or bad usage"})
public final class AuditCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROOT", description = "A directory with one subdirectory per environment.")
    String root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    java.nio.file.Path output;

    @Option(names = "--force", description = "With --output: replace an existing file that Failscope did not "
            + "write (never an input).")
    boolean force;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    /** Every file an environment would load, and ROOT itself, are inputs. */
    private dev.failscope.io.SafeOutput guard() {
        List<dev.failscope.load.LoadError> ignored = new java.util.ArrayList<>();
        var files = new dev.failscope.load.PathExpander(dev.failscope.load.TopologyLoader.DIRECTORY_EXTENSIONS)
                .expand(List.of(root), ignored);
        return ReportOutput.guard(force, List.of(root), new dev.failscope.load.LoadResult(
                dev.failscope.model.Topology.builder().build(), List.of(), files));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Path.of(root);
        List<Path> environments;
        try {
            environments = Files.isDirectory(dir) ? Audit.environments(dir) : null;
        } catch (IOException e) {
            environments = null;
        }
        if (environments == null || environments.isEmpty()) {
            err.println("failscope audit: " + root + (environments == null ? ": not a readable directory"
                    : ": has no environment subdirectories"));
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        dev.failscope.io.SafeOutput guard = guard();
        if (!ReportOutput.check(spec, output, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        List<Audit.Row> rows = Audit.run(importFormat.inspector(), root, environments);
        String report = switch (format) {
            case text -> AuditReport.text(rows);
            case json -> AuditReport.json(rows);
            case markdown -> AuditReport.markdown(rows);
        };
        if (!ReportOutput.write(spec, output, report, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        if (rows.stream().allMatch(r -> r.loadErrors() > 0)) {
            err.println("failscope audit: no environment of " + root + " could be read (see each one with "
                    + "failscope check)");
            err.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        return rows.stream().anyMatch(Audit.Row::hasError) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
