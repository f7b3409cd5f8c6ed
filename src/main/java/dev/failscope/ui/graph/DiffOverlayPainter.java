package dev.failscope.ui.graph;

import dev.failscope.diff.ChangeType;
import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.ui.viewmodel.DiffGeometry;
import dev.failscope.ui.viewmodel.DiffOverlay;
import dev.failscope.ui.viewmodel.DiffOverlay.Mark;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.ArrayList;
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
public final class DiffOverlayPainter implements GraphLayer {
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
    private GraphScene scene;
    /** Marks and labels drawn so far in this frame: later marks go where they cover none of them. */
    private final List<Box> taken = new ArrayList<>();

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
        this.scene = scene;
        this.taken.clear();
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
        List<Map.Entry<EdgeRoute, Mark>> routes = new ArrayList<>();
        for (Map.Entry<Edge, Mark> e : overlay.edges().entrySet()) {
            layout.route(e.getKey()).filter(r -> meets(r.bounds(), vis))
                    .ifPresent(r -> routes.add(Map.entry(r, e.getValue())));
        }
        routes.sort(java.util.Comparator.comparing(e -> e.getKey().edge().toString()));
        routes.forEach(e -> halo(e.getKey(), e.getValue()));
        overlay.nodes().entrySet().stream().sorted(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(Node::toString))).forEach(e ->
                layout.box(e.getKey().kind(), e.getKey().name()).filter(b -> meets(b.box(), vis))
                        .ifPresent(b -> nodeMark(b, e.getValue())));
        if (labels()) {
            routes.forEach(e -> edgeBadge(e.getKey(), e.getValue()));
            geo.lines().forEach(this::ghostLabel);
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
        taken.add(b);
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
            Point at = line.label();
            double w = width(line.ghost().label()) + 14;
            taken.add(new Box(at.x() - w / 2, at.y() - 10, w, 20));
        }
    }

    /** Drawn last, so marks never hide it; its place was taken first, so marks avoid it. */
    private void ghostLabel(DiffGeometry.GhostLine line) {
        Color grey = p.subText();
        String t = line.ghost().label();
        double w = width(t) + 14;
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

    /** A translucent band along a marked edge, under its own drawing's colour. */
    private void halo(EdgeRoute r, Mark mark) {
        List<Point> pts = r.points();
        gc.setStroke(colour(mark.type()).deriveColor(0, 1, 1, 0.35));
        gc.setLineWidth(px(labels() ? 8 : 4));
        gc.beginPath();
        gc.moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            gc.lineTo(pts.get(i).x(), pts.get(i).y());
        }
        gc.stroke();
    }

    /** The mark beside the edge's own label (order, lag), which keeps its place; the words are in tooltips. */
    private void edgeBadge(EdgeRoute r, Mark mark) {
        Point at = r.label();
        double lw = labelBox(r).map(Box::width).orElse(0.0);
        Box spot = place(List.of(new Box(at.x() - 11, at.y() + 12, 22, 22),
                new Box(at.x() + lw / 2 + 3, at.y() - 11, 22, 22),
                new Box(at.x() - lw / 2 - 25, at.y() - 11, 22, 22),
                new Box(at.x() - 11, at.y() - 34, 22, 22)), null);
        badge(mark.symbol(), spot.centerX(), spot.centerY(), colour(mark.type()));
    }

    /** Where the graph painter draws an edge's label, if it has one. */
    private java.util.Optional<Box> labelBox(EdgeRoute r) {
        GraphScene.EdgeLook look = scene.look(r.edge());
        Point at = r.label();
        if (look.kind() == dev.failscope.model.EdgeKind.FAILOVER) {
            double w = look.broken() ? 30 : 20;
            return java.util.Optional.of(new Box(at.x() - w / 2, at.y() - 10, w, 20));
        }
        if (look.label().isEmpty() || look.kind() == dev.failscope.model.EdgeKind.MEMBERSHIP) {
            return java.util.Optional.empty();
        }
        double w = look.label().length() * 6.2 + 10;
        return java.util.Optional.of(new Box(at.x() - w / 2, at.y() - 8, w, 16));
    }

    /** The first spot over no server or service, cluster header, edge label or earlier mark; else the first. */
    private Box place(List<Box> spots, Node self) {
        Box chosen = spots.stream().filter(s -> free(s, self)).findFirst().orElse(spots.get(0));
        taken.add(chosen);
        return chosen;
    }

    private boolean free(Box spot, Node self) {
        Layout layout = scene.layout();
        for (NodeBox nb : layout.nodesIn(spot.x() - 10, spot.y() - 10, spot.width() + 20, spot.height() + 20)) {
            if (nb.node().equals(self)) {
                continue;
            }
            Box b = nb.box();
            Box solid = nb.role() == dev.failscope.layout.NodeRole.CLUSTER
                    ? new Box(b.x(), b.y() - 8, b.width(), dev.failscope.layout.LayoutMetrics.CLUSTER_HEADER + 8)
                    : b.grow(8);
            if (solid.overlaps(spot)) {
                return false;
            }
        }
        for (EdgeRoute r : layout.edgesIn(spot.x() - 60, spot.y() - 12, spot.width() + 120, spot.height() + 24)) {
            if (labelBox(r).filter(l -> l.overlaps(spot)).isPresent()) {
                return false;
            }
        }
        return taken.stream().noneMatch(t -> t.overlaps(spot));
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
            String t = mark.symbol() + " " + mark.label();
            double w = width(t.length() > 60 ? t.substring(0, 59) + "…" : t) + 14;
            Box spot = place(List.of(new Box(b.x() - 5, b.y() - 24, w, 18), new Box(b.maxX() + 5 - w, b.y() - 24, w, 18),
                    new Box(b.x() - 5, b.maxY() + 6, w, 18), new Box(b.maxX() + 5 - w, b.maxY() + 6, w, 18)),
                    nb.node());
            pill(t, spot.x(), spot.centerY(), c);
        }
    }

    /** A round badge holding one mark, centred on (cx, cy). */
    private void badge(String symbol, double cx, double cy, Color fill) {
        gc.setFill(fill);
        gc.fillOval(cx - 11, cy - 11, 22, 22);
        gc.setStroke(p.background());
        gc.setLineWidth(px(2));
        gc.strokeOval(cx - 11, cy - 11, 22, 22);
        text(symbol, cx, cy, NAME, ink(fill), TextAlignment.CENTER);
    }

    /** A filled label left-aligned at x, centred on cy; white text on the change's colour. */
    private void pill(String t, double x, double cy, Color fill) {
        String shown = t.length() > 60 ? t.substring(0, 59) + "…" : t;
        double w = width(shown) + 14;
        gc.setFill(fill);
        gc.fillRoundRect(x, cy - 9, w, 18, 18, 18);
        text(shown, x + w / 2, cy, MARK, ink(fill), TextAlignment.CENTER);
    }

    /** The banner in screen pixels at the top centre: what is compared, and the three marks. */
    private void banner(double w) {
        String title = "Comparing with " + overlay.base();
        String[] keys = {"+ added", "\u2212 removed (ghost)", "~ changed (hover: was \u2192 now)"};
        Color[] colours = {p.ok(), p.subText(), p.warning()};
        double keysWidth = 0;
        for (String k : keys) {
            keysWidth += width(k) + 12 + 8;
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text(title);
        measure.setFont(BANNER);
        double titleWidth = Math.min(measure.getLayoutBounds().getWidth() + 4, Math.max(120, w - keysWidth - 60));
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
            double kw = width(keys[i]) + 12;
            gc.setFill(colours[i]);
            gc.fillRoundRect(kx, y + 5, kw, 18, 18, 18);
            text(keys[i], kx + kw / 2, y + 14, MARK, ink(colours[i]), TextAlignment.CENTER);
            kx += kw + 8;
        }
    }

    /** Black on the dark theme's bright fills, white on the light theme's deep ones (WCAG crossover). */
    static Color ink(Color fill) {
        double lum = 0.2126 * Math.pow(fill.getRed(), 2.2) + 0.7152 * Math.pow(fill.getGreen(), 2.2)
                + 0.0722 * Math.pow(fill.getBlue(), 2.2);
        return lum > 0.179 ? Color.BLACK : Color.WHITE;
    }

    private static double width(String t) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(t);
        measure.setFont(MARK);
        return measure.getLayoutBounds().getWidth();
    }

    private void text(String t, double x, double y, Font font, Color color, TextAlignment align) {
        gc.setFont(font);
        gc.setFill(color);
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t, x, y);
    }
}
