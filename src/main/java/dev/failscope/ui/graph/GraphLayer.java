package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.Layout;
import dev.failscope.model.Node;
import dev.failscope.scene.SceneDiff;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import javafx.scene.canvas.GraphicsContext;

/**
 * What a mode adds to the graph (diff mode): marks for the scene, drawn by {@link CanvasSceneWriter} like every
 * other encoding, and chrome painted over the frame (a banner).
 */
public interface GraphLayer {
    /** Paints screen chrome after the scene, in layout coordinates under {@code vp}. */
    void paint(GraphicsContext gc, GraphScene scene, Viewport vp, double w, double h, Palette palette);

    /** The marks this layer adds to the scene. */
    default SceneDiff diff(Layout layout) {
        return SceneDiff.NONE;
    }

    /** Lines added to a vertex's tooltip, or "". */
    default String tooltip(Node node) {
        return "";
    }

    /** What "fit" shows: the layout's bounds, grown by what the layer draws outside them. */
    default Box bounds(Layout layout) {
        return layout.bounds();
    }
}
