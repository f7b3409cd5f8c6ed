package dev.failscope.load;

import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.Durations;
import dev.failscope.model.Facts;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.UnknownKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to one map of the native format. Wrong types and missing keys become load errors; keys the
 * format does not define are kept as {@link UnknownKey}s for the {@code unknown-key} rule.
 */
public final class Fields {
    private final PMap map;
    private final String what;
    private final LoadSink sink;
    private String[] factKeys = new String[8];
    private SourcePosition[] factPositions = new SourcePosition[8];
    private int factCount;

    /**
     * @param map  the map to read
     * @param what how the element is named in messages, e.g. "server 'pg-1'" or "cluster"
     * @param sink where errors go
     */
    public Fields(PMap map, String what, LoadSink sink) {
        this.map = map;
        this.what = what;
        this.sink = sink;
    }

    public PMap map() {
        return map;
    }

    /** The entry for {@code key}: a linear scan, cheaper than a map for the handful of keys a map holds. */
    private PEntry entry(String key) {
        List<PEntry> entries = map.entries();
        for (int i = 0; i < entries.size(); i++) { // no iterator: C1 allocates one per loop
            PEntry e = entries.get(i);
            if (e.key().text().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** Records every key not in {@code known} as an unknown key of {@code subject}. */
    public void checkKeys(Set<String> known, String subject) {
        for (PEntry e : map.entries()) {
            String key = e.key().text();
            if (!known.contains(key)) {
                sink.unknownKey(new UnknownKey(subject, key, Suggestions.closest(key, known).orElse(null),
                        e.key().position(), what));
            }
        }
    }

    /** Positions of each key read so far, for details panels. */
    public Facts facts() {
        return Facts.of(factKeys, factPositions, factCount);
    }

    private void fact(String key, SourcePosition at) {
        for (int i = 0; i < factCount; i++) {
            if (factKeys[i].equals(key)) {
                factPositions[i] = at;
                return;
            }
        }
        if (factCount == factKeys.length) {
            factKeys = Arrays.copyOf(factKeys, 2 * factCount);
            factPositions = Arrays.copyOf(factPositions, 2 * factCount);
        }
        factKeys[factCount] = key;
        factPositions[factCount++] = at;
    }

    public Optional<PNode> node(String key) {
        PEntry e = entry(key);
        if (e == null) {
            return Optional.empty();
        }
        fact(key, e.value().position());
        return Optional.of(e.value());
    }

    /** A required non-empty string; null (with an error) when missing or wrong. */
    public PScalar requiredName(String key) {
        Optional<PNode> n = node(key);
        if (n.isEmpty()) {
            sink.error(what + " is missing required key '" + key + "'", map.position());
            return null;
        }
        return name(key, n.get());
    }

    /** An optional non-empty string. */
    public Optional<PScalar> optionalName(String key) {
        Optional<PNode> n = node(key);
        return n.isEmpty() ? Optional.empty() : Optional.ofNullable(name(key, n.get())); // no capturing lambda
    }

    private PScalar name(String key, PNode n) {
        if (n instanceof PScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)) {
            if (s.text().isBlank()) {
                sink.error("'" + key + "' of " + what + " must not be empty", s.position());
                return null;
            }
            return s;
        }
        sink.error("'" + key + "' of " + what + " must be a string, got " + n.describe(), n.position());
        return null;
    }

    public Optional<String> string(String key) {
        return optionalName(key).map(PScalar::text);
    }

    public boolean bool(String key, boolean fallback) {
        Optional<PNode> n = node(key);
        if (n.isEmpty()) {
            return fallback;
        }
        if (n.get() instanceof PScalar s && (s.type() == ScalarType.BOOL || s.type() == ScalarType.STRING)) {
            Optional<Boolean> b = Booleans.parse(s.text());
            if (b.isPresent()) {
                return b.get();
            }
        }
        sink.error("'" + key + "' of " + what + " must be " + Booleans.EXPECTED + ", got " + n.get().describe(),
                n.get().position());
        return fallback;
    }

    public Optional<Duration> duration(String key) {
        Optional<PNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof PScalar s && !s.isNull()) {
            Optional<Duration> d = Durations.parse(s.text());
            if (d.isPresent() && d.get().compareTo(Durations.MAX) > 0) {
                sink.error("'" + key + "' of " + what + " is " + s.text().trim() + ", over the limit of "
                        + Durations.format(Durations.MAX) + " (one year)", s.position());
                return Optional.empty();
            }
            if (d.isPresent()) {
                return d;
            }
            String hint = s.text().trim().matches("\\d+") ? ": add a unit, e.g. " + s.text().trim() + "s" : "";
            sink.error("'" + key + "' of " + what + " must be a duration such as 30s, 500ms, 5m or 1h, got '"
                    + s.text() + "'" + hint, s.position());
            return Optional.empty();
        }
        sink.error("'" + key + "' of " + what + " must be a duration such as 30s, got " + n.get().describe(),
                n.get().position());
        return Optional.empty();
    }

    /** A whole number of at least {@code min}. */
    public Optional<Long> integer(String key, long min) {
        Optional<PNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof PScalar s && s.type() == ScalarType.INT) {
            try {
                long v = Long.parseLong(s.text().trim().replace("_", ""));
                if (v >= min) {
                    return Optional.of(v);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        sink.error("'" + key + "' of " + what + " must be a whole number of at least " + min + ", got "
                + n.get().describe(), n.get().position());
        return Optional.empty();
    }

    /** An enum value written exactly in lower case with dashes, as the JSON Schema requires. */
    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        Optional<PNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        Choices choices = CHOICES.get(type);
        List<String> allowed = choices.names();
        String hint = "";
        if (n.get() instanceof PScalar s && s.type() == ScalarType.STRING) {
            int index = allowed.indexOf(s.text());
            if (index >= 0) {
                return Optional.of(type.cast(choices.values().get(index)));
            }
            hint = Suggestions.closest(s.text(), allowed).map(c -> ": did you mean '" + c + "'? (values are "
                    + "lower case, as in the JSON Schema)").orElse("");
        }
        sink.error("'" + key + "' of " + what + " must be one of " + String.join(", ", allowed) + ", got "
                + n.get().describe() + hint, n.get().position());
        return Optional.empty();
    }

    /** An enum's values and how the format writes them ({@code SYNC_QUORUM}: {@code sync-quorum}), in order. */
    private record Choices(List<String> names, List<Object> values) {}

    /**
     * Each enum's {@link Choices}, made once per enum type: a replica's mode and a server's status are read for
     * every element, and {@code getEnumConstants} copies its array at each call. Immutable, derived from the
     * types alone.
     */
    private static final ClassValue<Choices> CHOICES = new ClassValue<>() {
        @Override
        protected Choices computeValue(Class<?> type) {
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (Object e : type.getEnumConstants()) {
                names.add(((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-'));
                values.add(e);
            }
            return new Choices(List.copyOf(names), List.copyOf(values));
        }
    };

    /** A list; a missing key gives an empty optional, a wrong type an error. */
    public Optional<PSeq> list(String key) {
        Optional<PNode> n = node(key);
        if (n.isEmpty() || n.get() instanceof PScalar s && s.isNull()) {
            return Optional.empty();
        }
        if (n.get() instanceof PSeq seq) {
            return Optional.of(seq);
        }
        sink.error("'" + key + "' of " + what + " must be a list, got " + n.get().describe(), n.get().position());
        return Optional.empty();
    }

    /** A map of strings (tags). */
    public Map<String, String> stringMap(String key) {
        Optional<PNode> n = node(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (n.isEmpty() || n.get() instanceof PScalar s && s.isNull()) {
            return result;
        }
        if (!(n.get() instanceof PMap m)) {
            sink.error("'" + key + "' of " + what + " must be a map of strings, got " + n.get().describe(),
                    n.get().position());
            return result;
        }
        for (PEntry e : m.entries()) {
            if (e.value() instanceof PScalar v && !v.isNull()) {
                result.put(e.key().text(), v.text());
            } else {
                sink.error("tag '" + e.key().text() + "' of " + what + " must be a string, got "
                        + e.value().describe(), e.value().position());
            }
        }
        return result;
    }
}
