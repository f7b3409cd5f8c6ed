package dev.failscope.load;

import dev.failscope.io.IoProblems;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns command-line paths into files: a file is itself; a directory is every file below it with a known
 * extension, in sorted path order, skipping hidden files and folders and scenario scripts
 * ({@code *.scenario.yaml}).
 */
public final class PathExpander {
    /** Scenario scripts for the GUI's presentation mode live beside topologies but are not topology files. */
    static final String SCENARIO_SUFFIX = ".scenario.yaml";
    private final java.util.function.Predicate<String> picked;

    public PathExpander(Set<String> directoryExtensions) {
        Set<String> extensions = Set.copyOf(directoryExtensions);
        this.picked = name -> extensions.contains(extension(Path.of(name)));
    }

    /** Picks the files in a directory whose file name (without folders) {@code picked} accepts. */
    public PathExpander(java.util.function.Predicate<String> picked) {
        this.picked = picked;
    }

    public List<SourceFile> expand(List<String> args, List<LoadError> errors) {
        return expand(args, errors, LoadOptions.DEFAULT);
    }

    /** As {@link #expand(List, List)}, showing each argument as {@code options} says. */
    public List<SourceFile> expand(List<String> args, List<LoadError> errors, LoadOptions options) {
        List<SourceFile> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String given : args) {
            Path path;
            try {
                path = Path.of(given);
            } catch (InvalidPathException e) {
                errors.add(new LoadError("not a valid path", SourcePosition.ofFile(options.display(given))));
                continue;
            }
            String arg = options.display(given);
            if (Files.isDirectory(path)) {
                walk(arg, path, errors).stream().filter(f -> seen.add(realOrSelf(f.path()))).forEach(files::add);
            } else if (Files.exists(path)) {
                // named explicitly: a FIFO, device or /proc file is read, but with a time limit (SpecialFiles)
                if (seen.add(realOrSelf(path))) {
                    files.add(new SourceFile(arg, path));
                }
            } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                errors.add(new LoadError("a symbolic link to nothing (or a link loop)", SourcePosition.ofFile(arg)));
            } else {
                errors.add(new LoadError("no such file or directory", SourcePosition.ofFile(arg)));
            }
        }
        return files;
    }

    /** The real path, which is how the same file reached twice ({@code dir} and {@code ./dir/f}) is loaded once. */
    static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private List<SourceFile> walk(String arg, Path root, List<LoadError> errors) {
        List<SourceFile> found = new ArrayList<>();
        try (Stream<Path> stream = Files.walk(root)) {
            stream.filter(p -> !p.equals(root))
                    .filter(p -> !hiddenBelow(root, p))
                    .filter(PathExpander::ordinaryFile)
                    .filter(p -> picked.test(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().endsWith(SCENARIO_SUFFIX))
                    .sorted(Comparator.comparing(p -> slashed(root.relativize(p))))
                    .forEach(p -> found.add(new SourceFile(join(arg, slashed(root.relativize(p))), p, false)));
        } catch (IOException e) {
            errors.add(new LoadError("cannot read directory: " + IoProblems.describe(e), SourcePosition.ofFile(arg)));
        } catch (UncheckedIOException e) {
            errors.add(new LoadError("cannot read directory: " + IoProblems.describe(e.getCause()),
                    SourcePosition.ofFile(arg)));
        }
        return found;
    }

    /** In a folder only regular files, never a FIFO, a device or a link into /proc, /sys or /dev. */
    private static boolean ordinaryFile(Path p) {
        return Files.isRegularFile(p) && !SpecialFiles.isSpecial(p);
    }

    private static boolean hiddenBelow(Path root, Path p) {
        Path rel = root.relativize(p);
        for (int i = 0; i < rel.getNameCount(); i++) {
            String part = rel.getName(i).toString();
            if (part.startsWith(".") && !(i == rel.getNameCount() - 1 && dotenv(part))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A dotenv file ({@code .env}, {@code .env.production}): hidden by name but an application's config, so a
     * directory load reads it; {@code .env.example}, {@code .env.sample}, {@code .env.template} and
     * {@code .env.dist} hold made-up values and stay skipped.
     */
    public static boolean dotenv(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return (n.equals(".env") || n.startsWith(".env.")) && !n.matches(".*\\.(example|sample|template|dist)$");
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static String join(String arg, String relative) {
        return arg.endsWith("/") || arg.endsWith("\\") ? arg + relative : arg + "/" + relative;
    }
}
