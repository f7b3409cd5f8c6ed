package dev.failscope.ui.viewmodel;

import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which clusters, zones and regions the graph shows collapsed (one box with a count instead of their servers).
 * Toggled from the graph's context menu and the keyboard (C on the selection, Shift+C expands all); the graph's
 * scene reads {@link State#ids()}: {@code cluster:NAME}, {@code zone:REGION/ZONE}, {@code region:REGION}, the
 * scene's collapse ids. Names are kept while another topology loads, so a reload keeps what was collapsed.
 */
public final class CollapseModel {
    /** What can be collapsed. */
    public enum Kind { CLUSTER, ZONE, REGION }

    /** The id of a cluster. */
    public static String cluster(String name) {
        return "cluster:" + name;
    }

    /** The id of a zone of a region; null region or zone for "no region" and "unzoned". */
    public static String zone(String region, String zone) {
        return "zone:" + (region == null ? "" : region) + "/" + (zone == null ? "" : zone);
    }

    /** The id of a region. */
    public static String region(String region) {
        return "region:" + (region == null ? "" : region);
    }

    /**
     * The collapsed ids, sorted.
     *
     * @param ids collapse ids
     */
    public record State(Set<String> ids) {
        public static final State NONE = new State(Set.of());

        public State {
            ids = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ids));
        }

        public boolean isNone() {
            return ids.isEmpty();
        }

        public long count(Kind kind) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + ":";
            return ids.stream().filter(i -> i.startsWith(prefix)).count();
        }

        /** {@code 2 clusters, 1 zone collapsed}, or "". */
        public String describe() {
            StringBuilder b = new StringBuilder();
            for (Kind k : Kind.values()) {
                long n = count(k);
                if (n > 0) {
                    b.append(b.length() == 0 ? "" : ", ").append(n).append(' ')
                            .append(k.name().toLowerCase(java.util.Locale.ROOT)).append(n == 1 ? "" : "s");
                }
            }
            return b.length() == 0 ? "" : b + " collapsed";
        }
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);

    public boolean isCollapsed(String id) {
        return state.get().ids().contains(id);
    }

    /** Collapses what is expanded and expands what is collapsed; returns whether it is now collapsed. */
    public boolean toggle(String id) {
        boolean now = !isCollapsed(id);
        Set<String> ids = new TreeSet<>(state.get().ids());
        if (now) {
            ids.add(id);
        } else {
            ids.remove(id);
        }
        state.set(new State(ids));
        return now;
    }

    public void expandAll() {
        state.set(State.NONE);
    }

    public ReadOnlyObjectProperty<State> state() {
        return state.getReadOnlyProperty();
    }
}
