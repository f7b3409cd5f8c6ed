package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.report.render.StateOverlay.ServiceState;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/** Signs of the simulation overlay: crossed-out servers and service state icons (shape + colour). */
final class StatusSigns {
    private StatusSigns() {}

    /** Two thick red diagonals across the box. */
    static void crossOut(Graphics2D g, Box b) {
        g.setColor(Palette.DANGER);
        g.setStroke(Palette.CROSS);
        g.draw(new Line2D.Double(b.x() + 4, b.y() + 4, b.maxX() - 4, b.maxY() - 4));
        g.draw(new Line2D.Double(b.x() + 4, b.maxY() - 4, b.maxX() - 4, b.y() + 4));
    }

    /** ok: green disc with a tick; degraded: amber triangle with "!"; down: red octagon with a cross. */
    static void service(Graphics2D g, ServiceState state, double cx, double cy) {
        double r = 9;
        switch (state) {
            case OK -> {
                g.setColor(Palette.OK);
                g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
                g.setColor(Palette.BACKGROUND);
                g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D.Double tick = new Path2D.Double();
                tick.moveTo(cx - 4.5, cy + 0.5);
                tick.lineTo(cx - 1, cy + 4);
                tick.lineTo(cx + 5, cy - 4);
                g.draw(tick);
            }
            case DEGRADED -> {
                Path2D.Double tri = new Path2D.Double();
                tri.moveTo(cx, cy - r - 1);
                tri.lineTo(cx + r + 1, cy + r - 1);
                tri.lineTo(cx - r - 1, cy + r - 1);
                tri.closePath();
                g.setColor(Palette.WARN);
                g.fill(tri);
                g.setColor(Palette.BACKGROUND);
                Glyphs.centred(g, "!", Palette.SMALL_BOLD, cx, cy + 2);
            }
            case DOWN -> {
                Path2D.Double oct = new Path2D.Double();
                for (int i = 0; i < 8; i++) {
                    double a = Math.PI / 8 + i * Math.PI / 4;
                    double px = cx + r * Math.cos(a);
                    double py = cy + r * Math.sin(a);
                    if (i == 0) {
                        oct.moveTo(px, py);
                    } else {
                        oct.lineTo(px, py);
                    }
                }
                oct.closePath();
                g.setColor(Palette.DANGER);
                g.fill(oct);
                g.setColor(Palette.BACKGROUND);
                g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(cx - 3.5, cy - 3.5, cx + 3.5, cy + 3.5));
                g.draw(new Line2D.Double(cx - 3.5, cy + 3.5, cx + 3.5, cy - 3.5));
            }
        }
    }
}
