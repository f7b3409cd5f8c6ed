package dev.failscope.load;

import dev.failscope.load.tree.PEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of a map being built, with lookup by key: a linear scan for the few keys most maps have, a hash
 * index from {@value #INDEX_FROM} keys on, so a huge map stays linear.
 */
final class MapKeys {
    private static final int INDEX_FROM = 16;
    final List<PEntry> entries = new ArrayList<>();
    private Map<String, Integer> index;
    private Set<String> merged;

    int indexOf(String key) {
        if (index != null) {
            return index.getOrDefault(key, -1);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().text().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    void add(PEntry e, boolean fromMerge) {
        entries.add(e);
        if (fromMerge) {
            if (merged == null) {
                merged = new HashSet<>();
            }
            merged.add(e.key().text());
        }
        if (index != null) {
            index.put(e.key().text(), entries.size() - 1);
        } else if (entries.size() >= INDEX_FROM) {
            index = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                index.put(entries.get(i).key().text(), i);
            }
        }
    }

    /** True (once) when the key came only from a merge, so an explicit key may replace it. */
    boolean mergedOnly(String key) {
        return merged != null && merged.remove(key);
    }

    void replace(int at, PEntry e) {
        entries.set(at, e);
    }
}
