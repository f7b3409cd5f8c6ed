package dev.failscope.ui.view;

import dev.failscope.layout.Box;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.model.Severity;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The minimap: the whole layout in a small corner canvas (clusters as boxes, red where a finding is an error,
 * amber for a warning) with the graph's visible rectangle on it; click or drag to move the view there. The
 * layout is drawn once per scene and theme into an image; a viewport change only redraws the image and the
 * rectangle.
 */
final class MinimapView {
    static final double W = 200;
    static final double H = 130;
    /** Boxes from which the minimap shows even when the whole graph is in view. */
    static final int LARGE = 80;
    private final Canvas canvas = new Canvas(W, H);
    private final StackPane holder = new StackPane(canvas);
    private final Supplier<java.util.Optional<GraphScene>> scene;
    private final Supplier<Viewport> viewport;
    private final Supplier<double[]> viewSize;
    private final Consumer<Viewport> move;
    private final javafx.beans.property.BooleanProperty enabled =
            new javafx.beans.property.SimpleBooleanProperty(this, "enabled", true);
    private boolean suppressed;
    private GraphScene drawnScene;
    private Palette drawnPalette;
    private Image picture;
    private Viewport drawnViewport;
    private double scale = 1;
    private double ox;
    private double oy;

    MinimapView(Supplier<java.util.Optional<GraphScene>> scene, Supplier<Viewport> viewport,
                Supplier<double[]> viewSize, Consumer<Viewport> move) {
        this.scene = scene;
        this.viewport = viewport;
        this.viewSize = viewSize;
        this.move = move;
        canvas.setId("minimap");
        holder.setMaxSize(W, H);
        holder.getStyleClass().add("minimap");
        StackPane.setAlignment(holder, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(holder, new javafx.geometry.Insets(0, 10, 10, 0));
        canvas.setOnMousePressed(e -> jump(e.getX(), e.getY()));
        canvas.setOnMouseDragged(e -> jump(e.getX(), e.getY()));
        canvas.setOnScroll(javafx.event.Event::consume);
    }

    /** Centres the graph's view on the layout point under a minimap point. */
    void jump(double x, double y) {
        if (drawnScene == null) {
            return;
        }
        double[] size = viewSize.get();
        Viewport v = viewport.get();
        double wx = (x - ox) / scale;
        double wy = (y - oy) / scale;
        move.accept(new Viewport(v.scale(), size[0] / 2 - wx * v.scale(), size[1] / 2 - wy * v.scale()));
    }

    /** Redraws after a frame of the graph: the cached picture and the visible rectangle. */
    void update(Palette palette) {
        GraphScene s = scene.get().orElse(null);
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (s == null || s.layout().nodes().isEmpty()) {
            holder.setVisible(false);
            drawnScene = null;
            return;
        }
        double[] size = viewSize.get();
        Viewport v = viewport.get();
        Box vis = v.visible(size[0], size[1]);
        // Only where it helps: a large graph, or part of the graph off screen (a small one at Fit needs none).
        boolean needed = s.layout().nodes().size() > LARGE || !vis.contains(s.layout().bounds());
        holder.setVisible(enabled.get() && !suppressed && needed);
        if (!holder.isVisible()) {
            return;
        }
        if (s != drawnScene || palette != drawnPalette) {
            drawnScene = s;
            drawnPalette = palette;
            picture = draw(s, palette);
            drawnViewport = null;
        }
        if (v.equals(drawnViewport)) {
            return;
        }
        drawnViewport = v;
        g.drawImage(picture, 0, 0);
        double x = ox + vis.x() * scale;
        double y = oy + vis.y() * scale;
        double w = vis.width() * scale;
        double h = vis.height() * scale;
        double x0 = Math.max(1, x);
        double y0 = Math.max(1, y);
        double x1 = Math.min(W - 1, x + w);
        double y1 = Math.min(H - 1, y + h);
        if (x1 > x0 && y1 > y0) {
            g.setFill(palette.accent().deriveColor(0, 1, 1, 0.12));
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
            g.setStroke(palette.accent());
            g.setLineWidth(2);
            g.strokeRect(x0, y0, x1 - x0, y1 - y0);
        }
    }

    private Image draw(GraphScene s, Palette p) {
        Box b = s.layout().bounds();
        scale = Math.min((W - 8) / Math.max(1, b.width()), (H - 8) / Math.max(1, b.height()));
        ox = (W - b.width() * scale) / 2 - b.x() * scale;
        oy = (H - b.height() * scale) / 2 - b.y() * scale;
        Canvas off = new Canvas(W, H);
        GraphicsContext g = off.getGraphicsContext2D();
        g.setFill(p.legendFill());
        g.fillRect(0, 0, W, H);
        for (NodeBox nb : s.layout().nodes()) {
            if (nb.role() != NodeRole.CLUSTER && nb.role() != NodeRole.STANDALONE && nb.role() != NodeRole.SERVICE) {
                continue;
            }
            Severity worst = worst(s, nb);
            Color c = worst == Severity.ERROR ? p.danger() : worst == Severity.WARNING ? p.warning()
                    : nb.role() == NodeRole.SERVICE ? p.serviceStroke() : p.clusterStroke();
            g.setFill(c);
            Box r = nb.box();
            g.fillRect(ox + r.x() * scale, oy + r.y() * scale, Math.max(1, r.width() * scale),
                    Math.max(1, r.height() * scale));
        }
        g.setStroke(p.subText());
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, W - 1, H - 1);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return off.snapshot(params, null);
    }

    /** The worst finding on a cluster box or on any of its members. */
    private static Severity worst(GraphScene s, NodeBox nb) {
        Severity w = s.look(nb.node()).worst();
        if (nb.role() == NodeRole.CLUSTER) {
            for (var m : s.topology().cluster(nb.node().name()).map(c -> c.members()).orElse(java.util.List.of())) {
                Severity ms = s.topology().node(dev.failscope.model.NodeKind.SERVER, m.name())
                        .map(n -> s.look(n).worst()).orElse(null);
                if (ms != null && (w == null || ms.atLeast(w))) {
                    w = ms;
                }
            }
        }
        return w;
    }

    /** Hidden whatever the menu says (presentation mode). */
    void setSuppressed(boolean on) {
        suppressed = on;
    }

    /** View → Minimap: shown whenever there is a graph. */
    javafx.beans.property.BooleanProperty enabledProperty() {
        return enabled;
    }

    StackPane node() {
        return holder;
    }

    Canvas canvas() {
        return canvas;
    }
}
