package dev.failscope.ui.viewmodel;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.ui.viewmodel.DiffOverlay.GhostEdge;
import dev.failscope.ui.viewmodel.DiffOverlay.GhostNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ghosts of a {@link DiffOverlay} go in the layout on screen. A removed vertex keeps its before-side
 * position when that spot is free in the after layout; otherwise it goes to a "removed by this change" strip
 * under the graph. A removed edge keeps its before-side route when both ends sit where they sat before
 * (shifted alike), else it is a straight line between its ends. Pure.
 *
 * @param ghosts where each ghost vertex is drawn, by {@link DiffOverlay#key(Node)}
 * @param lines  the removed edges that could be drawn (both ends on screen or ghosts)
 * @param strip  the strip's area when some ghost went there
 */
public record DiffGeometry(Map<Node, Box> ghosts, List<GhostLine> lines, Optional<Box> strip) {
    static final double GAP = 24;
    private static final double STRIP_HEADER = 30;

    public DiffGeometry {
        ghosts = Map.copyOf(ghosts);
        lines = List.copyOf(lines);
    }

    /** A removed edge as drawn: a polyline (arrow head at the end) and where its "−" label goes. */
    public record GhostLine(GhostEdge ghost, List<Point> points, Point label) {
        public GhostLine {
            points = List.copyOf(points);
        }
    }

    public static DiffGeometry of(DiffOverlay overlay, Layout after) {
        Map<Node, Box> placed = new HashMap<>();
        List<GhostNode> toStrip = new ArrayList<>();
        for (GhostNode g : overlay.ghosts()) {
            Optional<Box> was = g.box().map(NodeBox::box);
            if (was.isPresent() && free(after, placed, was.get(), g.node().kind() == NodeKind.SERVER)) {
                placed.put(DiffOverlay.key(g.node()), was.get());
            } else {
                toStrip.add(g);
            }
        }
        Optional<Box> strip = strip(after, toStrip, placed);
        List<GhostLine> lines = new ArrayList<>();
        for (GhostEdge e : overlay.ghostEdges()) {
            line(overlay.before(), after, placed, e).ifPresent(lines::add);
        }
        return new DiffGeometry(placed, lines, strip);
    }

    /** The ghost box of a vertex, if it has one. */
    public Optional<Box> ghost(Node node) {
        return Optional.ofNullable(ghosts.get(DiffOverlay.key(node)));
    }

    /** The layout's bounds grown to hold the strip (what "fit" should show in diff mode). */
    public Box bounds(Layout after) {
        return strip.map(s -> after.bounds().union(s)).orElse(after.bounds());
    }

    /** Free: inside the layout, over no box (a server ghost may sit inside a cluster box), over no ghost. */
    private static boolean free(Layout after, Map<Node, Box> placed, Box b, boolean server) {
        Box g = b.grow(6);
        if (!after.bounds().contains(b)) {
            return false;
        }
        if (after.nodesIn(g.x(), g.y(), g.width(), g.height()).stream()
                .anyMatch(n -> !server || n.role() != dev.failscope.layout.NodeRole.CLUSTER)) {
            return false;
        }
        return placed.values().stream().noneMatch(p -> p.intersects(g.x(), g.y(), g.width(), g.height()));
    }

    private static Optional<Box> strip(Layout after, List<GhostNode> ghosts, Map<Node, Box> placed) {
        if (ghosts.isEmpty()) {
            return Optional.empty();
        }
        Box bounds = after.bounds();
        // as wide as the graph, or wider when many ghosts would make a tall column: roughly square then
        double area = ghosts.stream().mapToDouble(g -> size(g).width() * size(g).height() * 1.6).sum();
        double width = Math.max(Math.max(bounds.width(), 640), Math.sqrt(area) * 1.3);
        double top = bounds.maxY() + GAP * 2;
        double x = bounds.x() + GAP / 2;
        double y = top + STRIP_HEADER;
        double row = 0;
        double right = x;
        for (GhostNode g : ghosts) {
            Box size = size(g);
            double w = Math.min(size.width(), width - GAP);
            double h = Math.min(size.height(), 400);
            if (x + w > bounds.x() + width && x > bounds.x() + GAP) {
                x = bounds.x() + GAP / 2;
                y += row + GAP;
                row = 0;
            }
            placed.put(DiffOverlay.key(g.node()), new Box(x, y, w, h));
            x += w + GAP;
            right = Math.max(right, x);
            row = Math.max(row, h);
        }
        return Optional.of(new Box(bounds.x(), top, Math.max(right - bounds.x(), 320), y + row + GAP / 2 - top));
    }

    private static Box size(GhostNode g) {
        return g.box().map(NodeBox::box).orElse(defaultBox(g.node()));
    }

    private static Box defaultBox(Node node) {
        return node.kind() == NodeKind.CLUSTER ? new Box(0, 0, 260, 120) : new Box(0, 0, 180, 48);
    }

    private static Optional<GhostLine> line(Layout before, Layout after, Map<Node, Box> placed, GhostEdge g) {
        Optional<Box> from = end(after, placed, g.edge().from());
        Optional<Box> to = end(after, placed, g.edge().to());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Optional<GhostLine> shifted = shifted(before, after, g, from.get(), to.get());
        if (shifted.isPresent()) {
            return shifted;
        }
        Point a = border(from.get(), to.get().centerX(), to.get().centerY());
        Point b = border(to.get(), from.get().centerX(), from.get().centerY());
        return Optional.of(new GhostLine(g, List.of(a, b), new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)));
    }

    /** The before route moved by the same offset as both its ends, when they moved alike. */
    private static Optional<GhostLine> shifted(Layout before, Layout after, GhostEdge g, Box from, Box to) {
        if (g.route().isEmpty() || before == null) {
            return Optional.empty();
        }
        Optional<Box> wasFrom = before.box(g.edge().from()).map(NodeBox::box);
        Optional<Box> wasTo = before.box(g.edge().to()).map(NodeBox::box);
        if (wasFrom.isEmpty() || wasTo.isEmpty() || !sameSize(wasFrom.get(), from) || !sameSize(wasTo.get(), to)) {
            return Optional.empty();
        }
        double dx = from.x() - wasFrom.get().x();
        double dy = from.y() - wasFrom.get().y();
        if (Math.abs(to.x() - wasTo.get().x() - dx) > 0.5 || Math.abs(to.y() - wasTo.get().y() - dy) > 0.5) {
            return Optional.empty();
        }
        EdgeRoute r = g.route().get();
        List<Point> points = r.points().stream().map(p -> new Point(p.x() + dx, p.y() + dy)).toList();
        return Optional.of(new GhostLine(g, points, new Point(r.label().x() + dx, r.label().y() + dy)));
    }

    private static boolean sameSize(Box a, Box b) {
        return Math.abs(a.width() - b.width()) < 0.5 && Math.abs(a.height() - b.height()) < 0.5;
    }

    private static Optional<Box> end(Layout after, Map<Node, Box> placed, Node node) {
        Box ghost = placed.get(DiffOverlay.key(node));
        if (ghost != null) {
            return Optional.of(ghost);
        }
        return after.box(node.kind(), node.name()).map(NodeBox::box);
    }

    /** Where the line from the box's centre towards (tx, ty) leaves the box. */
    static Point border(Box b, double tx, double ty) {
        double cx = b.centerX();
        double cy = b.centerY();
        double dx = tx - cx;
        double dy = ty - cy;
        if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) {
            return new Point(cx, b.y());
        }
        double s = Math.min(dx == 0 ? Double.POSITIVE_INFINITY : b.width() / 2 / Math.abs(dx),
                dy == 0 ? Double.POSITIVE_INFINITY : b.height() / 2 / Math.abs(dy));
        s = Math.min(s, 1);
        return new Point(cx + dx * s, cy + dy * s);
    }
}
