package dev.failscope.ui.viewmodel;

import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeElement;
import dev.failscope.diff.ChangeType;
import dev.failscope.diff.Comparison;
import dev.failscope.layout.Layout;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.Topology;
import dev.failscope.ui.viewmodel.DiffOverlay.GhostEdge;
import dev.failscope.ui.viewmodel.DiffOverlay.GhostNode;
import dev.failscope.ui.viewmodel.DiffOverlay.Mark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a {@link Comparison} into the marks and ghosts of a {@link DiffOverlay}. Pure; runs in the background. */
public final class DiffOverlayBuilder {
    private static final Set<ChangeElement> VERTICES = Set.of(ChangeElement.SERVER, ChangeElement.CLUSTER,
            ChangeElement.SERVICE, ChangeElement.ROUTE);

    private final Topology before;
    private final Topology after;
    private final Map<Node, Mark> nodes = new HashMap<>();
    private final Map<Edge, Mark> edges = new HashMap<>();
    private final List<GhostNode> ghosts = new ArrayList<>();
    private final List<GhostEdge> ghostEdges = new ArrayList<>();
    private final Map<Node, List<String>> notes = new LinkedHashMap<>();

    private DiffOverlayBuilder(Topology before, Topology after) {
        this.before = before;
        this.after = after;
    }

    /**
     * @param comparison   the comparison; its after side is the topology on screen
     * @param base         words for the before side
     * @param beforeLayout the before side's layout (ghost positions and routes)
     */
    public static DiffOverlay build(Comparison comparison, String base, Layout beforeLayout) {
        DiffOverlayBuilder b = new DiffOverlayBuilder(comparison.before().topology(),
                comparison.after().topology());
        for (Change c : comparison.changes()) {
            b.add(c, beforeLayout);
        }
        return new DiffOverlay(base, b.nodes, b.edges, b.ghosts, b.ghostEdges, b.notes, beforeLayout);
    }

    private void add(Change c, Layout beforeLayout) {
        String line = symbol(c.type()) + " " + c.message();
        note(c.node(), line);
        c.edge().ifPresent(e -> note(e.to(), line));
        if (c.edge().isPresent()) {
            relation(c, c.edge().get(), beforeLayout);
        } else {
            vertex(c, beforeLayout);
        }
        if (c.type() == ChangeType.REORDERED && c.element() == ChangeElement.FAILOVER_CANDIDATE) {
            reordered(c.node());
        }
    }

    private void relation(Change c, Change.EdgeRef ref, Layout beforeLayout) {
        if (c.type() == ChangeType.REMOVED) {
            find(before, c.node(), ref).ifPresent(e -> ghostEdges.add(new GhostEdge(e, beforeLayout.route(e),
                    removedLabel(e))));
            return;
        }
        Optional<Edge> edge = find(after, c.node(), ref);
        Mark mark = c.type() == ChangeType.ADDED ? new Mark(ChangeType.ADDED, "added")
                : new Mark(ChangeType.CHANGED, shortChange(c));
        if (edge.isPresent()) {
            edges.merge(edge.get(), mark, DiffOverlayBuilder::stronger);
        } else {
            markNode(c.node(), new Mark(ChangeType.CHANGED, shortChange(c)));
        }
    }

    private void vertex(Change c, Layout beforeLayout) {
        Node node = DiffOverlay.key(c.node());
        boolean onScreen = after.node(node.kind(), node.name()).isPresent();
        switch (c.type()) {
            case ADDED -> markNode(node, VERTICES.contains(c.element()) ? new Mark(ChangeType.ADDED, "added")
                    : new Mark(ChangeType.CHANGED, c.element().label() + " added"));
            case REMOVED -> {
                if (!VERTICES.contains(c.element())) {
                    markNode(node, new Mark(ChangeType.CHANGED, c.element().label() + " removed"));
                } else if (onScreen) {
                    markNode(node, new Mark(ChangeType.REMOVED, "removed, still referenced"));
                } else {
                    ghosts.add(new GhostNode(c.node(), beforeLayout.box(c.node().kind(), c.node().name())));
                }
            }
            case CHANGED, REORDERED -> markNode(node, new Mark(ChangeType.CHANGED, c.field().orElse("changed")));
            default -> throw new IllegalStateException("unhandled change type " + c.type());
        }
    }

    /** Failover edges of a cluster whose candidate kept its place in the list but moved. */
    private void reordered(Node cluster) {
        Map<String, Integer> was = orders(before, cluster);
        for (Edge e : after.graph().outgoingEdgesOf(after.node(cluster.kind(), cluster.name()).orElse(cluster))) {
            Integer old = was.get(e.to().name());
            if (e.kind() == EdgeKind.FAILOVER && old != null && old != e.order()) {
                edges.merge(e, new Mark(ChangeType.CHANGED, "#" + old + " \u2192 #" + e.order()),
                        DiffOverlayBuilder::stronger);
            }
        }
    }

    private static Map<String, Integer> orders(Topology t, Node cluster) {
        Map<String, Integer> map = new HashMap<>();
        t.node(cluster.kind(), cluster.name()).filter(t.graph()::containsVertex).ifPresent(n -> {
            for (Edge e : t.graph().outgoingEdgesOf(n)) {
                if (e.kind() == EdgeKind.FAILOVER) {
                    map.putIfAbsent(e.to().name(), e.order());
                }
            }
        });
        return map;
    }

    /** The edge a change names on one side: kind, ends, and for failover the order when several match. */
    public static Optional<Edge> find(Topology side, Node from, Change.EdgeRef ref) {
        Optional<Node> source = side.node(from.kind(), from.name());
        if (source.isEmpty() || !side.graph().containsVertex(source.get())) {
            return Optional.empty();
        }
        List<Edge> matches = side.graph().outgoingEdgesOf(source.get()).stream()
                .filter(e -> e.kind() == ref.kind() && e.to().kind() == ref.to().kind()
                        && e.to().name().equals(ref.to().name()))
                .toList();
        return matches.stream().filter(e -> e.order() == ref.order()).findFirst()
                .or(() -> matches.stream().findFirst());
    }

    private void markNode(Node node, Mark mark) {
        nodes.merge(DiffOverlay.key(node), mark, DiffOverlayBuilder::stronger);
    }

    private void note(Node node, String line) {
        notes.computeIfAbsent(DiffOverlay.key(node), k -> new ArrayList<>()).add(line);
    }

    /** Added wins over removed, removed over changed; two changes of one kind join their words. */
    private static Mark stronger(Mark a, Mark b) {
        if (a.type() == b.type()) {
            return a.label().equals(b.label()) ? a : new Mark(a.type(), a.label() + "; " + b.label());
        }
        return rank(a.type()) <= rank(b.type()) ? a : b;
    }

    private static int rank(ChangeType t) {
        return switch (t) {
            case ADDED -> 0;
            case REMOVED -> 1;
            case CHANGED, REORDERED -> 2;
        };
    }

    /** "lag 2s → 8s", "order a, b → b, a". */
    static String shortChange(Change c) {
        return c.field().map(f -> f + " " + c.before().orElse("(unset)") + " \u2192 " + c.after().orElse("(unset)"))
                .orElse(c.type().label());
    }

    private static String removedLabel(Edge e) {
        return e.kind() == EdgeKind.FAILOVER ? "\u2212" + e.order() : "\u2212";
    }

    static String symbol(ChangeType t) {
        return t == ChangeType.REMOVED ? "\u2212" : t.mark();
    }
}
