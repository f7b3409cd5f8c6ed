package dev.failscope.ui.view;

import dev.failscope.ui.model.MainViewModel;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The main window's content. */
public final class MainView {
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel vm, Stage stage) {
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        root.setBottom(status);
    }

    public Parent root() {
        return root;
    }

    /** Stops background work owned by the view. */
    public void close() {
    }
}
