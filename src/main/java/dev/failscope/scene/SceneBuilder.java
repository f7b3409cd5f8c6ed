package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Lane;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.NodeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@link Scene} of a prepared topology for a view: pure, deterministic (groups in the layout's
 * order), and culled to the view's visible rectangle so a GUI can call it every frame.
 */
public final class SceneBuilder {
    private final SceneModel model;
    private final SceneView view;
    private final Layout layout;
    private final Box visible;
    private final List<Group> groups = new ArrayList<>();
    private final Set<NodeBox> hidden = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Set<Integer> collapsedLanes = new HashSet<>();

    private SceneBuilder(SceneModel model, SceneView view) {
        this.model = model;
        this.view = view;
        this.layout = model.layout();
        Box b = view.visible() == null ? layout.bounds().grow(200) : view.visible();
        this.visible = b.grow(view.px(40));
    }

    public static Scene build(SceneModel model, SceneView view) {
        return new SceneBuilder(model, view).build();
    }

    private Scene build() {
        List<NodeBox> nodes = layout.nodesIn(visible.x(), visible.y(), visible.width(), visible.height());
        List<EdgeRoute> edges = layout.edgesIn(visible.x(), visible.y(), visible.width(), visible.height());
        collapse(nodes);
        lanes();
        band();
        NodeItems nodeItems = new NodeItems(model, view, names(nodes));
        for (NodeBox n : nodes) {
            if (n.role() == NodeRole.CLUSTER && !hidden.contains(n)) {
                groups.add(nodeItems.cluster(n, collapsed(n)));
            }
        }
        EdgeItems edgeItems = new EdgeItems(model, view);
        List<EdgeRoute> drawn = new ArrayList<>();
        for (EdgeRoute r : edges) {
            if (shown(r)) {
                edgeItems.line(r).ifPresent(g -> {
                    groups.add(g);
                    drawn.add(r);
                });
            }
        }
        StateItems states = new StateItems(model, view);
        if (view.detail() != Detail.OVERVIEW) {
            groups.addAll(states.repointed());
        }
        for (NodeBox n : nodes) {
            if (n.role() != NodeRole.CLUSTER && !hidden.contains(n)) {
                groups.add(nodeItems.vertex(n));
            }
        }
        if (view.detail() == Detail.FULL) {
            for (EdgeRoute r : drawn) {
                edgeItems.label(r).ifPresent(groups::add);
            }
        }
        for (NodeBox n : nodes) {
            if (!hidden.contains(n)) {
                groups.addAll(states.marks(n, collapsed(n)));
            }
        }
        Box bounds = layout.bounds();
        if (view.diff().active()) {
            DiffItems diff = new DiffItems(model, view, visible);
            groups.addAll(diff.build(nodes, drawn, hidden));
            bounds = diff.bounds(bounds);
        }
        for (NodeBox n : nodes) {
            if (!hidden.contains(n)) {
                states.selection(n).ifPresent(groups::add);
            }
        }
        return new Scene(view.detail(), bounds, groups);
    }

    /**
     * Server names fitted to their boxes, distinct within each cluster: at Fit, {@code mysql-accounts-1} and
     * {@code mysql-accounts-12} must not both read {@code mysql-acco…}.
     */
    private java.util.Map<NodeBox, String> names(List<NodeBox> nodes) {
        java.util.Map<String, List<NodeBox>> byCluster = new java.util.TreeMap<>();
        for (NodeBox n : nodes) {
            if (n.node().kind() == NodeKind.SERVER && !n.node().missing() && !hidden.contains(n)) {
                byCluster.computeIfAbsent(n.cluster() == null ? "" : n.cluster(), k -> new ArrayList<>()).add(n);
            }
        }
        java.util.Map<NodeBox, String> out = new java.util.IdentityHashMap<>();
        for (List<NodeBox> group : byCluster.values()) {
            Box b = group.get(0).box();
            boolean full = view.detail() == Detail.FULL;
            double size = full ? 9 : Math.min(view.px(9.5), b.height() * 0.62);
            double max = full ? b.width() - 16 : b.width() - view.px(6);
            List<String> fitted = TextFit.distinct(group.stream().map(n -> n.node().name()).toList(), max, size, true);
            for (int i = 0; i < group.size(); i++) {
                out.put(group.get(i), fitted.get(i));
            }
        }
        return out;
    }

    /**
     * Only the marks of a state (Layer STATES and re-pointed replication) for a still picture at full detail:
     * what a page lays over the picture of the configured topology, step by step. Looks up only the elements the
     * state names, so a step of a large fleet costs what it marks.
     */
    public static List<Group> stateMarks(SceneModel model, SceneState state) {
        SceneView view = SceneView.still(state);
        StateItems items = new StateItems(model, view);
        java.util.Set<String> names = new java.util.TreeSet<>();
        names.addAll(state.failed());
        names.addAll(state.stale());
        names.addAll(state.promoted());
        names.addAll(state.skipped().keySet());
        names.addAll(state.down());
        names.addAll(state.degraded());
        names.addAll(state.services().keySet());
        names.addAll(state.spof().keySet());
        names.addAll(state.drift().keySet());
        names.addAll(state.routes().keySet());
        if (state.trying() != null) {
            names.add(state.trying());
        }
        List<Group> out = new ArrayList<>(items.repointed());
        for (String name : names) {
            for (NodeKind kind : NodeKind.values()) {
                model.layout().box(kind, name).ifPresent(n -> out.addAll(items.marks(n, false)));
            }
        }
        return out;
    }

    private boolean collapsed(NodeBox n) {
        return n.role() == NodeRole.CLUSTER && view.collapsed().contains(Collapse.cluster(n.node().name()));
    }

    /** Hides what collapsed lanes and clusters contain, and servers in clusters at overview. */
    private void collapse(List<NodeBox> nodes) {
        for (int i = 0; i < layout.lanes().size(); i++) {
            Lane lane = layout.lanes().get(i);
            if (view.collapsed().contains(Collapse.zone(lane)) || view.collapsed().contains(Collapse.region(lane))) {
                collapsedLanes.add(i);
            }
        }
        Set<String> collapsedClusters = new HashSet<>();
        for (NodeBox n : nodes) {
            if (n.role() == NodeRole.CLUSTER && collapsed(n)) {
                collapsedClusters.add(n.node().name());
            }
        }
        boolean overviewOrClusters = view.detail() == Detail.OVERVIEW || !collapsedClusters.isEmpty();
        if (collapsedLanes.isEmpty() && !overviewOrClusters) {
            return;
        }
        for (NodeBox n : nodes) {
            boolean inCollapsedLane = false;
            if (!collapsedLanes.isEmpty()) {
                Lane at = n.lane() >= 0 ? null : model.lane(n);
                int lane = n.lane() >= 0 ? n.lane() : at == null ? -1 : layout.lanes().indexOf(at);
                inCollapsedLane = collapsedLanes.contains(lane);
            }
            boolean member = overviewOrClusters && n.role() != NodeRole.CLUSTER && n.cluster() != null
                    && layout.box(NodeKind.CLUSTER, n.cluster()).map(c -> c.box().contains(n.box())).orElse(false);
            boolean inCollapsedCluster = member && collapsedClusters.contains(n.cluster());
            boolean overview = view.detail() == Detail.OVERVIEW && member;
            if (inCollapsedLane || inCollapsedCluster || overview) {
                hidden.add(n);
            }
        }
    }

    private boolean shown(EdgeRoute r) {
        Edge e = r.edge();
        for (var end : List.of(e.from(), e.to())) {
            var box = layout.box(end);
            if (box.isPresent() && hidden.contains(box.get())) {
                return false;
            }
        }
        return true;
    }

    private void lanes() {
        for (int i = 0; i < layout.lanes().size(); i++) {
            Lane lane = layout.lanes().get(i);
            Box b = lane.bounds();
            if (!b.intersects(visible.x(), visible.y(), visible.width(), visible.height())) {
                continue;
            }
            // Lanes can be far taller than the view: only the visible part (a rasteriser pays for the whole shape)
            double top = Math.max(b.y(), visible.y());
            double bottom = Math.min(b.maxY(), visible.maxY());
            double left = Math.max(b.x(), visible.x());
            double right = Math.min(b.maxX(), visible.maxX());
            Pen pen = new Pen(view);
            pen.rect(new Box(left, top, right - left, bottom - top), 0, i % 2 == 0 ? Style.LANE_A : Style.LANE_B,
                    Style.NONE, 0);
            pen.line(b.maxX(), top, b.maxX(), bottom, Style.LANE_LINE, 1);
            Box h = lane.header();
            double k = Math.max(1, view.px(0.5)); // headers stay about half their size on screen when zoomed out
            pen.text(lane.regionLabel().toUpperCase(Locale.ROOT), h.x() + 12, h.y() + 6 + 8 * k, Align.LEFT,
                    Pen.SMALL * k, true, Style.LANE_SUBTEXT);
            pen.text(TextFit.end(lane.zoneLabel(), h.width() - 24, 15 * k, true), h.x() + 12, h.y() + 6 + 27 * k,
                    Align.LEFT, 15 * k, true, lane.zone() == null ? Style.LANE_SUBTEXT : Style.LANE_TEXT);
            if (collapsedLanes.contains(i)) {
                new NodeItems(model, view).laneSummary(pen, lane, b, members(lane));
            }
            groups.add(pen.group(Layer.LANES, "", "lane", lane.label(), collapsedLanes.contains(i) ? "collapsed" : ""));
        }
    }

    /** The clusters and servers of a lane, for its collapsed summary. */
    private List<NodeBox> members(Lane lane) {
        Box b = lane.bounds();
        List<NodeBox> out = new ArrayList<>();
        for (NodeBox n : layout.nodesIn(b.x(), b.y(), b.width(), b.height())) {
            if (model.lane(n) == lane) {
                out.add(n);
            }
        }
        return out;
    }

    private void band() {
        Box b = layout.serviceBand();
        if (b.height() <= 0 || !b.intersects(visible.x(), visible.y(), visible.width(), visible.height())) {
            return;
        }
        Pen pen = new Pen(view);
        double left = Math.max(b.x(), visible.x());
        double right = Math.min(b.maxX(), visible.maxX());
        pen.rect(new Box(left, b.y(), right - left, b.height()), 12, Style.BAND, Style.NONE, 0);
        if (view.detail() == Detail.FULL) {
            pen.text("SERVICES", b.x() + 12, b.y() + 14, Align.LEFT, Pen.SMALL, true, Style.BAND_TEXT);
        }
        groups.add(pen.group(Layer.LANES, "", "band", "", ""));
    }

    static boolean isMembership(EdgeRoute r) {
        return r.edge().kind() == EdgeKind.MEMBERSHIP;
    }

    static Point end(EdgeRoute r) {
        return r.points().get(r.points().size() - 1);
    }
}
