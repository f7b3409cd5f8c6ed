package dev.failscope.ui.view;

import dev.failscope.model.Node;
import dev.failscope.ui.model.MainViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** The topology graph, drawn on a Canvas from the core layout. */
final class GraphView {
    private final Pane pane = new Pane();
    private final Canvas canvas = new Canvas();
    private final BooleanProperty legendShown = new SimpleBooleanProperty(this, "legendShown", true);

    GraphView(MainViewModel vm) {
        pane.setId("graph");
        pane.getChildren().add(canvas);
        pane.setMinSize(200, 150);
    }

    javafx.scene.Parent node() {
        return pane;
    }

    BooleanProperty legendShownProperty() {
        return legendShown;
    }

    void setDark(boolean dark) {
    }

    void fit() {
    }

    void zoomBy(double factor) {
    }

    void centreOn(Node node) {
    }

    void close() {
    }
}
