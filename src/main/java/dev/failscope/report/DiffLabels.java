package dev.failscope.report;

import java.util.Objects;

/** How the two sides of a diff are named in reports: paths, or a git revision. */
public record DiffLabels(String before, String after) {
    public DiffLabels {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
