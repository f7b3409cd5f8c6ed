package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import dev.failscope.scene.Dash;
import dev.failscope.scene.Detail;
import dev.failscope.scene.Geometry;
import dev.failscope.scene.Group;
import dev.failscope.scene.Item;
import dev.failscope.scene.Scene;
import dev.failscope.scene.SceneBuilder;
import dev.failscope.scene.SceneModel;
import dev.failscope.scene.SceneView;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Writes a {@link Scene} with Java2D: PNG (BufferedImage) and SVG (JFreeSVG) alike, plus the page around it
 * (title, legend). Page coordinates are layout units. Every encoding comes from the scene; this class only
 * translates primitives. In SVG, each layout node and edge is a group with a stable id and class words:
 * {@code fs-n12} is the 13th of the layout's nodes, {@code fs-e4} its 5th edge ({@code fs-node fs-cluster},
 * {@code fs-edge fs-failover}); ids never contain a name from a config.
 */
public final class Java2dSceneWriter {
    public static final double MARGIN = 24;
    private static final double TITLE_H = 34;
    private static final double LEGEND_GAP = 28;

    private final RenderInput input;
    private final SceneModel model;
    private final LegendPainter legend;
    private final Map<Long, Font> fonts = new HashMap<>();

    public Java2dSceneWriter(RenderInput input) {
        this(input, new SceneModel(input.topology(), input.layout(), input.findings()));
    }

    /** With a scene model already prepared for the input's topology, layout and findings. */
    public Java2dSceneWriter(RenderInput input, SceneModel model) {
        this.input = input;
        this.model = model;
        this.legend = new LegendPainter(!input.overlay().isEmpty() || input.state().active(),
                !input.topology().routes().isEmpty());
    }

    public RenderInput input() {
        return input;
    }

    /** The scene this writer draws for a region at a scale. */
    public Scene scene(Box visible, double scale) {
        SceneView view = SceneView.still(input.state()).withDiff(input.diff()).withVisible(visible);
        if (scale < 1) {
            view = new SceneView(view.state(), view.diff(), Detail.at(scale), scale, view.collapsed(), visible, null,
                    null, 0);
        }
        return SceneBuilder.build(model, view);
    }

    /** The page size in layout units (before any scaling). */
    public Point pageSize() {
        Box b = bounds();
        Point lg = legend.size(Math.max(b.width(), LegendPainter.ENTRY_W * 3));
        double titleW = input.title().isEmpty() ? 0 : Palette.TITLE.getStringBounds(input.title(),
                new java.awt.font.FontRenderContext(null, true, true)).getWidth() + 8;
        double w = Math.max(Math.max(b.width(), lg.x()), Math.min(titleW, 2400)) + 2 * MARGIN;
        double h = titleHeight() + b.height() + LEGEND_GAP + lg.y() + 2 * MARGIN;
        return new Point(Math.ceil(w), Math.ceil(h));
    }

    private Box bounds() {
        Box b = input.layout().bounds();
        return input.diff().strip().map(b::union).orElse(b);
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
        Box b = bounds();
        AffineTransform saved = g.getTransform();
        g.translate(MARGIN - b.x(), MARGIN + titleHeight() - b.y());
        paintGraph(g, b);
        g.setTransform(saved);
        legend.paint(g, MARGIN, MARGIN + titleHeight() + b.height() + LEGEND_GAP,
                Math.max(b.width(), LegendPainter.ENTRY_W * 3));
    }

    /** Paints what meets {@code viewport} (layout coordinates) at the graphics' current transform. */
    public void paintGraph(Graphics2D g, Box viewport) {
        paintGraph(g, viewport, "fs-", 1);
    }

    /**
     * As {@link #paintGraph(Graphics2D, Box)} at {@code scale} pixels per unit (its level of detail); SVG group
     * ids start with {@code idPrefix}.
     */
    public void paintGraph(Graphics2D g, Box viewport, String idPrefix, double scale) {
        hints(g);
        write(g, scene(viewport, scale), idPrefix);
    }

    /** Draws every group of a scene in order. */
    public void write(Graphics2D g, Scene scene, String idPrefix) {
        boolean svg = g instanceof SVGGraphics2D;
        for (Group group : scene.groups()) {
            boolean named = svg && !group.element().isEmpty();
            if (named) {
                g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("id", idPrefix + group.element(), "class",
                        classes(group.kind())));
            }
            for (Item item : group.items()) {
                draw(g, item);
            }
            if (named) {
                g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
            }
        }
    }

    /** {@code node cluster} → {@code fs-node fs-cluster}. */
    static String classes(String kind) {
        StringBuilder sb = new StringBuilder();
        for (String w : kind.split(" ")) {
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append("fs-").append(w.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private void draw(Graphics2D g, Item item) {
        if (item instanceof Item.Rect r) {
            Box b = r.box();
            double arc = Math.min(r.corner(), Math.min(b.width(), b.height()));
            Shape s = r.corner() <= 0 ? new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height())
                    : new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), arc, arc);
            fillStroke(g, s, r.fill(), r.stroke(), r.width(), r.dash());
        } else if (item instanceof Item.Disc d) {
            fillStroke(g, new Ellipse2D.Double(d.cx() - d.r(), d.cy() - d.r(), 2 * d.r(), 2 * d.r()), d.fill(),
                    d.stroke(), d.width(), Dash.SOLID);
        } else if (item instanceof Item.Poly p) {
            fillStroke(g, path(p.points(), true), p.fill(), p.stroke(), p.width(), Dash.SOLID);
        } else if (item instanceof Item.Line l) {
            line(g, l);
        } else if (item instanceof Item.Text t) {
            text(g, t);
        } else if (item instanceof Item.Hatch h) {
            Color c = Java2dPalette.colour(h.ink());
            if (c == null) {
                return;
            }
            g.setColor(c);
            g.setStroke(new BasicStroke((float) h.width()));
            double[] seg = Geometry.hatch(h.box(), h.spacing());
            for (int i = 0; i < seg.length; i += 4) {
                g.draw(new Line2D.Double(seg[i], seg[i + 1], seg[i + 2], seg[i + 3]));
            }
        }
    }

    private static void fillStroke(Graphics2D g, Shape s, dev.failscope.scene.Style fill,
                                   dev.failscope.scene.Style stroke, double width, Dash dash) {
        Color f = Java2dPalette.colour(fill);
        if (f != null) {
            g.setColor(f);
            g.fill(s);
        }
        Color c = Java2dPalette.colour(stroke);
        if (c != null && width > 0) {
            g.setColor(c);
            g.setStroke(stroke(width, dash));
            g.draw(s);
        }
    }

    private static BasicStroke stroke(double width, Dash dash) {
        if (dash.solid()) {
            return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        }
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {(float) dash.on(), (float) dash.off()}, 0f);
    }

    private static Path2D.Double path(List<Point> pts, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            p.lineTo(pts.get(i).x(), pts.get(i).y());
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    private static void line(Graphics2D g, Item.Line l) {
        Color c = Java2dPalette.colour(l.stroke());
        if (c == null) {
            return;
        }
        g.setColor(c);
        g.setStroke(stroke(l.width(), l.dash()));
        List<Point> pts = l.points();
        g.draw(path(pts, false));
        if (l.arrow() > 0) {
            Glyphs.arrowHead(g, pts.get(pts.size() - 2), pts.get(pts.size() - 1), l.arrow());
        }
    }

    private Font font(double size, boolean bold) {
        long key = Math.round(size * 100) * 2 + (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> new Font(Palette.FAMILY, bold ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) size));
    }

    private void text(Graphics2D g, Item.Text t) {
        Color c = Java2dPalette.colour(t.ink());
        if (c == null || t.text().isEmpty()) {
            return;
        }
        Font f = font(t.size(), t.bold());
        g.setFont(f);
        g.setColor(c);
        FontMetrics fm = g.getFontMetrics(f);
        double w = fm.getStringBounds(t.text(), g).getWidth();
        double x = switch (t.align()) {
            case LEFT -> t.x();
            case CENTER -> t.x() - w / 2;
            case RIGHT -> t.x() - w;
        };
        g.drawString(t.text(), (float) x, (float) (t.y() + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }
}
