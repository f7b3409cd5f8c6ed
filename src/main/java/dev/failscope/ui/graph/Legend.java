package dev.failscope.ui.graph;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** The legend, drawn in screen pixels at the bottom left of the graph. */
final class Legend {
    private static final Font FONT = Font.font("System", 11.5);
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);

    private Legend() {}

    static void draw(GraphicsContext gc, Palette p, double viewH, boolean simulation, boolean spof) {
        draw(gc, p, viewH, simulation, spof, false, false);
    }

    /**
     * @param routes also the routing layer's rows (drawn by {@link #routeRows})
     * @param drift  also the drift mark's row (File → Connect…)
     */
    static void draw(GraphicsContext gc, Palette p, double viewH, boolean simulation, boolean spof,
                     boolean routes, boolean drift) {
        int rows = (simulation ? 12 : 8) + (spof ? 1 : 0) + (routes ? ROUTE_ROWS : 0) + (drift ? 1 : 0);
        double w = CanvasSceneWriter.LEGEND_WIDTH;
        double h = 30 + rows * 20;
        double x = 12;
        double y = viewH - h - 12;
        gc.setFill(p.legendFill());
        gc.fillRoundRect(x, y, w, h, 10, 10);
        gc.setStroke(p.serverStroke());
        gc.setLineWidth(1);
        gc.strokeRoundRect(x, y, w, h, 10, 10);
        text(gc, "Legend (L to hide)", x + 10, y + 14, TITLE, p.text());
        double ry = y + 36;
        double sx = x + 12;
        double tx = x + 70;
        // replication
        gc.setStroke(p.replication());
        gc.setLineWidth(1.5);
        gc.strokeLine(sx, ry, sx + 46, ry);
        text(gc, "replication (async, with lag)", tx, ry, FONT, p.text());
        ry += 20;
        gc.setLineWidth(3);
        gc.strokeLine(sx, ry, sx + 46, ry);
        text(gc, "sync replication (thicker)", tx, ry, FONT, p.text());
        ry += 20;
        gc.setStroke(p.failover());
        gc.setLineWidth(1.6);
        gc.setLineDashes(7, 5);
        gc.strokeLine(sx, ry, sx + 46, ry);
        gc.setLineDashes();
        text(gc, "failover candidate, numbered in order", tx, ry, FONT, p.text());
        ry += 20;
        gc.setStroke(p.danger());
        gc.setLineWidth(2.2);
        gc.setLineDashes(7, 5);
        gc.strokeLine(sx, ry, sx + 46, ry);
        gc.setLineDashes();
        text(gc, "✖ failover that cannot promote", tx, ry, FONT, p.danger());
        ry += 20;
        gc.setLineWidth(1.5);
        gc.setLineDashes(5, 3);
        gc.strokeRect(sx, ry - 7, 46, 14);
        gc.setLineDashes();
        text(gc, "missing: NAME (declared nowhere)", tx, ry, FONT, p.text());
        ry += 20;
        gc.setFill(p.decommFill());
        gc.fillRect(sx, ry - 7, 46, 14);
        gc.setStroke(p.hatch());
        gc.setLineWidth(1);
        for (int i = 0; i < 46; i += 7) {
            gc.strokeLine(sx + i, ry + 7, sx + Math.min(46, i + 14), ry - 7);
        }
        text(gc, "decommissioned (hatched, struck)", tx, ry, FONT, p.text());
        ry += 20;
        gc.setFill(p.warning());
        gc.fillRoundRect(sx, ry - 7, 46, 14, 14, 14);
        text(gc, "MAINT / NO-FAILOVER badges", tx, ry, FONT, p.text());
        ry += 20;
        gc.setFill(p.danger());
        gc.fillRoundRect(sx, ry - 8, 22, 16, 16, 16);
        gc.setFill(p.warning());
        gc.fillRoundRect(sx + 26, ry - 8, 22, 16, 16, 16);
        textCentered(gc, "✖", sx + 11, ry, Color.WHITE);
        textCentered(gc, "▲", sx + 37, ry, Color.BLACK);
        text(gc, "findings: ✖ error / ▲ warning / ℹ info", tx, ry, FONT, p.text());
        if (simulation) {
            ry += 20;
            gc.setStroke(p.danger());
            gc.setLineWidth(2.5);
            gc.strokeLine(sx + 12, ry - 7, sx + 34, ry + 7);
            gc.strokeLine(sx + 34, ry - 7, sx + 12, ry + 7);
            text(gc, "failed server (crossed out)", tx, ry, FONT, p.text());
            ry += 20;
            gc.setStroke(p.warning());
            gc.setLineWidth(3);
            gc.strokeRoundRect(sx + 6, ry - 7, 34, 14, 8, 8);
            text(gc, "⟳ candidate being tried (pulses)", tx, ry, FONT, p.text());
            ry += 20;
            text(gc, "♛", sx + 18, ry, TITLE, p.ok());
            text(gc, "promoted to primary; ✖ NO PRIMARY: down", tx, ry, FONT, p.text());
            ry += 20;
            gc.setFill(p.warning());
            gc.fillRoundRect(sx, ry - 8, 46, 16, 16, 16);
            textCentered(gc, "▲", sx + 23, ry, Color.BLACK);
            text(gc, "DEGRADED: reduced redundancy", tx, ry, FONT, p.text());
        }
        if (routes) {
            ry = routeRows(gc, p, sx, tx, ry, simulation);
        }
        if (spof) {
            ry += 20;
            gc.setStroke(p.danger());
            gc.setLineWidth(3);
            gc.strokeRoundRect(sx + 4, ry - 8, 38, 16, 8, 8);
            text(gc, dev.failscope.scene.Tags.SPOF + ": single point of failure (sweep)", tx, ry, FONT, p.text());
        }
        if (drift) {
            ry += 20;
            gc.setStroke(p.warning());
            gc.setLineWidth(3);
            gc.setLineDashes(6, 4);
            gc.strokeRoundRect(sx + 4, ry - 8, 38, 16, 8, 8);
            gc.setLineDashes((double[]) null);
            text(gc, dev.failscope.scene.Tags.DRIFT + ": running cluster differs (File → Connect…)", tx, ry, FONT, p.text());
        }
    }

    /** Rows {@link #routeRows} adds to the legend. */
    static final int ROUTE_ROWS = 2;

    /** The legend's routing rows below {@code ry}; returns the y of the last row drawn. */
    static double routeRows(GraphicsContext gc, Palette p, double sx, double tx, double ry, boolean simulation) {
        double y = ry + 20;
        double[] xs = {sx + 8, sx + 46, sx + 38, sx};
        double[] ys = {y - 7, y - 7, y + 7, y + 7};
        gc.setStroke(p.colour(dev.failscope.scene.Style.ROUTE));
        gc.setLineWidth(1.5);
        gc.strokePolygon(xs, ys, 4);
        text(gc, simulation ? "⇄ route; ✖ PINNED / ✔ FOLLOWING in a run" : "⇄ route: pooler, proxy, client URL",
                tx, y, FONT, p.text());
        y += 20;
        gc.setStroke(p.danger());
        gc.setLineWidth(2.2);
        gc.strokeLine(sx, y, sx + 46, y);
        text(gc, "route to a missing / decommissioned server", tx, y, FONT, p.text());
        return y;
    }

    private static void text(GraphicsContext gc, String t, double x, double y, Font f, Color c) {
        gc.setFont(f);
        gc.setFill(c);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t, x, y);
    }

    private static void textCentered(GraphicsContext gc, String t, double x, double y, Color c) {
        gc.setFont(TITLE);
        gc.setFill(c);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t, x, y);
    }
}
