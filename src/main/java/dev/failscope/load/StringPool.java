package dev.failscope.load;

/**
 * Shares one {@code String} among equal scalars, so that the keys, zones, regions, roles and tags that every
 * server of a fleet repeats are one object each, not one per line: the model stays small and the collector has
 * fewer objects to copy. One pool lives as long as one load and is safe for the loader's worker threads.
 *
 * <p>Each thread has its own fixed table of {@value #SLOTS} slots, addressed by the string's hash; a string that
 * lands on a slot holding another replaces it. Frequent strings therefore stay pooled, names that occur once
 * cost one array read and are never stored, and the table never grows: no lock, no resizing, and a bounded
 * 128 KB a thread. (A load-wide concurrent map also pooled the names that occur once, at the price of a cache
 * miss per scalar; docs/performance.md.)
 */
public final class StringPool {
    static final int SLOTS = 1 << 14;
    private final ThreadLocal<Table> tables = ThreadLocal.withInitial(Table::new);

    /** The pooled string equal to {@code s}, or {@code s} itself, which may then be pooled. */
    public String intern(String s) {
        return tables.get().intern(s);
    }

    /** This thread's table, for a caller that interns many strings in a row (one parse). */
    Table table() {
        return tables.get();
    }

    /** One thread's table: not thread-safe. */
    static final class Table {
        private final String[] slots = new String[SLOTS];
        /**
         * Each slot's hash, beside it: a name that occurs once usually lands on a slot holding another string, and
         * comparing the hashes here spares reading that string, somewhere else in the heap (a cache miss).
         */
        private final int[] hashes = new int[SLOTS];

        String intern(String s) {
            int h = s.hashCode();
            int i = (h ^ (h >>> 14)) & (SLOTS - 1);
            if (hashes[i] == h) {
                String known = slots[i];
                if (known != null && known.equals(s)) {
                    return known;
                }
            }
            slots[i] = s;
            hashes[i] = h;
            return s;
        }
    }
}
