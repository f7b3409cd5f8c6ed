package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import java.util.List;

/** Small geometry helpers of the scene. */
public final class Geometry {
    private Geometry() {}

    public static Box bounds(List<Point> pts) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : pts) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }

    /** The segments of 45° hatching clipped to a box, as (x1, y1, x2, y2) quadruples. */
    public static double[] hatch(Box b, double spacing) {
        double w = b.width();
        double h = b.height();
        int n = (int) Math.ceil((w + h) / spacing) + 1;
        double[] out = new double[4 * n];
        int k = 0;
        for (double d = -h; d < w; d += spacing) {
            double t0 = Math.max(0, -d);
            double t1 = Math.min(h, w - d);
            if (t0 < t1) {
                out[k++] = b.x() + d + t0;
                out[k++] = b.maxY() - t0;
                out[k++] = b.x() + d + t1;
                out[k++] = b.maxY() - t1;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
