package dev.failscope.load.tree;

import java.util.Objects;

/** One key/value pair of a map. Keys are always scalars. */
public record PEntry(PScalar key, PNode value) {
    public PEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
