package dev.failscope.load;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code String} per distinct scalar of a whole load, shared by the files read on every worker: a server's
 * name in the inventory and the same name in a cluster file, and every zone, region, key and tag, are then one
 * object. That keeps the model small, makes name lookups compare by identity first, and leaves the collector
 * fewer objects to copy. Safe for the loader's worker threads; it lives as long as one load.
 */
public final class StringPool {
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    /** The pooled string equal to {@code s}, pooling {@code s} when it is the first. */
    public String intern(String s) {
        String known = strings.get(s);
        if (known != null) {
            return known;
        }
        known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
