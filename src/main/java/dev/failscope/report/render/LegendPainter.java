package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The key to every encoding, laid out in columns; the overlay entries only when an overlay is drawn. */
final class LegendPainter {
    static final double ENTRY_W = 300;
    static final double ENTRY_H = 30;
    static final double TITLE_H = 24;
    private static final double SAMPLE_W = 96;

    private record Entry(String text, BiConsumer<Graphics2D, Box> sample) {}

    private final List<Entry> entries = new ArrayList<>();

    LegendPainter(boolean overlay) {
        this(overlay, false);
    }

    /** @param routes also the routing layer's entries (only pictures with routes show them) */
    LegendPainter(boolean overlay, boolean routes) {
        entries.add(new Entry("sync replication (thick)", (g, b) -> line(g, b, Palette.REPLICATION, Palette.SYNC, 10)));
        entries.add(new Entry("async replication, with its lag", (g, b) -> {
            line(g, b, Palette.REPLICATION, Palette.ASYNC, 8);
            Glyphs.label(g, "2s", Palette.SMALL, Palette.REPLICATION, b.centerX(), b.centerY());
        }));
        entries.add(new Entry("failover candidate, tried in order", (g, b) -> {
            line(g, b, Palette.FAILOVER, Palette.FAILOVER_STROKE, 8);
            Glyphs.orderDisc(g, b.centerX(), b.centerY(), "1", Palette.FAILOVER);
        }));
        entries.add(new Entry("failover to a missing server (✖)", (g, b) -> {
            line(g, b, Palette.DANGER, Palette.FAILOVER_STROKE, 8);
            Glyphs.orderDisc(g, b.centerX() - 10, b.centerY(), "1", Palette.DANGER);
            Glyphs.crossMark(g, b.centerX() + 8, b.centerY(), 7.5);
        }));
        entries.add(new Entry("failover to a decommissioned server", (g, b) -> {
            line(g, b, Palette.DANGER, Palette.FAILOVER_STROKE, 8);
            Glyphs.orderDisc(g, b.centerX(), b.centerY(), "2", Palette.DANGER);
        }));
        entries.add(new Entry("missing: referenced, never declared", (g, b) -> {
            Shape s = Glyphs.rounded(box(b), 8);
            g.setColor(Palette.GHOST_LINE);
            g.setStroke(Palette.GHOST);
            g.draw(s);
        }));
        entries.add(new Entry("decommissioned (hatched, struck)", (g, b) -> {
            Box r = box(b);
            Shape s = Glyphs.rounded(r, 8);
            g.setColor(Palette.DECOM_FILL);
            g.fill(s);
            Glyphs.hatch(g, s, r, Palette.DECOM_HATCH, 6);
            g.setColor(Palette.MUTED);
            g.setStroke(Palette.BOX);
            g.draw(s);
            g.draw(new Line2D.Double(r.x() + 8, r.centerY(), r.maxX() - 8, r.centerY()));
        }));
        entries.add(new Entry("server in maintenance", (g, b) ->
                Glyphs.pill(g, b.x(), b.centerY() - 7, dev.failscope.scene.Tags.MAINT, Palette.WARN, java.awt.Color.BLACK)));
        entries.add(new Entry("never promoted (no-failover)", (g, b) ->
                Glyphs.pill(g, b.x(), b.centerY() - 7, dev.failscope.scene.Tags.NO_FAILOVER, Palette.INK, Palette.BACKGROUND)));
        entries.add(new Entry("findings: ✖ error / ▲ warning / ℹ info", (g, b) -> {
            double x = b.x();
            x += Glyphs.pill(g, x, b.centerY() - 7, "✖", Palette.DANGER, Palette.BACKGROUND) + 4;
            x += Glyphs.pill(g, x, b.centerY() - 7, "▲", Palette.WARN, java.awt.Color.BLACK) + 4;
            Glyphs.pill(g, x, b.centerY() - 7, "ℹ", Palette.INFO, Palette.BACKGROUND);
        }));
        entries.add(new Entry("service uses: write / read (dotted)", (g, b) -> {
            g.setColor(Palette.DEPENDENCY);
            g.setStroke(Palette.DEPEND_WRITE);
            g.draw(new Line2D.Double(b.x(), b.centerY() - 5, b.maxX(), b.centerY() - 5));
            g.setStroke(Palette.DEPEND_READ);
            g.draw(new Line2D.Double(b.x(), b.centerY() + 5, b.maxX(), b.centerY() + 5));
        }));
        if (routes) {
            addRouteEntries(overlay);
        }
        if (overlay) {
            addOverlayEntries();
        }
    }

    /** The routing layer's entries (only pictures with routes show them). */
    private void addRouteEntries(boolean overlay) {
        entries.add(new Entry("route: pooler, proxy, client URL", (g, b) -> {
            java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
            p.moveTo(b.x() + 14, b.y());
            p.lineTo(b.maxX() - 4, b.y());
            p.lineTo(b.maxX() - 14, b.maxY());
            p.lineTo(b.x() + 4, b.maxY());
            p.closePath();
            g.setColor(Java2dPalette.colour(dev.failscope.scene.Style.ROUTE_FILL));
            g.fill(p);
            g.setColor(Java2dPalette.colour(dev.failscope.scene.Style.ROUTE));
            g.setStroke(Palette.BOX);
            g.draw(p);
        }));
        entries.add(new Entry("route to missing / decommissioned", (g, b) -> {
            g.setColor(Palette.DANGER);
            g.setStroke(Palette.DOWN);
            g.draw(new Line2D.Double(b.x(), b.centerY(), b.maxX(), b.centerY()));
        }));
        if (overlay) {
            entries.add(new Entry("route pinned / following (simulation)", (g, b) ->
                    Glyphs.pill(g, b.x(), b.centerY() - 7, "✖ PINNED", Palette.DANGER, java.awt.Color.WHITE)));
        }
    }

    private void addOverlayEntries() {
        entries.add(new Entry("failed server (crossed out)", (g, b) -> {
            Box r = box(b);
            g.setColor(Palette.DANGER);
            g.setStroke(Palette.CROSS);
            g.draw(new Line2D.Double(r.x() + 4, r.y() + 2, r.maxX() - 4, r.maxY() - 2));
            g.draw(new Line2D.Double(r.x() + 4, r.maxY() - 2, r.maxX() - 4, r.y() + 2));
            Glyphs.pill(g, r.x() + 10, r.centerY() - 7, dev.failscope.scene.Tags.FAILED, Palette.DANGER, Palette.BACKGROUND);
        }));
        entries.add(new Entry("promoted to primary", (g, b) ->
                Glyphs.pill(g, b.x(), b.centerY() - 7, dev.failscope.scene.Tags.PROMOTED, Palette.OK, Palette.BACKGROUND)));
        entries.add(new Entry("cluster down: no writable primary", (g, b) ->
                Glyphs.pill(g, b.x(), b.centerY() - 7, dev.failscope.scene.Tags.NO_PRIMARY, Palette.DANGER, Palette.BACKGROUND)));
        entries.add(new Entry("cluster lost members / reads stale", (g, b) ->
                Glyphs.pill(g, b.x(), b.centerY() - 7, dev.failscope.scene.Tags.DEGRADED, Palette.WARN, java.awt.Color.BLACK)));
        entries.add(new Entry("service ✔ ok / ▲ degraded / ✖ down", (g, b) -> {
            g.setColor(Palette.OK);
            Glyphs.fitted(g, "✔", Palette.NAME, b.x() + 4, b.centerY() + 5, 20);
            g.setColor(Palette.WARN);
            Glyphs.fitted(g, "▲", Palette.NAME, b.x() + 30, b.centerY() + 5, 20);
            g.setColor(Palette.DANGER);
            Glyphs.fitted(g, "✖", Palette.NAME, b.x() + 56, b.centerY() + 5, 20);
        }));
    }

    int columns(double width) {
        return (int) Math.max(1, Math.min(entries.size(), Math.floor(width / ENTRY_W)));
    }

    /** Width and height of the legend when given {@code width} to spread over. */
    Point size(double width) {
        int cols = columns(width);
        int rows = (entries.size() + cols - 1) / cols;
        return new Point(cols * ENTRY_W, TITLE_H + rows * ENTRY_H);
    }

    void paint(Graphics2D g, double x, double y, double width) {
        int cols = columns(width);
        int rows = (entries.size() + cols - 1) / cols;
        g.setColor(Palette.INK);
        g.setFont(Palette.LANE);
        g.drawString("Legend", (float) x, (float) (y + 15));
        for (int i = 0; i < entries.size(); i++) {
            int col = i / rows;
            int row = i % rows;
            double ex = x + col * ENTRY_W;
            double ey = y + TITLE_H + row * ENTRY_H;
            Entry e = entries.get(i);
            e.sample().accept(g, new Box(ex, ey + 4, SAMPLE_W, ENTRY_H - 8));
            g.setColor(Palette.INK);
            Glyphs.fitted(g, e.text(), Palette.SMALL, ex + SAMPLE_W + 10, ey + ENTRY_H / 2 + 4,
                    ENTRY_W - SAMPLE_W - 16);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static Box box(Box b) {
        return new Box(b.x() + 4, b.y(), b.width() - 8, b.height());
    }

    private static void line(Graphics2D g, Box b, java.awt.Color c, java.awt.Stroke s, double head) {
        g.setColor(c);
        g.setStroke(s);
        g.draw(new Line2D.Double(b.x(), b.centerY(), b.maxX() - 2, b.centerY()));
        Glyphs.arrowHead(g, new Point(b.x(), b.centerY()), new Point(b.maxX(), b.centerY()), head);
    }
}
