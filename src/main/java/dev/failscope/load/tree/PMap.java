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
        return Optional.ofNullable(value(key));
    }

    /**
     * The value under {@code key}, or null. Read for every key of every document: an indexed loop and no
     * {@code Optional}, since the launcher's C1-only JIT removes neither an iterator nor a lambda.
     */
    public PNode value(String key) {
        for (int i = 0; i < entries.size(); i++) {
            PEntry e = entries.get(i);
            if (e.key().text().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** The scalar text under {@code key} when it is a non-null scalar. */
    public Optional<String> text(String key) {
        return value(key) instanceof PScalar s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
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
