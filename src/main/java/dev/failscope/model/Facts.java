package dev.failscope.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each fact (config key) of an element was written: key to the position of its value.
 * Used by details panels ("the source file:line of each fact") and by findings.
 */
public record Facts(Map<String, SourcePosition> positions) {
    public static final Facts NONE = new Facts(Map.of());

    public Facts {
        positions = Map.copyOf(positions);
    }

    public Optional<SourcePosition> of(String key) {
        return Optional.ofNullable(positions.get(key));
    }

    /** The position of {@code key}, or {@code fallback} when the key was not written. */
    public SourcePosition orElse(String key, SourcePosition fallback) {
        return positions.getOrDefault(key, fallback);
    }

    /** Keys in sorted order, for stable display. */
    public Map<String, SourcePosition> sorted() {
        return new TreeMap<>(positions);
    }
}
