package dev.failscope.cli;

import dev.failscope.analysis.Inspection;
import dev.failscope.io.IoProblems;
import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import dev.failscope.load.LoadResult;
import dev.failscope.load.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a report to {@code --output FILE} through {@link SafeOutput} (never over an input, never over a file
 * Failscope did not write unless {@code --force}), or to stdout.
 */
final class ReportOutput {
    private ReportOutput() {}

    /** False, with one line on stderr, when the file cannot or must not be written. */
    static boolean write(CommandSpec spec, Path output, String report, SafeOutput guard) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
            return true;
        }
        try {
            guard.writeFile(output, report.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (OutputRefusedException e) {
            return refused(spec, e);
        } catch (IOException e) {
            return cannotWrite(spec, output, e);
        }
    }

    /** False, with one line on stderr, when {@code output} must not be written (checked before the work). */
    static boolean check(CommandSpec spec, Path output, SafeOutput guard) {
        if (output == null) {
            return true;
        }
        try {
            guard.checkFile(output);
            return true;
        } catch (OutputRefusedException e) {
            return refused(spec, e);
        }
    }

    static boolean refused(CommandSpec spec, OutputRefusedException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("failscope: " + e.getMessage());
        err.flush();
        return false;
    }

    static boolean cannotWrite(CommandSpec spec, Path output, IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("failscope: cannot write " + output + ": " + IoProblems.describe(e));
        err.flush();
        return false;
    }

    /** A guard over every file the loads read and every argument that is a folder. */
    static SafeOutput guard(boolean force, Collection<String> args, LoadResult... loads) {
        List<Path> files = new ArrayList<>();
        List<Path> trees = new ArrayList<>();
        for (String arg : args) {
            try {
                Path p = Path.of(arg);
                if (Files.isDirectory(p)) {
                    trees.add(p);
                } else {
                    files.add(p);
                }
            } catch (InvalidPathException e) {
                // not a path the loader could have read either
            }
        }
        for (LoadResult load : loads) {
            for (SourceFile f : load.files()) {
                files.add(f.path());
            }
        }
        return SafeOutput.guarding(files, trees, force);
    }

    static SafeOutput guard(boolean force, Collection<String> args, Inspection... inspections) {
        LoadResult[] loads = new LoadResult[inspections.length];
        for (int i = 0; i < inspections.length; i++) {
            loads[i] = inspections[i].load();
        }
        return guard(force, args, loads);
    }
}
