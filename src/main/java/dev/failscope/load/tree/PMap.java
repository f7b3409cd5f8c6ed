package dev.failscope.load.tree;

import dev.failscope.model.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A mapping with unique keys, in the order written. */
public record PMap(List<PEntry> entries, SourcePosition position) implements PNode {
    public PMap {
        entries = List.copyOf(entries);
        Objects.requireNonNull(position, "position");
    }

    public Optional<PNode> get(String key) {
        for (PEntry e : entries) {
            if (e.key().text().equals(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** The scalar text under {@code key} when it is a non-null scalar. */
    public Optional<String> text(String key) {
        return get(key).filter(PScalar.class::isInstance).map(PScalar.class::cast)
                .filter(s -> !s.isNull()).map(PScalar::text);
    }

    public Map<String, PEntry> byKey() {
        Map<String, PEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.key().text(), e));
        return map;
    }

    @Override
    public String describe() {
        return "a map";
    }
}
