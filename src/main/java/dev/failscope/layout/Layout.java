package dev.failscope.layout;

import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The positions of a whole topology, in plain doubles, plus spatial queries for viewport culling and hit
 * testing. Immutable; see {@link TopologyLayout} for what is where.
 */
public final class Layout {
    private static final double CELL = 256;

    private final Box bounds;
    private final Box serviceBand;
    private final List<Lane> lanes;
    private final List<NodeBox> nodes;
    private final List<EdgeRoute> edges;
    private final Map<Node, NodeBox> byNode;
    private final Map<Edge, EdgeRoute> byEdge;
    private final GridIndex nodeIndex;
    private final GridIndex edgeIndex;

    Layout(Box bounds, Box serviceBand, List<Lane> lanes, List<NodeBox> nodes, List<EdgeRoute> edges) {
        this.bounds = bounds;
        this.serviceBand = serviceBand;
        this.lanes = List.copyOf(lanes);
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        Map<Node, NodeBox> nb = new HashMap<>();
        this.nodes.forEach(n -> nb.put(n.node(), n));
        this.byNode = Collections.unmodifiableMap(nb);
        Map<Edge, EdgeRoute> eb = new HashMap<>();
        this.edges.forEach(e -> eb.put(e.edge(), e));
        this.byEdge = Collections.unmodifiableMap(eb);
        this.nodeIndex = GridIndex.of(bounds, this.nodes.stream().map(NodeBox::box).toList(), CELL);
        this.edgeIndex = segmentIndex(bounds, this.edges);
    }

    /** Everything drawn (lanes, boxes, routes), without margin; starts at (0,0). */
    public Box bounds() {
        return bounds;
    }

    /** The band above the lanes that holds the services (zero height when there are none). */
    public Box serviceBand() {
        return serviceBand;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Every vertex's box in drawing order: cluster boxes first (underneath), then servers, then services. */
    public List<NodeBox> nodes() {
        return nodes;
    }

    /** Every edge's route, in graph order. */
    public List<EdgeRoute> edges() {
        return edges;
    }

    public Optional<NodeBox> box(Node node) {
        return Optional.ofNullable(byNode.get(node));
    }

    /** The box of a declared or missing vertex of that kind and name. */
    public Optional<NodeBox> box(NodeKind kind, String name) {
        NodeBox declared = byNode.get(new Node(kind, name, false));
        return declared != null ? Optional.of(declared) : box(new Node(kind, name, true));
    }

    public Optional<EdgeRoute> route(Edge edge) {
        return Optional.ofNullable(byEdge.get(edge));
    }

    /** Boxes meeting the rectangle, in drawing order. Uses a grid index: cost grows with the hits only. */
    public List<NodeBox> nodesIn(double x, double y, double w, double h) {
        List<NodeBox> out = new ArrayList<>();
        for (int id : nodeIndex.candidateList(x, y, w, h)) {
            NodeBox n = nodes.get(id);
            if (n.box().intersects(x, y, w, h)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Routes with a segment whose bounding box meets the rectangle, in graph order. Segments are indexed one by
     * one, so a long route is found only where it actually runs.
     */
    public List<EdgeRoute> edgesIn(double x, double y, double w, double h) {
        List<EdgeRoute> out = new ArrayList<>();
        for (int id : edgeIndex.candidateList(x, y, w, h)) {
            EdgeRoute e = edges.get(id);
            if (meets(e, x, y, w, h)) {
                out.add(e);
            }
        }
        return out;
    }

    /** True when some segment's bounding box of the route meets the rectangle. */
    public static boolean meets(EdgeRoute e, double x, double y, double w, double h) {
        if (!e.bounds().intersects(x, y, w, h)) {
            return false;
        }
        List<Point> p = e.points();
        for (int i = 1; i < p.size(); i++) {
            if (segment(p.get(i - 1), p.get(i)).intersects(x, y, w, h)) {
                return true;
            }
        }
        return false;
    }

    private static Box segment(Point a, Point b) {
        return new Box(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.abs(a.x() - b.x()),
                Math.abs(a.y() - b.y()));
    }

    private static GridIndex segmentIndex(Box bounds, List<EdgeRoute> edges) {
        List<Box> segments = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            List<Point> p = edges.get(i).points();
            for (int k = 1; k < p.size(); k++) {
                segments.add(segment(p.get(k - 1), p.get(k)));
                owners.add(i);
            }
        }
        return GridIndex.of(bounds, segments, owners.stream().mapToInt(Integer::intValue).toArray(), edges.size(),
                CELL);
    }

    /** The topmost box under the point: a server or service before the cluster box around it. */
    public Optional<NodeBox> nodeAt(double x, double y) {
        List<NodeBox> hits = nodesIn(x, y, 0, 0);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(hits.size() - 1));
    }

    /** The lane under the point, if any. */
    public Optional<Lane> laneAt(double x, double y) {
        for (Lane lane : lanes) {
            if (lane.bounds().contains(x, y)) {
                return Optional.of(lane);
            }
        }
        return Optional.empty();
    }
}
