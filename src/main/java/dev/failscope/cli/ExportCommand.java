package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.load.LoadResult;
import dev.failscope.report.GraphExport;
import dev.failscope.report.MermaidExport;
import dev.failscope.report.NativeWriter;
import dev.failscope.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope export}: writes the loaded (possibly imported) topology in another format. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes loaded topologies (native or imported) in another format.",
            "",
            "  native   failscope/v1 YAML, one file per kind, into the --output directory;",
            "  dot      Graphviz; graphml: yEd, Gephi (both with kinds, statuses and finding severities as "
                + "attributes);",
            "  mermaid  a flowchart that renders in GitHub markdown, broken failover edges styled.",
            "Graph formats go to stdout unless --output names a file."},
        footer = {"", "Exit codes:", "  0  written", "  2  load error, bad usage or cannot write"})
public final class ExportCommand implements Callable<Integer> {
    /** Output formats, written in lower case on the command line. */
    enum Format {
        NATIVE, DOT, GRAPHML, MERMAID;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to load.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
            completionCandidates = FormatConverter.class,
            description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--output", paramLabel = "PATH",
            description = "native: the directory to write into (required); dot, graphml, mermaid: the file to "
                    + "write (default: stdout).")
    Path output;

    @Option(names = "--force", description = "With --output: replace existing files that Failscope did not "
            + "write (never an input).")
    boolean force;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.NATIVE && output == null) {
            spec.commandLine().getErr().println("failscope export: --format native needs --output DIR");
            spec.commandLine().getErr().flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        LoadResult load = importFormat.loader().load(paths);
        if (!load.ok()) {
            out.print(TextReport.errors(load.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        SafeOutput guard = ReportOutput.guard(force, paths, load);
        if (format == Format.NATIVE) {
            return writeNative(NativeWriter.write(load.topology()), out, guard);
        }
        Inspection inspection = importFormat.inspector().analyse(load);
        String text = switch (format) {
            case DOT -> GraphExport.dot(inspection);
            case GRAPHML -> GraphExport.graphml(inspection);
            case MERMAID -> MermaidExport.render(inspection);
            case NATIVE -> throw new IllegalStateException("native is written above");
        };
        if (output == null) {
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        if (!ReportOutput.write(spec, output, text, guard)) {
            return ExitCodes.LOAD_OR_USAGE;
        }
        return ExitCodes.OK;
    }

    private int writeNative(Map<String, String> files, PrintWriter out, SafeOutput guard) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            guard.writeFolder(output, bytes, SafeOutput.MANIFEST);
        } catch (OutputRefusedException e) {
            ReportOutput.refused(spec, e);
            return ExitCodes.LOAD_OR_USAGE;
        } catch (IOException e) {
            ReportOutput.cannotWrite(spec, output, e);
            return ExitCodes.LOAD_OR_USAGE;
        }
        for (String name : files.keySet()) {
            out.println("wrote " + output.resolve(name));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Lower-case format ids to constants ({@code native} is a Java keyword), and the ids for help. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format>, Iterable<String> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id().equals(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown export format '" + value
                    + "' (expected one of " + String.join(", ", this) + ")");
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }
}
