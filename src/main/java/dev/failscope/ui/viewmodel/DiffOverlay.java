package dev.failscope.ui.viewmodel;

import dev.failscope.diff.ChangeType;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a comparison adds to the graph of the version on screen (the "after" side). Marks are keyed by the
 * after side's graph identities; elements that exist only before are ghosts, placed by {@link DiffGeometry}.
 * Vertices are keyed by kind and name ({@link #key(Node)}) so a declared server and its missing placeholder
 * find each other. {@link #NONE} outside diff mode.
 *
 * @param base       words for the other side, e.g. "sample-topologies/catifyme-before" or "git HEAD~1"
 * @param nodes      after-side vertices that were added, changed, or removed but still referenced
 * @param edges      after-side edges that were added or changed
 * @param ghosts     vertices that exist only before
 * @param ghostEdges edges that exist only before
 * @param notes      per vertex key, the changes that concern it ("~ server x: status active → decommissioned")
 * @param before     the before side's layout (where ghosts were), or null for {@link #NONE}
 */
public record DiffOverlay(String base, Map<Node, Mark> nodes, Map<Edge, Mark> edges, List<GhostNode> ghosts,
                          List<GhostEdge> ghostEdges, Map<Node, List<String>> notes, Layout before) {
    public static final DiffOverlay NONE = new DiffOverlay("", Map.of(), Map.of(), List.of(), List.of(), Map.of(),
            null);

    public DiffOverlay {
        Objects.requireNonNull(base, "base");
        nodes = Map.copyOf(nodes);
        edges = Map.copyOf(edges);
        ghosts = List.copyOf(ghosts);
        ghostEdges = List.copyOf(ghostEdges);
        notes = Map.copyOf(notes);
    }

    public boolean active() {
        return before != null;
    }

    /** The mark of a vertex (declared or missing placeholder), if the change touches it. */
    public Optional<Mark> mark(Node node) {
        return Optional.ofNullable(nodes.get(key(node)));
    }

    public Optional<Mark> mark(Edge edge) {
        return Optional.ofNullable(edges.get(edge));
    }

    /** The change lines about a vertex, for its tooltip; empty when none. */
    public List<String> notes(Node node) {
        return notes.getOrDefault(key(node), List.of());
    }

    /** Vertices are matched by kind and name: the key drops the missing flag. */
    public static Node key(Node node) {
        return node.missing() ? new Node(node.kind(), node.name(), false) : node;
    }

    /**
     * How an element changed.
     *
     * @param type  added, removed (but still referenced after) or changed (reordered counts as changed)
     * @param label short words drawn beside the "+", "−" or "~" mark, e.g. "added", "order #2 → #1"
     */
    public record Mark(ChangeType type, String label) {
        public Mark {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
        }

        /** "+", "−" or "~" (a real minus sign, legible at small sizes). */
        public String symbol() {
            return type == ChangeType.REMOVED ? "\u2212" : type.mark();
        }
    }

    /**
     * A vertex that exists only before the change.
     *
     * @param node   the before side's vertex
     * @param box    where it was in the before layout, if laid out
     */
    public record GhostNode(Node node, Optional<NodeBox> box) {
        public GhostNode {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(box, "box");
        }
    }

    /**
     * An edge that exists only before the change.
     *
     * @param edge  the before side's edge
     * @param route how it was drawn before, if laid out
     * @param label the mark's words, e.g. "−1" for a removed first failover candidate
     */
    public record GhostEdge(Edge edge, Optional<EdgeRoute> route, String label) {
        public GhostEdge {
            Objects.requireNonNull(edge, "edge");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(label, "label");
        }
    }
}
