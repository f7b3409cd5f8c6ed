package dev.failscope.scene;

import dev.failscope.diff.ChangeType;
import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a comparison marks on the graph of the side on screen: added ("+", green), changed ("~", amber) and
 * removed ("−", grey, dashed) elements, and ghosts of what exists only on the other side, already placed.
 * {@link #NONE} outside diff mode.
 *
 * @param nodes  marks by vertex key (kind and name, never missing: see {@link #key(Node)})
 * @param edges  marks by edge of this side
 * @param ghosts vertices that exist only on the other side, and where to draw them
 * @param lines  edges that exist only on the other side
 * @param strip  the box holding ghosts that found no room where they were, if any
 * @param selectedGhost a ghost to ring as selected (its change is selected), or null
 */
public record SceneDiff(Map<Node, Mark> nodes, Map<Edge, Mark> edges, Map<Node, Box> ghosts, List<GhostLine> lines,
                        Optional<Box> strip, Node selectedGhost) {
    public static final SceneDiff NONE = new SceneDiff(Map.of(), Map.of(), Map.of(), List.of(), Optional.empty(),
            null);

    public SceneDiff(Map<Node, Mark> nodes, Map<Edge, Mark> edges, Map<Node, Box> ghosts, List<GhostLine> lines,
                     Optional<Box> strip) {
        this(nodes, edges, ghosts, lines, strip, null);
    }

    public SceneDiff {
        nodes = Map.copyOf(nodes);
        edges = Map.copyOf(edges);
        ghosts = Map.copyOf(ghosts);
        lines = List.copyOf(lines);
        Objects.requireNonNull(strip);
    }

    public boolean active() {
        return !nodes.isEmpty() || !edges.isEmpty() || !ghosts.isEmpty() || !lines.isEmpty() || strip.isPresent();
    }

    public Optional<Mark> mark(Node node) {
        return Optional.ofNullable(nodes.get(key(node)));
    }

    /** Vertices are matched by kind and name: the key drops the missing flag. */
    public static Node key(Node node) {
        return node.missing() ? new Node(node.kind(), node.name(), false) : node;
    }

    /** How an element changed: the type and short words beside its mark ("order #2 → #1"). */
    public record Mark(ChangeType type, String label) {
        public Mark {
            Objects.requireNonNull(type);
            Objects.requireNonNull(label);
        }

        /** "+", "−" or "~" (a real minus sign, legible at small sizes). */
        public String symbol() {
            return type == ChangeType.REMOVED ? "\u2212" : type.mark();
        }
    }

    /** An edge that exists only on the other side: its path, where its label goes, and the label ("−1"). */
    public record GhostLine(List<Point> points, Point at, String label) {
        public GhostLine {
            points = List.copyOf(points);
            Objects.requireNonNull(at);
            Objects.requireNonNull(label);
        }
    }
}
