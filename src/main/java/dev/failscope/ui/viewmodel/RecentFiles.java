package dev.failscope.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The recent-files menu, most recent first, persisted in a preferences node across restarts. */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final String KEY = "recent.";

    private final Preferences prefs;
    private final ObservableList<String> entries = FXCollections.observableArrayList();
    // One view for the life of this object: an unmodifiable wrapper listens to its source weakly, so a wrapper
    // made per call (and held by no one) stops passing changes on at the next garbage collection.
    private final ObservableList<String> entriesView = FXCollections.unmodifiableObservableList(entries);

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        for (int i = 0; i < MAX; i++) {
            String value = prefs.get(KEY + i, null);
            if (value != null && !value.isBlank() && !entries.contains(value)) {
                entries.add(value);
            }
        }
    }

    /** Moves (or adds) the entry to the top. Entries are paths joined with the path separator. */
    public void add(List<String> paths) {
        String entry = String.join(java.io.File.pathSeparator, paths);
        List<String> next = new ArrayList<>(entries);
        next.remove(entry);
        next.add(0, entry);
        entries.setAll(next.subList(0, Math.min(MAX, next.size())));
        save();
    }

    public void clear() {
        entries.clear();
        save();
    }

    /** The paths of an entry. */
    public static List<String> paths(String entry) {
        return List.of(entry.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)));
    }

    private void save() {
        for (int i = 0; i < MAX; i++) {
            if (i < entries.size()) {
                prefs.put(KEY + i, entries.get(i));
            } else {
                prefs.remove(KEY + i);
            }
        }
    }

    public ObservableList<String> entries() {
        return entriesView;
    }
}
