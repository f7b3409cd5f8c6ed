package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Lane;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.layout.Point;
import dev.failscope.model.EdgeKind;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Paints a whole page with Java2D: title, the graph (lanes, service band, edges, boxes, labels) and the
 * legend. The same code draws PNG (BufferedImage) and SVG (JFreeSVG). Page coordinates are layout units.
 */
public final class GraphPainter {
    public static final double MARGIN = 24;
    private static final double TITLE_H = 34;
    private static final double LEGEND_GAP = 28;

    private final RenderInput input;
    private final PaintContext ctx;
    private final LegendPainter legend;

    public GraphPainter(RenderInput input) {
        this.input = input;
        this.ctx = new PaintContext(input);
        this.legend = new LegendPainter(!input.overlay().isEmpty(), !input.topology().routes().isEmpty());
    }

    /** The page size in layout units (before any scaling). */
    public Point pageSize() {
        Box b = input.layout().bounds();
        Point lg = legend.size(Math.max(b.width(), LegendPainter.ENTRY_W * 3));
        double titleW = input.title().isEmpty() ? 0 : Palette.TITLE.getStringBounds(input.title(),
                new java.awt.font.FontRenderContext(null, true, true)).getWidth() + 8;
        double w = Math.max(Math.max(b.width(), lg.x()), Math.min(titleW, 2400)) + 2 * MARGIN;
        double h = titleHeight() + b.height() + LEGEND_GAP + lg.y() + 2 * MARGIN;
        return new Point(Math.ceil(w), Math.ceil(h));
    }

    private double titleHeight() {
        return input.title().isEmpty() ? 0 : TITLE_H;
    }

    /** Paints the page at the graphics' current transform. */
    public void paintPage(Graphics2D g) {
        hints(g);
        Point size = pageSize();
        g.setColor(Palette.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, size.x(), size.y()));
        if (!input.title().isEmpty()) {
            g.setColor(Palette.INK);
            Glyphs.fitted(g, input.title(), Palette.TITLE, MARGIN, MARGIN + 20, size.x() - 2 * MARGIN);
        }
        Box b = input.layout().bounds();
        AffineTransform saved = g.getTransform();
        g.translate(MARGIN - b.x(), MARGIN + titleHeight() - b.y());
        paintGraph(g, b);
        g.setTransform(saved);
        legend.paint(g, MARGIN, MARGIN + titleHeight() + b.height() + LEGEND_GAP,
                Math.max(b.width(), LegendPainter.ENTRY_W * 3));
    }

    /** Paints what meets {@code viewport} (layout coordinates) at the graphics' current transform. */
    public void paintGraph(Graphics2D g, Box viewport) {
        paintGraph(g, viewport, "fs-");
    }

    /** As {@link #paintGraph(Graphics2D, Box)}; SVG group ids start with {@code idPrefix} (see SvgGroups). */
    public void paintGraph(Graphics2D g, Box viewport, String idPrefix) {
        hints(g);
        Layout layout = input.layout();
        double vx = viewport.x();
        double vy = viewport.y();
        double vw = viewport.width();
        double vh = viewport.height();
        lanes(g, layout, viewport);
        band(g, layout);
        List<EdgeRoute> edges = layout.edgesIn(vx, vy, vw, vh);
        List<NodeBox> nodes = layout.nodesIn(vx, vy, vw, vh);
        SvgGroups groups = new SvgGroups(layout, idPrefix);
        EdgePainter edgePainter = new EdgePainter(ctx, groups);
        NodePainter nodePainter = new NodePainter(ctx);
        edgePainter.paintLines(g, edges, EdgeKind.DEPENDENCY);
        nodes.stream().filter(n -> n.role() == NodeRole.CLUSTER).forEach(n -> paintNode(g, nodePainter, groups, n));
        edgePainter.paintLines(g, edges, EdgeKind.MEMBERSHIP);
        edgePainter.paintLines(g, edges, EdgeKind.REPLICATION);
        edgePainter.paintLines(g, edges, EdgeKind.FAILOVER);
        edgePainter.paintLines(g, edges, EdgeKind.ROUTING);
        nodes.stream().filter(n -> n.role() != NodeRole.CLUSTER).forEach(n -> paintNode(g, nodePainter, groups, n));
        edgePainter.paintLabels(g, edges);
    }

    private static void paintNode(Graphics2D g, NodePainter painter, SvgGroups groups, NodeBox n) {
        groups.begin(g, n);
        painter.paint(g, n);
        groups.end(g, n);
    }

    private static void lanes(Graphics2D g, Layout layout, Box viewport) {
        int i = 0;
        for (Lane lane : layout.lanes()) {
            Box b = lane.bounds();
            if (!b.intersects(viewport.x(), viewport.y(), viewport.width(), viewport.height())) {
                i++;
                continue;
            }
            g.setColor(i++ % 2 == 0 ? Palette.LANE_A : Palette.LANE_B);
            g.fill(new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height()));
            g.setColor(Palette.LANE_LINE);
            g.setStroke(Palette.THIN);
            g.draw(new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height()));
            Box h = lane.header();
            g.setColor(Palette.MUTED);
            Glyphs.fitted(g, lane.regionLabel(), Palette.SMALL, h.x() + 10, h.y() + 17, h.width() - 20);
            g.setColor(lane.zone() == null ? Palette.MUTED : Palette.INK);
            Glyphs.fitted(g, lane.zoneLabel(), Palette.LANE, h.x() + 10, h.y() + 35, h.width() - 20);
        }
    }

    private static void band(Graphics2D g, Layout layout) {
        Box b = layout.serviceBand();
        if (b.height() <= 0) {
            return;
        }
        g.setColor(Palette.BAND);
        g.fill(Glyphs.rounded(b, 12));
        g.setColor(Palette.SERVICE_LINE);
        Glyphs.fitted(g, "services", Palette.SMALL_BOLD, b.x() + 8, b.y() + 12, 80);
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }
}
