package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.ui.viewmodel.GraphOverlay;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The drawing state of one frame and the primitives {@link GraphPainter} builds on: pixel-constant sizes, text,
 * pills, arrow heads, and the simulation marks (failed, promoted, skipped, re-pointed).
 */
abstract class PainterBase {
    static final Font NAME = Font.font("System", FontWeight.BOLD, 13);
    static final Font SMALL = Font.font("System", 11);
    static final Font SMALL_BOLD = Font.font("System", FontWeight.BOLD, 11);

    GraphicsContext gc;
    Palette p;
    double scale;
    GraphOverlay overlay;

    double px(double pixels) {
        return pixels / scale;
    }

    boolean labels() {
        return scale >= GraphPainter.LABELS;
    }

    /**
     * Between {@link GraphPainter#NAMES} and {@link GraphPainter#LABELS}: too small for full labels, but a name alone,
     * drawn at a legible on-screen size, still fits its box. Reviewers read names before anything else.
     */
    boolean namesOnly() {
        return !labels() && scale >= GraphPainter.NAMES;
    }

    /** The name centred in its box at about 9 pixels on screen, if it fits the box's height. */
    void compactName(String name, Box b, Color color) {
        double size = Math.min(px(9.5), b.height() * 0.62);
        if (compactFont == null || compactFont.getSize() != size) {
            compactFont = Font.font("System", FontWeight.BOLD, size); // one size per frame and box height
        }
        text(fit(name, b.width() - px(6), size), b.centerX(), b.centerY(), compactFont, color, TextAlignment.CENTER);
    }

    private Font compactFont;

    boolean simple() {
        return scale < GraphPainter.SIMPLE;
    }

    void simulation(NodeBox nb, boolean failed) {
        Box b = nb.box();
        String name = nb.node().name();
        if (failed) {
            gc.setStroke(p.danger());
            gc.setLineWidth(px(3));
            gc.strokeLine(b.x() + 4, b.y() + 4, b.maxX() - 4, b.maxY() - 4);
            gc.strokeLine(b.maxX() - 4, b.y() + 4, b.x() + 4, b.maxY() - 4);
        }
        String reason = overlay.skipped().get(name);
        if (reason != null && labels() && !overlay.isTrying(name)) {
            callout(reason, b);
        }
    }

    /** The tag of a single point of failure (found by the sweep). */
    public static final String SPOF_TAG = "⚠ SPOF";

    /**
     * A single point of failure: a thick red ring outside the box at every level of detail (so it stands out in
     * a fleet at Fit), and the tag on the box's bottom-right edge when labels are shown.
     */
    void spof(Box b) {
        double g = simple() ? px(2) : 5;
        gc.setStroke(p.danger());
        gc.setLineWidth(px(simple() ? 2 : 3));
        gc.strokeRoundRect(b.x() - g, b.y() - g, b.width() + 2 * g, b.height() + 2 * g, 14, 14);
        if (labels()) {
            pill(SPOF_TAG, b.maxX() - 4, b.maxY() + 2, p.danger(), Color.WHITE, true);
        }
    }

    /** The tag of a node where the running cluster differs from the config (failscope drift). */
    public static final String DRIFT_TAG = "≠ DRIFT";

    /**
     * Drift: a dashed ring outside the box (dashes, not colour alone, tell it from a SPOF ring), and the tag on
     * the box's top-right edge when labels are shown.
     */
    void drift(Box b) {
        double g = simple() ? px(3) : 9;
        gc.setStroke(p.warning());
        gc.setLineWidth(px(simple() ? 2 : 3));
        gc.setLineDashes(px(6), px(4));
        gc.strokeRoundRect(b.x() - g, b.y() - g, b.width() + 2 * g, b.height() + 2 * g, 16, 16);
        gc.setLineDashes((double[]) null);
        if (labels()) {
            pill(DRIFT_TAG, b.maxX() - 4, b.y() - 14, p.warning(), Color.BLACK, true);
        }
    }

    /** Replication edges that moved to a promoted primary: drawn from the new primary to the replica. */
    void repointed(Layout layout) {
        overlay.repointed().forEach((replica, source) -> {
            var to = layout.box(dev.failscope.model.NodeKind.SERVER, replica);
            var from = layout.box(dev.failscope.model.NodeKind.SERVER, source);
            if (to.isEmpty() || from.isEmpty()) {
                return;
            }
            Box a = from.get().box();
            Box b = to.get().box();
            Point start = new Point(a.centerX(), a.centerY() < b.centerY() ? a.maxY() : a.y());
            Point end = new Point(b.centerX(), a.centerY() < b.centerY() ? b.y() : b.maxY());
            if (Math.abs(a.centerY() - b.centerY()) < 1) {
                start = new Point(a.centerX() < b.centerX() ? a.maxX() : a.x(), a.centerY());
                end = new Point(a.centerX() < b.centerX() ? b.x() : b.maxX(), b.centerY());
            }
            gc.setStroke(p.ok());
            gc.setLineWidth(px(2.5));
            gc.strokeLine(start.x(), start.y(), end.x(), end.y());
            arrow(start, end, p.ok());
            if (labels()) {
                text("↪ re-pointed", (start.x() + end.x()) / 2, (start.y() + end.y()) / 2 - 8, SMALL_BOLD, p.ok(),
                        TextAlignment.CENTER);
            }
        });
    }

    void callout(String message, Box b) {
        String msg = "✖ " + message;
        double w = msg.length() * 6.6 + 16;
        double x = b.centerX() - w / 2;
        double y = b.maxY() + 8;
        gc.setFill(p.dangerFill());
        gc.fillRoundRect(x, y, w, 22, 8, 8);
        gc.setStroke(p.danger());
        gc.setLineWidth(px(1.5));
        gc.strokeRoundRect(x, y, w, 22, 8, 8);
        gc.strokeLine(b.centerX(), y, b.centerX(), b.maxY());
        text(msg, b.centerX(), y + 11, SMALL_BOLD, p.danger(), TextAlignment.CENTER);
    }

    void arrow(Point from, Point to, Color color) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double size = 9;
        double bx = to.x() - ux * size;
        double by = to.y() - uy * size;
        gc.setFill(color);
        gc.fillPolygon(new double[] {to.x(), bx - uy * size * 0.5, bx + uy * size * 0.5},
                new double[] {to.y(), by + ux * size * 0.5, by - ux * size * 0.5}, 3);
    }

    /** A small rounded label; left-aligned at x (or right-aligned when {@code right}); returns its width. */
    double pill(String t, double x, double cy, Color fill, Color ink, boolean right) {
        double w = pillWidth(t);
        double left = right ? x - w : x;
        gc.setFill(fill);
        gc.fillRoundRect(left, cy - 8, w, 16, 16, 16);
        text(t, left + w / 2, cy, SMALL_BOLD, ink, TextAlignment.CENTER);
        return w;
    }

    static double pillWidth(String t) {
        return t.length() * 6.6 + 10;
    }

    void text(String t, double x, double y, Font font, Color color, TextAlignment align) {
        gc.setFont(font);
        gc.setFill(color);
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t, x, y);
    }

    /**
     * 45° hatching inside the box. Each line is clipped to the box by arithmetic: a clip path would make the
     * software pipeline rasterise a mask per box, which costs more than the rest of a zoomed-in frame.
     */
    void hatch(Box b) {
        gc.setStroke(p.hatch().deriveColor(0, 1, 1, 0.55));
        gc.setLineWidth(px(1));
        double w = b.width();
        double h = b.height();
        for (double d = -h; d < w; d += 10) {
            double t0 = Math.max(0, -d);
            double t1 = Math.min(h, w - d);
            if (t0 < t1) {
                gc.strokeLine(b.x() + d + t0, b.maxY() - t0, b.x() + d + t1, b.maxY() - t1);
            }
        }
    }

    /**
     * Shortens text to roughly fit a width, with an ellipsis in the middle: names in a fleet differ at their
     * ends ({@code mysql-accounts-1}, {@code mysql-accounts-2}), so the end stays ({@code mysql-…nts-2}).
     */
    static String fit(String t, double width, double fontSize) {
        int max = (int) Math.max(3, width / (fontSize * 0.58));
        if (t.length() <= max) {
            return t;
        }
        int keep = max - 1;
        int tail = Math.max(1, keep * 2 / 5);
        int head = Math.max(1, keep - tail);
        return t.substring(0, head) + "…" + t.substring(t.length() - tail);
    }
}
