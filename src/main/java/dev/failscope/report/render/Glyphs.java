package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import dev.failscope.report.Escaping;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Small shapes the painters share: arrow heads, marks, badges, pills, hatching, fitted text. */
final class Glyphs {
    private Glyphs() {}

    static Shape rounded(Box b, double arc) {
        return new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), arc, arc);
    }

    static void arrowHead(Graphics2D g, Point from, Point to, double size) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(to.x(), to.y());
        head.lineTo(to.x() - ux * size - uy * size * 0.5, to.y() - uy * size + ux * size * 0.5);
        head.lineTo(to.x() - ux * size + uy * size * 0.5, to.y() - uy * size - ux * size * 0.5);
        head.closePath();
        g.fill(head);
    }

    /** A bold ✖ drawn as two strokes in a white disc with a red ring (no font needed). */
    static void crossMark(Graphics2D g, double cx, double cy, double r) {
        g.setColor(Palette.BACKGROUND);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(Palette.DANGER);
        g.setStroke(new java.awt.BasicStroke((float) (r / 3.2), java.awt.BasicStroke.CAP_ROUND,
                java.awt.BasicStroke.JOIN_ROUND));
        double k = r * 0.5;
        g.draw(new Line2D.Double(cx - k, cy - k, cx + k, cy + k));
        g.draw(new Line2D.Double(cx - k, cy + k, cx + k, cy - k));
        g.setStroke(Palette.THIN);
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    /** A numbered disc (failover order). */
    static void orderDisc(Graphics2D g, double cx, double cy, String text, Color ring) {
        double r = 8;
        g.setColor(Palette.BACKGROUND);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(ring);
        g.setStroke(new java.awt.BasicStroke(1.6f));
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        centred(g, text, Palette.SMALL_BOLD, cx, cy);
    }

    /** A small rounded tag with text, e.g. "MAINTENANCE"; returns its width. */
    static double pill(Graphics2D g, double x, double y, String raw, Color fill, Color ink) {
        String text = Escaping.visible(raw);
        FontMetrics fm = g.getFontMetrics(Palette.SMALL_BOLD);
        double w = fm.stringWidth(text) + 10;
        double h = 14;
        g.setColor(fill);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, h, h));
        g.setColor(ink);
        g.setFont(Palette.SMALL_BOLD);
        g.drawString(text, (float) (x + 5), (float) (y + h - 3.5));
        return w;
    }

    /** Diagonal hatching inside {@code shape}. */
    static void hatch(Graphics2D g, Shape shape, Box b, Color color, double spacing) {
        Shape clip = g.getClip();
        g.clip(shape);
        g.setColor(color);
        g.setStroke(new java.awt.BasicStroke(1f));
        for (double d = -b.height(); d < b.width(); d += spacing) {
            g.draw(new Line2D.Double(b.x() + d, b.maxY(), b.x() + d + b.height(), b.y()));
        }
        g.setClip(clip);
    }

    /** Draws text with its baseline at y, shortened with an ellipsis to fit maxWidth; returns the text. */
    static String fitted(Graphics2D g, String raw, Font font, double x, double y, double maxWidth) {
        String text = Escaping.visible(raw);
        g.setFont(font);
        String shown = fit(g.getFontMetrics(font), text, maxWidth);
        g.drawString(shown, (float) x, (float) y);
        return shown;
    }

    static String fit(FontMetrics fm, String text, double maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String ell = "…";
        int n = text.length();
        while (n > 1 && fm.stringWidth(text.substring(0, n) + ell) > maxWidth) {
            n--;
        }
        if (n > 1 && Character.isHighSurrogate(text.charAt(n - 1))) {
            n--;
        }
        return text.substring(0, n) + ell;
    }

    static void centred(Graphics2D g, String raw, Font font, double cx, double cy) {
        String text = Escaping.visible(raw);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics(font);
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0),
                (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** Text on a translucent white plate, centred on (cx, cy). */
    static void label(Graphics2D g, String raw, Font font, Color ink, double cx, double cy) {
        String text = Escaping.visible(raw);
        FontMetrics fm = g.getFontMetrics(font);
        double w = fm.stringWidth(text) + 6;
        double h = fm.getAscent() + fm.getDescent() + 2;
        g.setColor(Palette.LABEL_BG);
        g.fill(new RoundRectangle2D.Double(cx - w / 2, cy - h / 2, w, h, 4, 4));
        g.setColor(ink);
        centred(g, text, font, cx, cy);
    }
}
