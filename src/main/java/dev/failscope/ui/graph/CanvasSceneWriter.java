package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.Point;
import dev.failscope.model.Node;
import dev.failscope.scene.Dash;
import dev.failscope.scene.Detail;
import dev.failscope.scene.Geometry;
import dev.failscope.scene.Group;
import dev.failscope.scene.Item;
import dev.failscope.scene.Scene;
import dev.failscope.scene.SceneBuilder;
import dev.failscope.scene.SceneDiff;
import dev.failscope.scene.SceneView;
import dev.failscope.scene.Tags;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Writes a {@link Scene} onto a JavaFX canvas. The scene is built per frame for the viewport (culled to what it
 * shows, at the level of detail of its scale); this class only translates primitives, then draws the legend and
 * the layer's screen chrome (diff mode's banner).
 */
public final class CanvasSceneWriter {
    /** At or above this scale: text, badges, arrow heads and dashes ({@link Detail#FULL}). */
    public static final double LABELS = Detail.LABELS;
    /** Width of the legend box in pixels (the view leaves room for it when fitting). */
    public static final double LEGEND_WIDTH = 300;
    /** The tag of a failed server, drawn on its second line. */
    public static final String FAILED_TAG = Tags.FAILED;
    /** The tag of a cluster that failed over (or lost a replica) and runs on reduced redundancy. */
    public static final String DEGRADED_TAG = Tags.DEGRADED;

    /**
     * What to draw besides the scene itself.
     *
     * @param detail    a forced level of detail (overview at any zoom), or null for the scale's own
     * @param collapsed collapsed clusters, zones and regions ({@link dev.failscope.scene.Collapse} ids)
     * @param drift     servers and clusters where the running cluster differs from the config, with why
     */
    public record State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                        Palette palette, Map<String, String> spof, Detail detail, Set<String> collapsed,
                        Map<String, String> drift) {
        public State {
            spof = Map.copyOf(spof);
            collapsed = Set.copyOf(collapsed);
            drift = Map.copyOf(drift);
        }

        /** Without drift marks. */
        public State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                     Palette palette, Map<String, String> spof, Detail detail, Set<String> collapsed) {
            this(selected, hovered, overlay, pulse, legend, palette, spof, detail, collapsed, Map.of());
        }

        public State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                     Palette palette, Map<String, String> spof) {
            this(selected, hovered, overlay, pulse, legend, palette, spof, null, Set.of());
        }

        /** Without single points of failure marked. */
        public State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                     Palette palette) {
            this(selected, hovered, overlay, pulse, legend, palette, Map.of());
        }
    }

    private GraphLayer layer;
    private GraphicsContext gc;
    private Palette p;
    private final Map<Long, Font> fonts = new HashMap<>();
    private Scene last;

    /** The scene of a frame: what {@link #paint} draws for this viewport and state. */
    public Scene scene(GraphScene scene, Viewport vp, double w, double h, State state) {
        Detail detail = state.detail() != null ? state.detail() : Detail.at(vp.scale());
        SceneDiff diff = layer == null ? SceneDiff.NONE : layer.diff(scene.layout());
        SceneView view = new SceneView(state.overlay().toScene(state.spof()).withDrift(state.drift()), diff, detail, vp.scale(),
                state.collapsed(), vp.visible(w, h), state.selected(), state.hovered(), state.pulse());
        return SceneBuilder.build(scene.model(), view);
    }

    /** The scene drawn by the last {@link #paint} (tests). */
    public Scene lastScene() {
        return last;
    }

    /** Paints one frame and returns how many groups were drawn (for the benchmark). */
    public int paint(GraphicsContext g, double w, double h, GraphScene scene, Viewport vp, State state) {
        return write(g, w, h, scene, vp, state, scene(scene, vp, w, h, state));
    }

    /**
     * Paints a scene built elsewhere (for example off the FX thread with {@link #scene}, which is pure) for this
     * viewport; returns how many groups were drawn.
     */
    public int write(GraphicsContext g, double w, double h, GraphScene scene, Viewport vp, State state, Scene s) {
        this.gc = g;
        this.p = state.palette();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(p.background());
        gc.fillRect(0, 0, w, h);
        gc.setTransform(vp.scale(), 0, 0, vp.scale(), vp.tx(), vp.ty());
        last = s;
        for (Group group : s.groups()) {
            for (Item item : group.items()) {
                draw(item);
            }
        }
        if (layer != null) {
            layer.paint(gc, scene, vp, w, h, p);
        }
        gc.setTransform(1, 0, 0, 1, 0, 0);
        if (state.legend()) {
            Legend.draw(gc, p, h, state.overlay().active(), !state.spof().isEmpty(),
                    !scene.topology().routes().isEmpty(), !state.drift().isEmpty());
        }
        return s.groups().size();
    }

    /** Sets (or with null removes) the layer drawn over the graph. */
    public void setLayer(GraphLayer layer) {
        this.layer = layer;
    }

    private void draw(Item item) {
        if (item instanceof Item.Rect r) {
            Box b = r.box();
            double arc = Math.min(r.corner(), Math.min(b.width(), b.height()));
            Color f = p.colour(r.fill());
            if (f != null) {
                gc.setFill(f);
                if (arc <= 0) {
                    gc.fillRect(b.x(), b.y(), b.width(), b.height());
                } else {
                    gc.fillRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
                }
            }
            if (stroke(r.stroke(), r.width(), r.dash())) {
                if (arc <= 0) {
                    gc.strokeRect(b.x(), b.y(), b.width(), b.height());
                } else {
                    gc.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
                }
                gc.setLineDashes();
            }
        } else if (item instanceof Item.Disc d) {
            Color f = p.colour(d.fill());
            if (f != null) {
                gc.setFill(f);
                gc.fillOval(d.cx() - d.r(), d.cy() - d.r(), 2 * d.r(), 2 * d.r());
            }
            if (stroke(d.stroke(), d.width(), Dash.SOLID)) {
                gc.strokeOval(d.cx() - d.r(), d.cy() - d.r(), 2 * d.r(), 2 * d.r());
            }
        } else if (item instanceof Item.Poly poly) {
            double[] xs = poly.points().stream().mapToDouble(Point::x).toArray();
            double[] ys = poly.points().stream().mapToDouble(Point::y).toArray();
            Color f = p.colour(poly.fill());
            if (f != null) {
                gc.setFill(f);
                gc.fillPolygon(xs, ys, xs.length);
            }
            if (stroke(poly.stroke(), poly.width(), Dash.SOLID)) {
                gc.strokePolygon(xs, ys, xs.length);
            }
        } else if (item instanceof Item.Line l) {
            line(l);
        } else if (item instanceof Item.Text t) {
            text(t);
        } else if (item instanceof Item.Hatch h) {
            if (stroke(h.ink(), h.width(), Dash.SOLID)) {
                double[] seg = Geometry.hatch(h.box(), h.spacing());
                for (int i = 0; i < seg.length; i += 4) {
                    gc.strokeLine(seg[i], seg[i + 1], seg[i + 2], seg[i + 3]);
                }
            }
        }
    }

    private boolean stroke(dev.failscope.scene.Style style, double width, Dash dash) {
        Color c = p.colour(style);
        if (c == null || width <= 0) {
            return false;
        }
        gc.setStroke(c);
        gc.setLineWidth(width);
        if (dash.solid()) {
            gc.setLineDashes();
        } else {
            gc.setLineDashes(dash.on(), dash.off());
        }
        return true;
    }

    private void line(Item.Line l) {
        if (!stroke(l.stroke(), l.width(), l.dash())) {
            return;
        }
        List<Point> pts = l.points();
        if (pts.size() == 2) {
            gc.strokeLine(pts.get(0).x(), pts.get(0).y(), pts.get(1).x(), pts.get(1).y());
        } else {
            gc.beginPath();
            gc.moveTo(pts.get(0).x(), pts.get(0).y());
            for (int i = 1; i < pts.size(); i++) {
                gc.lineTo(pts.get(i).x(), pts.get(i).y());
            }
            gc.stroke();
        }
        gc.setLineDashes();
        if (l.arrow() > 0) {
            arrow(pts.get(pts.size() - 2), pts.get(pts.size() - 1), l.arrow(), p.colour(l.stroke()));
        }
    }

    private void arrow(Point from, Point to, double size, Color color) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double bx = to.x() - ux * size;
        double by = to.y() - uy * size;
        gc.setFill(color);
        gc.fillPolygon(new double[] {to.x(), bx - uy * size * 0.5, bx + uy * size * 0.5},
                new double[] {to.y(), by + ux * size * 0.5, by - ux * size * 0.5}, 3);
    }

    private void text(Item.Text t) {
        Color c = p.colour(t.ink());
        if (c == null || t.text().isEmpty()) {
            return;
        }
        long key = Math.round(t.size() * 100) * 2 + (t.bold() ? 1 : 0);
        gc.setFont(fonts.computeIfAbsent(key, k -> Font.font("System", t.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                t.size())));
        gc.setFill(c);
        gc.setTextAlign(switch (t.align()) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(t.text(), t.x(), t.y());
    }
}
