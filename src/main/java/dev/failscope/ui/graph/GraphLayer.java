package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.Layout;
import dev.failscope.model.Node;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import javafx.scene.canvas.GraphicsContext;

/** Drawn by {@link GraphPainter} over the graph in layout coordinates, under the legend (diff mode's overlay). */
public interface GraphLayer {
    void paint(GraphicsContext gc, GraphScene scene, Viewport vp, double w, double h, Palette palette);

    /** Lines added to a vertex's tooltip, or "". */
    default String tooltip(Node node) {
        return "";
    }

    /** What "fit" shows: the layout's bounds, grown by what the layer draws outside them. */
    default Box bounds(Layout layout) {
        return layout.bounds();
    }
}
