package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.report.GraphExport;
import dev.failscope.report.MermaidExport;
import dev.failscope.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code failscope export}: the topology graph for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads topologies and writes the graph for other tools: dot (Graphviz), graphml (yEd, "
                + "Gephi) or mermaid (renders in GitHub markdown), with kinds, statuses and finding severities.",
        footer = {"", "Exit codes:", "  0  written", "  2  load error, bad usage or cannot write"})
public final class ExportCommand implements Callable<Integer> {
    /** Output formats, written in lower case on the command line. */
    enum Format {
        DOT, GRAPHML, MERMAID;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to load.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
            completionCandidates = FormatConverter.class, description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "File to write (default: stdout).")
    Path output;

    @Override
    public Integer call() {
        Inspection inspection = new Inspector().inspect(paths);
        PrintWriter out = spec.commandLine().getOut();
        if (inspection.hasLoadErrors()) {
            out.print(TextReport.errors(inspection.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        String text = switch (format) {
            case DOT -> GraphExport.dot(inspection);
            case GRAPHML -> GraphExport.graphml(inspection);
            case MERMAID -> MermaidExport.render(inspection);
        };
        if (output == null) {
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
            return ExitCodes.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("failscope: cannot write " + output + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
    }

    /** Lower-case format ids to constants, and the ids for help. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format>, Iterable<String> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id().equals(value.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of " + String.join(", ", this)
                    + " but was '" + value + "'");
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }
}
