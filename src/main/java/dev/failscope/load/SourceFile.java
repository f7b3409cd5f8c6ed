package dev.failscope.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to load: the display path (as the user gave it, joined with the path below it), the real path, and
 * whether the user named it explicitly (true) or it was found by expanding a directory (false).
 */
public record SourceFile(String displayPath, Path path, boolean explicit) {
    public SourceFile {
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(path, "path");
    }

    /** A file named explicitly. */
    public SourceFile(String displayPath, Path path) {
        this(displayPath, path, true);
    }

    /** Lower-case file name extension without the dot, or "". */
    public String extension() {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
