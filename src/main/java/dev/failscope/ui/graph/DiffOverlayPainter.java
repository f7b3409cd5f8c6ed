package dev.failscope.ui.graph;

import dev.failscope.diff.ChangeType;
import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.ui.model.DiffGeometry;
import dev.failscope.ui.model.DiffOverlay;
import dev.failscope.ui.model.DiffOverlay.Mark;
import dev.failscope.ui.model.GraphScene;
import dev.failscope.ui.model.Viewport;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Diff mode over the graph: added elements ringed green and marked "+", changed ones amber and marked "~"
 * with what changed, removed ones as dashed grey ghosts marked "−". The marks carry the meaning; colour only
 * repeats it. A banner at the top names the other side and the marks.
 */
public final class DiffOverlayPainter implements GraphPainter.Layer {
    private static final Font MARK = Font.font("System", FontWeight.BOLD, 11);
    private static final Font NAME = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SMALL = Font.font("System", 11);
    private static final Font BANNER = Font.font("System", FontWeight.BOLD, 12.5);

    private DiffOverlay overlay = DiffOverlay.NONE;
    private Node selectedGhost;
    private DiffOverlay geometryFor;
    private Layout geometryLayout;
    private DiffGeometry geometry;
    private GraphicsContext gc;
    private Palette p;
    private double scale;

    public void setOverlay(DiffOverlay overlay) {
        this.overlay = overlay;
    }

    /** A removed vertex to ring as selected (its change is selected in the changes panel), or null. */
    public void setSelectedGhost(Node ghost) {
        this.selectedGhost = ghost;
    }

    /** Where the ghosts go in this layout; computed once per overlay and layout. */
    public DiffGeometry geometry(Layout layout) {
        if (geometry == null || geometryFor != overlay || geometryLayout != layout) {
            geometry = DiffGeometry.of(overlay, layout);
            geometryFor = overlay;
            geometryLayout = layout;
        }
        return geometry;
    }

    /** The changes about a vertex, "was → now", under a line naming the other side. */
    @Override
    public String tooltip(Node node) {
        List<String> notes = overlay.notes(node);
        return notes.isEmpty() ? "" : "Compared with " + overlay.base() + ":\n" + String.join("\n", notes);
    }

    @Override
    public Box bounds(Layout layout) {
        return overlay.active() ? geometry(layout).bounds(layout) : layout.bounds();
    }

    @Override
    public void paint(GraphicsContext g, GraphScene scene, Viewport vp, double w, double h, Palette palette) {
        if (!overlay.active()) {
            return;
        }
        this.gc = g;
        this.p = palette;
        this.scale = vp.scale();
        Box vis = vp.visible(w, h);
        Layout layout = scene.layout();
        DiffGeometry geo = geometry(layout);
        geo.strip().filter(s -> meets(s, vis)).ifPresent(this::strip);
        for (DiffGeometry.GhostLine line : geo.lines()) {
            ghostLine(line, vis);
        }
        geo.ghosts().forEach((node, box) -> {
            if (meets(box, vis)) {
                ghostNode(node, box);
            }
        });
        for (Map.Entry<Edge, Mark> e : overlay.edges().entrySet()) {
            layout.route(e.getKey()).filter(r -> meets(r.bounds(), vis)).ifPresent(r -> edgeMark(r, e.getValue()));
        }
        for (Map.Entry<Node, Mark> e : overlay.nodes().entrySet()) {
            layout.box(e.getKey().kind(), e.getKey().name()).filter(b -> meets(b.box(), vis))
                    .ifPresent(b -> nodeMark(b, e.getValue()));
        }
        gc.setTransform(1, 0, 0, 1, 0, 0);
        banner(w);
        gc.setTransform(scale, 0, 0, scale, vp.tx(), vp.ty());
    }

    private boolean labels() {
        return scale >= GraphPainter.LABELS;
    }

    private double px(double pixels) {
        return pixels / scale;
    }

    private static boolean meets(Box b, Box vis) {
        return b.intersects(vis.x() - 40, vis.y() - 40, vis.width() + 80, vis.height() + 80);
    }

    private Color colour(ChangeType type) {
        return switch (type) {
            case ADDED -> p.ok();
            case REMOVED -> p.subText();
            case CHANGED, REORDERED -> p.warning();
        };
    }

    private void strip(Box s) {
        gc.setFill(p.band().deriveColor(0, 1, 1, 0.7));
        gc.fillRoundRect(s.x(), s.y(), s.width(), s.height(), 12, 12);
        gc.setStroke(p.subText());
        gc.setLineWidth(px(1));
        gc.setLineDashes(px(5), px(4));
        gc.strokeRoundRect(s.x(), s.y(), s.width(), s.height(), 12, 12);
        gc.setLineDashes();
        if (labels()) {
            text("\u2212 REMOVED BY THIS CHANGE (drawn where there was no room for them)", s.x() + 12, s.y() + 15,
                    MARK, p.subText(), TextAlignment.LEFT);
        }
    }

    private void ghostNode(Node node, Box b) {
        Color grey = p.subText();
        gc.setFill(p.background().deriveColor(0, 1, 1, 0.75));
        gc.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 8, 8);
        gc.setStroke(grey);
        gc.setLineWidth(px(1.6));
        gc.setLineDashes(px(5), px(4));
        gc.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), 8, 8);
        gc.setLineDashes();
        if (node.equals(selectedGhost)) {
            gc.setStroke(p.accent());
            gc.setLineWidth(px(3));
            gc.strokeRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, 12, 12);
        }
        if (labels()) {
            String kind = node.kind().name().toLowerCase(java.util.Locale.ROOT);
            text(GraphPainter.fit("\u2212 " + node.name(), b.width() - 12, 13), b.centerX(), b.y() + 17, NAME, grey,
                    TextAlignment.CENTER);
            text(kind + " removed by this change", b.centerX(), b.y() + 35, SMALL, grey, TextAlignment.CENTER);
        }
    }

    private void ghostLine(DiffGeometry.GhostLine line, Box vis) {
        List<Point> pts = line.points();
        double minX = pts.stream().mapToDouble(Point::x).min().orElse(0);
        double minY = pts.stream().mapToDouble(Point::y).min().orElse(0);
        double maxX = pts.stream().mapToDouble(Point::x).max().orElse(0);
        double maxY = pts.stream().mapToDouble(Point::y).max().orElse(0);
        if (!meets(new Box(minX, minY, maxX - minX, maxY - minY), vis)) {
            return;
        }
        Color grey = p.subText();
        gc.setStroke(grey);
        gc.setLineWidth(px(1.8));
        gc.setLineDashes(px(3), px(4));
        gc.beginPath();
        gc.moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            gc.lineTo(pts.get(i).x(), pts.get(i).y());
        }
        gc.stroke();
        gc.setLineDashes();
        if (labels()) {
            String t = line.ghost().label() + " removed";
            double w = t.length() * 6.6 + 12;
            Point at = line.label();
            gc.setFill(p.background());
            gc.fillRoundRect(at.x() - w / 2, at.y() - 10, w, 20, 20, 20);
            gc.setStroke(grey);
            gc.setLineWidth(px(1.5));
            gc.setLineDashes(px(3), px(3));
            gc.strokeRoundRect(at.x() - w / 2, at.y() - 10, w, 20, 20, 20);
            gc.setLineDashes();
            text(t, at.x(), at.y(), MARK, grey, TextAlignment.CENTER);
        }
    }

    private void edgeMark(EdgeRoute r, Mark mark) {
        Color c = colour(mark.type());
        List<Point> pts = r.points();
        gc.setStroke(c.deriveColor(0, 1, 1, 0.35));
        gc.setLineWidth(px(8));
        gc.beginPath();
        gc.moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            gc.lineTo(pts.get(i).x(), pts.get(i).y());
        }
        gc.stroke();
        if (labels()) {
            // just under the edge's own label (order, lag), which keeps its place; the words are in the tooltips
            Point at = r.label();
            badge(mark.symbol(), at.x(), at.y() + 20, c);
        }
    }

    private void nodeMark(NodeBox nb, Mark mark) {
        Box b = nb.box();
        Color c = colour(mark.type());
        gc.setStroke(c);
        gc.setLineWidth(px(2.5));
        if (mark.type() == ChangeType.REMOVED) {
            gc.setLineDashes(px(5), px(4));
        }
        gc.strokeRoundRect(b.x() - 5, b.y() - 5, b.width() + 10, b.height() + 10, 14, 14);
        gc.setLineDashes();
        if (labels()) {
            pill(mark.symbol() + " " + mark.label(), b.x() - 5, b.y() - 15, c);
        }
    }

    /** A round badge holding one mark, centred on (cx, cy). */
    private void badge(String symbol, double cx, double cy, Color fill) {
        gc.setFill(fill);
        gc.fillOval(cx - 9, cy - 9, 18, 18);
        gc.setStroke(p.background());
        gc.setLineWidth(px(1.5));
        gc.strokeOval(cx - 9, cy - 9, 18, 18);
        text(symbol, cx, cy, NAME, Color.WHITE, TextAlignment.CENTER);
    }

    /** A filled label left-aligned at x, centred on cy; white text on the change's colour. */
    private void pill(String t, double x, double cy, Color fill) {
        String shown = t.length() > 60 ? t.substring(0, 59) + "…" : t;
        double w = shown.length() * 6.6 + 12;
        gc.setFill(fill);
        gc.fillRoundRect(x, cy - 9, w, 18, 18, 18);
        text(shown, x + w / 2, cy, MARK, Color.WHITE, TextAlignment.CENTER);
    }

    /** The banner in screen pixels at the top centre: what is compared, and the three marks. */
    private void banner(double w) {
        String title = "Comparing with " + overlay.base();
        String[] keys = {"+ added", "\u2212 removed (ghost)", "~ changed (hover: was \u2192 now)"};
        Color[] colours = {p.ok(), p.subText(), p.warning()};
        double keysWidth = 0;
        for (String k : keys) {
            keysWidth += k.length() * 6.6 + 12 + 8;
        }
        double titleWidth = Math.min(title.length() * 7.4, Math.max(120, w - keysWidth - 60));
        double bw = titleWidth + keysWidth + 30;
        double x = Math.max(8, (w - bw) / 2);
        double y = 8;
        gc.setFill(p.legendFill());
        gc.fillRoundRect(x, y, bw, 28, 10, 10);
        gc.setStroke(p.serverStroke());
        gc.setLineWidth(1);
        gc.strokeRoundRect(x, y, bw, 28, 10, 10);
        text(GraphPainter.fit(title, titleWidth, 12.5), x + 12, y + 14, BANNER, p.text(), TextAlignment.LEFT);
        double kx = x + 12 + titleWidth + 10;
        for (int i = 0; i < keys.length; i++) {
            double kw = keys[i].length() * 6.6 + 12;
            gc.setFill(colours[i]);
            gc.fillRoundRect(kx, y + 5, kw, 18, 18, 18);
            text(keys[i], kx + kw / 2, y + 14, MARK, Color.WHITE, TextAlignment.CENTER);
            kx += kw + 8;
        }
    }

    private void text(String t, double x, double y, Font font, Color color, TextAlignment align) {
        gc.setFont(font);
        gc.setFill(color);
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t, x, y);
    }
}
