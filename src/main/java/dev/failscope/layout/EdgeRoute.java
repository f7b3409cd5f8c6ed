package dev.failscope.layout;

import dev.failscope.model.Edge;
import java.util.List;
import java.util.Objects;

/**
 * How one graph edge is drawn: a polyline from the source box border to the target box border.
 *
 * @param edge   the edge
 * @param points at least two points, first at the source and last at the target (draw the arrow head there)
 * @param label  where to centre the edge's label (failover order, replication lag)
 * @param bounds the polyline's bounding box
 */
public record EdgeRoute(Edge edge, List<Point> points, Point label, Box bounds) {
    public EdgeRoute {
        Objects.requireNonNull(edge, "edge");
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("a route needs two points: " + edge);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(bounds, "bounds");
    }

    public EdgeRoute(Edge edge, List<Point> points, Point label) {
        this(edge, points, label, boundsOf(points));
    }

    public Point start() {
        return points.get(0);
    }

    public Point end() {
        return points.get(points.size() - 1);
    }

    static Box boundsOf(List<Point> points) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
