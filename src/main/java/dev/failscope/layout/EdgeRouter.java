package dev.failscope.layout;

import static dev.failscope.layout.LayoutMetrics.CLUSTER_HEADER;
import static dev.failscope.layout.LayoutMetrics.CLUSTER_PAD;
import static dev.failscope.layout.LayoutMetrics.LANE_PAD;

import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes every edge between the boxes already placed. Replication runs orthogonally down from source to
 * replica; failover leaves its cluster's title strip towards the candidate; dependencies drop from a service
 * to a bus under the service band, then down onto the target's top edge, spread across it.
 */
final class EdgeRouter {
    private final Map<Node, NodeBox> boxes;
    private final List<NodeBox> placed;
    private final GridIndex index;
    private final double[] gutters;
    private final double busTop;
    private final double routeBusTop;
    private final Map<Edge, Double> dependencyX = new HashMap<>();
    private final Map<Node, Integer> serviceRank = new HashMap<>();

    /**
     * @param gutters x of the left edge of each wrap group's first lane, ascending: a strip of
     *                {@link LayoutMetrics#LANE_PAD} there holds no box
     */
    EdgeRouter(Map<Node, NodeBox> boxes, Box area, double[] gutters, double busTop, double routeBusTop,
               List<Edge> dependencies) {
        this.boxes = boxes;
        this.placed = boxes.values().stream()
                .sorted(java.util.Comparator.comparingDouble((NodeBox n) -> n.box().y())
                        .thenComparingDouble(n -> n.box().x()))
                .toList();
        this.index = GridIndex.of(area, placed.stream().map(NodeBox::box).toList(), 256);
        this.gutters = gutters;
        this.busTop = busTop;
        this.routeBusTop = routeBusTop;
        spreadDependencies(dependencies);
    }

    EdgeRoute route(Edge e) {
        Box from = boxes.get(e.from()).box();
        Box to = boxes.get(e.to()).box();
        return switch (e.kind()) {
            case REPLICATION -> replication(e, from, to);
            case FAILOVER -> failover(e, from, to);
            case MEMBERSHIP -> membership(e, from, to);
            case DEPENDENCY, ROUTING -> dependency(e, from, to);
        };
    }

    private EdgeRoute replication(Edge e, Box s, Box r) {
        if (r.y() < s.maxY() || s == r) {
            return straight(e, s, r, 0.5);
        }
        double midY = r.y() - LayoutMetrics.LAYER_GAP / 2;
        List<Point> pts = orthogonal(new Point(s.centerX(), s.maxY()), new Point(s.centerX(), midY),
                new Point(r.centerX(), midY), new Point(r.centerX(), r.y()));
        return new EdgeRoute(e, pts, lastSegmentPoint(pts, 0.5));
    }

    private EdgeRoute failover(Edge e, Box c, Box t) {
        double y0 = c.y() + CLUSTER_HEADER / 2;
        if (c.contains(t)) {
            return failoverInside(e, c, t);
        }
        if (t.x() >= c.maxX() || t.maxX() <= c.x()) {
            boolean right = t.x() >= c.maxX();
            double sx = right ? c.maxX() : c.x();
            double ex = right ? t.x() : t.maxX();
            if (y0 >= t.y() + 4 && y0 <= t.maxY() - 4) {
                return withEndLabel(e, List.of(new Point(sx, y0), new Point(ex, y0)));
            }
            double mx = right ? ex - 10 : ex + 10;
            return withEndLabel(e, orthogonal(new Point(sx, y0), new Point(mx, y0), new Point(mx, t.centerY()),
                    new Point(ex, t.centerY())));
        }
        if (t.y() >= c.maxY() && t.centerX() > c.x() && t.centerX() < c.maxX()) {
            return withEndLabel(e, List.of(new Point(t.centerX(), c.maxY()), new Point(t.centerX(), t.y())));
        }
        return straight(e, c, t, 0.8);
    }

    /**
     * A candidate inside its cluster's box: down the box's inner right margin (clear of members), along the
     * gap just above the candidate's row, then onto its top edge near the right corner.
     */
    private static EdgeRoute failoverInside(Edge e, Box c, Box t) {
        double gx = c.maxX() - CLUSTER_PAD / 2;
        double gy = Math.max(c.y() + CLUSTER_HEADER, t.y() - 7);
        double tx = t.maxX() - 12;
        List<Point> pts = orthogonal(new Point(gx, c.y() + CLUSTER_HEADER), new Point(gx, gy),
                new Point(tx, gy), new Point(tx, t.y()));
        Point label = new Point(Math.min(gx - 9, tx + 14), gy);
        return new EdgeRoute(e, pts, label);
    }

    private EdgeRoute membership(Edge e, Box s, Box c) {
        if (c.contains(s)) {
            List<Point> pts = List.of(new Point(s.centerX(), s.y()), new Point(s.centerX(), c.y() + CLUSTER_HEADER));
            return new EdgeRoute(e, pts, lastSegmentPoint(pts, 0.5));
        }
        return straight(e, s, c, 0.5);
    }

    private EdgeRoute dependency(Edge e, Box svc, Box t) {
        double tx = dependencyX.getOrDefault(e, t.centerX());
        if (t.y() <= svc.maxY()) {
            return straight(e, svc, t, 0.8);
        }
        int rank = serviceRank.getOrDefault(e.from(), 0);
        double top0 = e.from().kind() == dev.failscope.model.NodeKind.ROUTE ? routeBusTop : busTop;
        double busY = Math.min(top0 + 10 + (rank % 6) * 6.0, t.y() - 4);
        Point top = new Point(svc.centerX(), svc.maxY());
        Point bus = new Point(svc.centerX(), busY);
        if (clear(tx, busY, t.y(), t)) {
            return withEndLabel(e, orthogonal(top, bus, new Point(tx, busY), new Point(tx, t.y())));
        }
        double gx = gutter(t.x());
        double approach = t.y() - 9;
        return withEndLabel(e, orthogonal(top, bus, new Point(gx, busY), new Point(gx, approach),
                new Point(tx, approach), new Point(tx, t.y())));
    }

    /** True when a vertical line at x from y0 down to y1 meets no box but the target. */
    private boolean clear(double x, double y0, double y1, Box target) {
        for (int id : index.candidateList(x, y0, 0, y1 - y0)) {
            Box b = placed.get(id).box();
            if (b != target && b.x() < x && b.maxX() > x && b.y() < y1 && b.maxY() > y0) {
                return false;
            }
        }
        return true;
    }

    /** The free strip at the left of the wrap group holding x. */
    private double gutter(double x) {
        double g = gutters.length == 0 ? x : gutters[0];
        for (double left : gutters) {
            if (left <= x) {
                g = left;
            }
        }
        return g + LANE_PAD / 2;
    }

    /** Incoming dependency edges land spread over the target's top edge, ordered by their service's x. */
    private void spreadDependencies(List<Edge> dependencies) {
        Map<Node, List<Edge>> byTarget = new HashMap<>();
        for (Edge e : dependencies) {
            byTarget.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        List<Node> services = dependencies.stream().map(Edge::from).distinct()
                .sorted(Comparator.comparingDouble((Node n) -> boxes.get(n).box().x())
                        .thenComparingDouble(n -> boxes.get(n).box().y()))
                .toList();
        for (int i = 0; i < services.size(); i++) {
            serviceRank.put(services.get(i), i);
        }
        byTarget.forEach((target, edges) -> {
            edges.sort(Comparator.comparingDouble((Edge x) -> boxes.get(x.from()).box().centerX()));
            Box t = boxes.get(target).box();
            double inset = Math.min(24, t.width() / 4);
            double[] xs = landings(edges, t.x() + inset, t.maxX() - inset);
            for (int i = 0; i < edges.size(); i++) {
                dependencyX.put(edges.get(i), xs[i]);
            }
        });
    }

    /**
     * Landing x of each edge on the target's top edge: straight below its service when that lies over the
     * target, else as close as possible, at least {@code gap} apart, within [lo, hi].
     */
    private double[] landings(List<Edge> edges, double lo, double hi) {
        int k = edges.size();
        double gap = k > 1 ? Math.min(16, (hi - lo) / (k - 1)) : 0;
        double[] xs = new double[k];
        for (int i = 0; i < k; i++) {
            double sx = boxes.get(edges.get(i).from()).box().centerX();
            xs[i] = Math.max(lo, Math.min(hi, sx));
            if (i > 0) {
                xs[i] = Math.max(xs[i], xs[i - 1] + gap);
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            double limit = i == k - 1 ? hi : xs[i + 1] - gap;
            xs[i] = Math.max(lo, Math.min(xs[i], limit));
        }
        return xs;
    }

    private static EdgeRoute straight(Edge e, Box a, Box b, double labelAt) {
        Point ca = new Point(a.centerX(), a.centerY());
        Point cb = new Point(b.centerX(), b.centerY());
        Point start = a == b ? new Point(a.maxX(), a.centerY()) : clip(a, ca, cb);
        Point end = a == b ? new Point(a.maxX(), a.centerY() + 1) : clip(b, cb, ca);
        List<Point> pts = List.of(start, end);
        return new EdgeRoute(e, pts, lastSegmentPoint(pts, labelAt));
    }

    private static EdgeRoute withEndLabel(Edge e, List<Point> pts) {
        Point a = pts.get(pts.size() - 2);
        Point b = pts.get(pts.size() - 1);
        double len = Math.hypot(b.x() - a.x(), b.y() - a.y());
        double back = len > 44 ? 22 / len : 0.5;
        return new EdgeRoute(e, pts, new Point(b.x() + (a.x() - b.x()) * back, b.y() + (a.y() - b.y()) * back));
    }

    private static Point lastSegmentPoint(List<Point> pts, double f) {
        Point a = pts.get(pts.size() - 2);
        Point b = pts.get(pts.size() - 1);
        return new Point(a.x() + (b.x() - a.x()) * f, a.y() + (b.y() - a.y()) * f);
    }

    /** Drops repeated and collinear middle points. */
    private static List<Point> orthogonal(Point... pts) {
        List<Point> out = new ArrayList<>();
        for (Point p : pts) {
            if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
                continue;
            }
            if (out.size() >= 2 && collinear(out.get(out.size() - 2), out.get(out.size() - 1), p)) {
                out.set(out.size() - 1, p);
            } else {
                out.add(p);
            }
        }
        if (out.size() < 2) {
            out.add(out.get(0));
        }
        return out;
    }

    private static boolean collinear(Point a, Point b, Point c) {
        return (a.x() == b.x() && b.x() == c.x()) || (a.y() == b.y() && b.y() == c.y());
    }

    /** Where the segment from {@code inside} (in the box) to {@code outside} leaves the box. */
    static Point clip(Box box, Point inside, Point outside) {
        double dx = outside.x() - inside.x();
        double dy = outside.y() - inside.y();
        double t = 1;
        if (dx > 0) {
            t = Math.min(t, (box.maxX() - inside.x()) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (box.x() - inside.x()) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (box.maxY() - inside.y()) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (box.y() - inside.y()) / dy);
        }
        t = Math.max(0, t);
        return new Point(inside.x() + dx * t, inside.y() + dy * t);
    }
}
