package dev.failscope.ui.graph;

import dev.failscope.layout.Layout;
import dev.failscope.layout.Box;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.ui.viewmodel.DiffGeometry;
import dev.failscope.ui.viewmodel.DiffOverlay;
import dev.failscope.scene.SceneDiff;
import java.util.HashMap;
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
 * Diff mode over the graph: hands the scene its marks (added "+", changed "~", removed "−" ghosts, drawn by
 * {@link dev.failscope.scene.SceneBuilder} for every backend) and paints a banner at the top naming the other
 * side and the marks.
 */
public final class DiffLayer implements GraphLayer {
    private static final Font MARK = Font.font("System", FontWeight.BOLD, 11);
    private static final Font BANNER = Font.font("System", FontWeight.BOLD, 12.5);

    private DiffOverlay overlay = DiffOverlay.NONE;
    private Node selectedGhost;
    private DiffOverlay geometryFor;
    private Layout geometryLayout;
    private DiffGeometry geometry;
    private GraphicsContext gc;
    private Palette p;

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

    /** The diff's marks for the scene: node and edge marks, ghosts where the geometry placed them. */
    @Override
    public SceneDiff diff(Layout layout) {
        if (!overlay.active()) {
            return SceneDiff.NONE;
        }
        DiffGeometry geo = geometry(layout);
        Map<Node, SceneDiff.Mark> nodes = new HashMap<>();
        overlay.nodes().forEach((n, m) -> nodes.put(n, new SceneDiff.Mark(m.type(), m.label())));
        Map<Edge, SceneDiff.Mark> edges = new HashMap<>();
        overlay.edges().forEach((e, m) -> edges.put(e, new SceneDiff.Mark(m.type(), m.label())));
        List<SceneDiff.GhostLine> lines = new ArrayList<>();
        for (DiffGeometry.GhostLine l : geo.lines()) {
            lines.add(new SceneDiff.GhostLine(l.points(), l.label(), l.ghost().label()));
        }
        return new SceneDiff(nodes, edges, geo.ghosts(), lines, geo.strip(), selectedGhost);
    }

    /** The banner naming the other side and the marks, over the frame. */
    @Override
    public void paint(GraphicsContext g, GraphScene scene, Viewport vp, double w, double h, Palette palette) {
        if (!overlay.active()) {
            return;
        }
        this.gc = g;
        this.p = palette;
        gc.setTransform(1, 0, 0, 1, 0, 0);
        banner(w);
        gc.setTransform(vp.scale(), 0, 0, vp.scale(), vp.tx(), vp.ty());
    }

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
        text(dev.failscope.scene.TextFit.name(title, titleWidth, 12.5, true), x + 12, y + 14, BANNER, p.text(), TextAlignment.LEFT);
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
