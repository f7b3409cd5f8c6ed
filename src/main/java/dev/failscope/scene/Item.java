package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import java.util.List;
import java.util.Objects;

/**
 * One drawing primitive in layout coordinates. Backends translate each kind mechanically; every decision about
 * what it means was taken when the scene was built. Stroke widths, dashes and font sizes are in layout units
 * too (the builder divides screen-constant sizes by the scale).
 */
public sealed interface Item {
    /** The rectangle the item covers (for culling and overlap tests). */
    Box bounds();

    /**
     * A rectangle with rounded corners ({@code corner} is the arc's diameter; at the height it is a pill).
     * {@code fill} or {@code stroke} may be {@link Style#NONE}.
     */
    record Rect(Box box, double corner, Style fill, Style stroke, double width, Dash dash) implements Item {
        public Rect {
            Objects.requireNonNull(box);
            Objects.requireNonNull(fill);
            Objects.requireNonNull(stroke);
            Objects.requireNonNull(dash);
        }

        @Override
        public Box bounds() {
            return box;
        }
    }

    /** A circle. */
    record Disc(double cx, double cy, double r, Style fill, Style stroke, double width) implements Item {
        @Override
        public Box bounds() {
            return new Box(cx - r, cy - r, 2 * r, 2 * r);
        }
    }

    /** A closed polygon (triangles, crowns). */
    record Poly(List<Point> points, Style fill, Style stroke, double width) implements Item {
        public Poly {
            points = List.copyOf(points);
        }

        @Override
        public Box bounds() {
            return Geometry.bounds(points);
        }
    }

    /** A polyline, with a filled arrow head of {@code arrow} units at its end (0: none). */
    record Line(List<Point> points, Style stroke, double width, Dash dash, double arrow) implements Item {
        public Line {
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException("a line needs two points");
            }
        }

        @Override
        public Box bounds() {
            return Geometry.bounds(points);
        }
    }

    /**
     * One line of text, already fitted (and made visible: control characters from configs are escaped), its
     * vertical centre at {@code y}, anchored at {@code x} by {@code align}. {@code width} is its estimated width.
     */
    record Text(String text, double x, double y, Align align, double size, boolean bold, Style ink, double width)
            implements Item {
        public Text {
            Objects.requireNonNull(text);
            Objects.requireNonNull(align);
            Objects.requireNonNull(ink);
        }

        @Override
        public Box bounds() {
            double left = switch (align) {
                case LEFT -> x;
                case CENTER -> x - width / 2;
                case RIGHT -> x - width;
            };
            return new Box(left, y - size * 0.6, width, size * 1.2);
        }
    }

    /** 45° hatching inside a box, lines {@code spacing} apart. */
    record Hatch(Box box, Style ink, double spacing, double width) implements Item {
        @Override
        public Box bounds() {
            return box;
        }
    }
}
