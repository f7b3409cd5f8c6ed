package dev.failscope.ui.viewmodel;

import dev.failscope.layout.Layout;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the graph view draws for one topology: the core layout, the prepared scene model (what each frame's
 * {@link dev.failscope.scene.Scene} is built from) and each element's tooltip facts, computed once in the
 * background so that a frame only reads maps.
 */
public record GraphScene(Topology topology, Layout layout, Map<Node, NodeLook> nodes, Map<Edge, EdgeLook> edges,
                         dev.failscope.scene.SceneModel model) {
    public GraphScene {
        Objects.requireNonNull(topology);
        Objects.requireNonNull(layout);
        nodes = Map.copyOf(nodes);
        edges = Map.copyOf(edges);
        Objects.requireNonNull(model);
    }

    /** Without findings for the scene's badges. */
    public GraphScene(Topology topology, Layout layout, Map<Node, NodeLook> nodes, Map<Edge, EdgeLook> edges) {
        this(topology, layout, nodes, edges, new dev.failscope.scene.SceneModel(topology, layout, List.of()));
    }

    public NodeLook look(Node node) {
        return nodes.getOrDefault(node, NodeLook.PLAIN);
    }

    public EdgeLook look(Edge edge) {
        return edges.getOrDefault(edge, new EdgeLook(edge.kind(), false, false, false, ""));
    }

    /**
     * How a vertex looks.
     *
     * @param subtitle       second line (zone and address; engine for clusters)
     * @param badges         text badges such as "MAINT", "NO-FAILOVER"
     * @param decommissioned hatched, struck through, "decommissioned" underneath
     * @param ghost          a missing placeholder: dashed outline, "missing: NAME"
     * @param worst          the most severe finding on it, or null
     * @param findings       how many findings mention it
     * @param tooltip        the key facts, one per line
     */
    public record NodeLook(String subtitle, List<String> badges, boolean decommissioned, boolean ghost,
                           Severity worst, int findings, String tooltip) {
        public static final NodeLook PLAIN = new NodeLook("", List.of(), false, false, null, 0, "");

        public NodeLook {
            Objects.requireNonNull(subtitle);
            badges = List.copyOf(badges);
            Objects.requireNonNull(tooltip);
        }
    }

    /**
     * How an edge looks.
     *
     * @param kind     the relation
     * @param broken   drawn red: a failover edge to a candidate that cannot be promoted
     * @param dangling a failover edge to a missing server: red and marked ✖
     * @param strong   a sync replication edge (drawn thicker)
     * @param label    the failover order, a replication lag, or ""
     */
    public record EdgeLook(EdgeKind kind, boolean broken, boolean dangling, boolean strong, String label) {
        public EdgeLook {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(label);
        }
    }
}
