package dev.failscope.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a config file, 1-based. {@code file} is the display path: the path as the user gave it,
 * joined with the file's path below it.
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    private static final Comparator<SourcePosition> ORDER = Comparator.comparing(SourcePosition::file)
            .thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be >= 1: " + column);
        }
    }

    /** A position for a whole file, when no finer place is known. */
    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    /**
     * {@code file:line} with the path as the user gave it ({@code sample-topologies/catifyme/inventory.yaml:26}),
     * the form used inside messages and timelines: a bare file name would be ambiguous when several folders
     * hold an {@code inventory.yaml}.
     */
    public String reference() {
        return file + ":" + line;
    }

    /** {@code name:line} with the file name only, for compact labels in the GUI. */
    public String shortForm() {
        String name = file;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return (slash >= 0 ? name.substring(slash + 1) : name) + ":" + line;
    }
}
