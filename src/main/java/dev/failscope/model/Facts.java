package dev.failscope.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each fact (config key) of an element was written: key to the position of its value.
 * Used by details panels ("the source file:line of each fact") and by findings.
 *
 * <p>An immutable value with record semantics ({@link #equals} compares the positions). It is a class, not a
 * record, for its size: a fleet holds one per server, replica, cluster and policy, and a map of position
 * objects cost about 300 bytes for a server's six facts. Here the keys are kept sorted in one array and, when
 * every position is in one file (nearly always), the positions as line and column pairs in one {@code int}
 * array: about 130 bytes, and the collector has three objects to copy instead of ten
 * (docs/performance.md). Positions are made when asked for.
 */
public final class Facts {
    private static final String[] NO_KEYS = {};
    public static final Facts NONE = new Facts(Map.of());

    private final String[] keys;
    /** The one file of every position, or null when they are in several (then {@link #spread} holds them). */
    private final String file;
    private final int[] places;
    private final SourcePosition[] spread;

    public Facts(Map<String, SourcePosition> positions) {
        this(positions.keySet().toArray(NO_KEYS), positions.values().toArray(new SourcePosition[0]),
                positions.size());
    }

    private Facts(String[] names, SourcePosition[] at, int n) {
        int[] order = n > 16 ? sortedOrder(names, n) : new int[n];
        for (int i = 0; n <= 16 && i < n; i++) { // insertion sort: an element has a handful of facts
            int j = i;
            while (j > 0 && names[order[j - 1]].compareTo(names[i]) > 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        String one = n == 0 ? null : at[0].file();
        String[] sorted = new String[n];
        for (int i = 0; i < n; i++) {
            String key = names[order[i]];
            SourcePosition p = at[order[i]];
            if (key == null || p == null) {
                throw new NullPointerException("a fact's key and position must not be null");
            }
            if (i > 0 && key.equals(sorted[i - 1])) {
                throw new IllegalArgumentException("duplicate fact key " + key);
            }
            sorted[i] = key;
            if (one != null && !one.equals(p.file())) {
                one = null;
            }
        }
        this.keys = sorted;
        if (one != null || n == 0) {
            int[] lc = new int[2 * n];
            for (int i = 0; i < n; i++) {
                SourcePosition p = at[order[i]];
                lc[2 * i] = p.line();
                lc[2 * i + 1] = p.column();
            }
            this.file = one;
            this.places = lc;
            this.spread = null;
        } else {
            SourcePosition[] ps = new SourcePosition[n];
            for (int i = 0; i < n; i++) {
                ps[i] = at[order[i]];
            }
            this.file = null;
            this.places = null;
            this.spread = ps;
        }
    }

    private static int[] sortedOrder(String[] names, int n) {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> names[a].compareTo(names[b]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /**
     * Facts from the first {@code n} keys and positions of two parallel arrays (keys distinct), without a map
     * in between: the loader's path. The arrays are not kept.
     */
    public static Facts of(String[] keys, SourcePosition[] positions, int n) {
        if (n == 0) {
            return NONE;
        }
        return new Facts(keys, positions, n);
    }

    private int index(String key) {
        if (keys.length <= 8) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? -1 : i;
    }

    private SourcePosition at(int i) {
        return spread != null ? spread[i] : new SourcePosition(file, places[2 * i], places[2 * i + 1]);
    }

    public Optional<SourcePosition> of(String key) {
        int i = index(key);
        return i < 0 ? Optional.empty() : Optional.of(at(i));
    }

    /** The position of {@code key}, or {@code fallback} when the key was not written. */
    public SourcePosition orElse(String key, SourcePosition fallback) {
        int i = index(key);
        return i < 0 ? fallback : at(i);
    }

    /** How many facts there are. */
    public int size() {
        return keys.length;
    }

    /** Every key and its position, keys in sorted order; unmodifiable. */
    public Map<String, SourcePosition> positions() {
        return Collections.unmodifiableMap(sorted());
    }

    /** Keys in sorted order, for stable display: a new map each call. */
    public Map<String, SourcePosition> sorted() {
        TreeMap<String, SourcePosition> m = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], at(i));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Facts other) || keys.length != other.keys.length || !Arrays.equals(keys, other.keys)) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (!at(i).equals(other.at(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return positions().hashCode();
    }

    @Override
    public String toString() {
        return "Facts[positions=" + sorted() + "]";
    }
}
