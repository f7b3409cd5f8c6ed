package dev.failscope.ui.viewmodel;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which clusters, zones and regions the graph shows collapsed (one box with a count instead of its servers).
 * Toggled from the graph's context menu and the keyboard (C on the selection, Shift+C expands all); the
 * graph's scene reads {@link #state()}. Names are kept while another topology loads, so a reload keeps what was
 * collapsed.
 */
public final class CollapseModel {
    /** What can be collapsed. */
    public enum Kind { CLUSTER, ZONE, REGION }

    /**
     * The collapsed sets, sorted by name.
     *
     * @param clusters collapsed clusters
     * @param zones    collapsed zones
     * @param regions  collapsed regions
     */
    public record State(Set<String> clusters, Set<String> zones, Set<String> regions) {
        public static final State NONE = new State(Set.of(), Set.of(), Set.of());

        public State {
            clusters = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(clusters));
            zones = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(zones));
            regions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(regions));
        }

        public boolean isNone() {
            return clusters.isEmpty() && zones.isEmpty() && regions.isEmpty();
        }

        public Set<String> of(Kind kind) {
            return switch (kind) {
                case CLUSTER -> clusters;
                case ZONE -> zones;
                case REGION -> regions;
            };
        }

        /** {@code 2 clusters, 1 zone collapsed}, or "". */
        public String describe() {
            StringBuilder b = new StringBuilder();
            for (Kind k : Kind.values()) {
                int n = of(k).size();
                if (n > 0) {
                    b.append(b.length() == 0 ? "" : ", ").append(n).append(' ')
                            .append(k.name().toLowerCase(Locale.ROOT)).append(n == 1 ? "" : "s");
                }
            }
            return b.length() == 0 ? "" : b + " collapsed";
        }
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);

    public boolean isCollapsed(Kind kind, String name) {
        return state.get().of(kind).contains(name);
    }

    /** Collapses what is expanded and expands what is collapsed; returns whether it is now collapsed. */
    public boolean toggle(Kind kind, String name) {
        boolean now = !isCollapsed(kind, name);
        set(kind, name, now);
        return now;
    }

    public void set(Kind kind, String name, boolean collapsed) {
        State s = state.get();
        Set<String> clusters = new TreeSet<>(s.clusters());
        Set<String> zones = new TreeSet<>(s.zones());
        Set<String> regions = new TreeSet<>(s.regions());
        Set<String> target = switch (kind) {
            case CLUSTER -> clusters;
            case ZONE -> zones;
            case REGION -> regions;
        };
        if (collapsed ? target.add(name) : target.remove(name)) {
            state.set(new State(clusters, zones, regions));
        }
    }

    public void expandAll() {
        state.set(State.NONE);
    }

    public ReadOnlyObjectProperty<State> state() {
        return state.getReadOnlyProperty();
    }
}
