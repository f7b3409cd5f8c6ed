package dev.failscope.load;

import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final Set<String> directoryExtensions;

    public PathExpander(Set<String> directoryExtensions) {
        this.directoryExtensions = Set.copyOf(directoryExtensions);
    }

    public List<SourceFile> expand(List<String> args, List<LoadError> errors) {
        return expand(args, errors, LoadOptions.DEFAULT);
    }

    /** As {@link #expand(List, List)}, showing each argument as {@code options} says. */
    public List<SourceFile> expand(List<String> args, List<LoadError> errors, LoadOptions options) {
        List<SourceFile> files = new ArrayList<>();
        for (String given : args) {
            Path path = Path.of(given);
            String arg = options.display(given);
            if (Files.isDirectory(path)) {
                files.addAll(walk(arg, path, errors));
            } else if (Files.isRegularFile(path)) {
                files.add(new SourceFile(arg, path));
            } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                errors.add(new LoadError("not a regular file or directory", SourcePosition.ofFile(arg)));
            } else {
                errors.add(new LoadError("no such file or directory", SourcePosition.ofFile(arg)));
            }
        }
        return files;
    }

    private List<SourceFile> walk(String arg, Path root, List<LoadError> errors) {
        List<SourceFile> found = new ArrayList<>();
        try (Stream<Path> stream = Files.walk(root)) {
            stream.filter(p -> !p.equals(root))
                    .filter(p -> !hiddenBelow(root, p))
                    .filter(Files::isRegularFile)
                    .filter(p -> directoryExtensions.contains(extension(p)))
                    .filter(p -> !p.getFileName().toString().endsWith(SCENARIO_SUFFIX))
                    .sorted(Comparator.comparing(p -> slashed(root.relativize(p))))
                    .forEach(p -> found.add(new SourceFile(join(arg, slashed(root.relativize(p))), p, false)));
        } catch (IOException | UncheckedIOException e) {
            errors.add(new LoadError("cannot read directory: " + e.getMessage(), SourcePosition.ofFile(arg)));
        }
        return found;
    }

    private static boolean hiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
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
