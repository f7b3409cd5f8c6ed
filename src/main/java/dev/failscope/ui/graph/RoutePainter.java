package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.NodeBox;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.GraphScene.EdgeLook;
import dev.failscope.ui.viewmodel.GraphScene.NodeLook;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Draws a route (pooler, proxy, connection string) on the canvas: a slanted box in the band between services
 * and clusters, and during a simulation the route's state from the overlay: "✔ FOLLOWING db-replica-1" or
 * "✖ PINNED → db-main-1". What state a route is in is decided by the simulation (RouteState), not here.
 */
final class RoutePainter {
    private static final Color ROUTE = Color.web("#2c7a7b");
    private static final Font NAME = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SMALL = Font.font("System", 11);
    private static final Font SMALL_BOLD = Font.font("System", FontWeight.BOLD, 11);

    /** Rows {@link #legendRows} adds to the legend. */
    static final int LEGEND_ROWS = 2;

    private RoutePainter() {}

    /** The legend's routing rows below {@code ry}; returns the y of the last row drawn. */
    static double legendRows(GraphicsContext gc, Palette p, double sx, double tx, double ry, boolean simulation) {
        double y = ry + 20;
        double[] xs = {sx + 8, sx + 46, sx + 38, sx};
        double[] ys = {y - 7, y - 7, y + 7, y + 7};
        gc.setStroke(ROUTE);
        gc.setLineWidth(1.5);
        gc.strokePolygon(xs, ys, 4);
        legendText(gc, p, simulation ? "route; ✖ PINNED / ✔ FOLLOWING in a run" : "route: pooler, proxy, client URL",
                tx, y);
        y += 20;
        gc.setStroke(p.danger());
        gc.setLineWidth(2.2);
        gc.strokeLine(sx, y, sx + 46, y);
        legendText(gc, p, "route to a missing / decommissioned server", tx, y);
        return y;
    }

    private static void legendText(GraphicsContext gc, Palette p, String t, double x, double y) {
        gc.setFont(Font.font("System", 11.5));
        gc.setFill(p.text());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t, x, y);
    }

    static Color edgeColor(Palette p, EdgeLook look, GraphOverlay overlay) {
        return look.broken() ? p.danger() : ROUTE;
    }

    /**
     * @param detail false below the label scale: the shape only
     */
    static void paint(GraphicsContext gc, Palette p, NodeBox nb, NodeLook look, GraphOverlay overlay, double px,
                      boolean detail) {
        Box b = nb.box();
        GraphOverlay.RouteLook state = overlay.routes().get(nb.node().name());
        boolean stuck = state != null && !state.following();
        double slant = 10;
        double[] xs = {b.x() + slant, b.maxX(), b.maxX() - slant, b.x()};
        double[] ys = {b.y(), b.y(), b.maxY(), b.maxY()};
        gc.setFill(stuck ? p.dangerFill() : p.background());
        gc.fillPolygon(xs, ys, 4);
        gc.setStroke(nb.node().missing() || stuck ? p.danger() : ROUTE);
        gc.setLineWidth(px * (stuck ? 2.5 : 1.5));
        if (nb.node().missing()) {
            gc.setLineDashes(6 * px, 4 * px);
        }
        gc.strokePolygon(xs, ys, 4);
        gc.setLineDashes();
        if (!detail) {
            return;
        }
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(NAME);
        gc.setFill(p.text());
        String name = nb.node().missing() ? "missing: " + nb.node().name() : "⇄ " + nb.node().name();
        gc.fillText(name, b.x() + 16, b.y() + 15, b.width() - 28);
        gc.setFont(SMALL);
        gc.setFill(p.subText());
        gc.fillText(nb.node().missing() ? "not declared anywhere" : look.subtitle(), b.x() + 16, b.y() + 31,
                b.width() - 28);
        if (state != null) {
            String label = state.server() == null ? state.state().toUpperCase(java.util.Locale.ROOT)
                    : state.following() ? "✔ FOLLOWING " + state.server()
                    : "✖ " + state.state().toUpperCase(java.util.Locale.ROOT) + " → " + state.server();
            double w = label.length() * 6.6 + 12;
            gc.setFill(state.following() ? p.ok() : p.danger());
            gc.fillRoundRect(b.x() + 12, b.maxY() + 3, w, 18, 18, 18);
            gc.setFont(SMALL_BOLD);
            gc.setFill(Color.WHITE);
            gc.fillText(label, b.x() + 18, b.maxY() + 12);
        }
    }
}
