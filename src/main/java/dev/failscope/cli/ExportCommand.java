package dev.failscope.cli;

import dev.failscope.load.LoadResult;
import dev.failscope.report.NativeWriter;
import dev.failscope.report.TextReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        description = "Loads topologies (native or imported) and writes them in another format.",
        footer = {"", "Exit codes:", "  0  written", "  2  load error, bad usage or cannot write"})
public final class ExportCommand implements Callable<Integer> {
    /** Output formats, written in lower case on the command line. */
    enum Format {
        NATIVE;

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
            description = "Output format: ${COMPLETION-CANDIDATES} (native: failscope/v1 YAML, one file per kind).")
    Format format;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Directory to write into.")
    Path output;

    @Mixin
    ImportFormatOption importFormat = new ImportFormatOption();

    @Override
    public Integer call() {
        LoadResult load = importFormat.loader().load(paths);
        var out = spec.commandLine().getOut();
        if (!load.ok()) {
            out.print(TextReport.errors(load.errors()));
            out.flush();
            return ExitCodes.LOAD_OR_USAGE;
        }
        Map<String, String> files = switch (format) {
            case NATIVE -> NativeWriter.write(load.topology());
        };
        try {
            Files.createDirectories(output);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = output.resolve(f.getKey());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                out.println("wrote " + p);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("failscope: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.LOAD_OR_USAGE;
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
