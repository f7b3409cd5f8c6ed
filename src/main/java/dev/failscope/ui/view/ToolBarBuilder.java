package dev.failscope.ui.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The tool bar under the menu. */
final class ToolBarBuilder {
    private final MainView view;

    ToolBarBuilder(MainView view) {
        this.view = view;
    }

    HBox build() {
        Button open = button("Open…", "Open files (Ctrl+O)", () -> view.openFiles());
        Button reload = button("⟳ Reload", "Reload (Ctrl+R)", () -> view.vm().reload());
        Button fit = button("Fit", "Fit to window (F)", () -> view.graph().fit());
        fit.setId("fit");
        Button zoomOut = button("−", "Zoom out (−)", () -> view.graph().zoomBy(0.8));
        Button zoomIn = button("+", "Zoom in (+)", () -> view.graph().zoomBy(1.25));
        TextField search = view.searchField();
        Button simulate = button("⚡ Simulate loss", "Simulate the loss of the selected server (K); "
                + "Shift+click adds more servers",
                () -> view.simulation().simulateSelected());
        simulate.setId("simulate-loss");
        simulate.getStyleClass().add("accent");
        simulate.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var n = view.vm().selectionProperty().get();
            return n == null || n.kind() != dev.failscope.model.NodeKind.SERVER || n.missing();
        }, view.vm().selectionProperty()));
        javafx.scene.control.MenuButton domains = new javafx.scene.control.MenuButton("⚡ Lose zone / region / host");
        domains.setId("lose-domain");
        domains.setTooltip(new Tooltip("Simulate the loss of a whole zone, region or host: the selected server's, "
                + "the one found by search, or any by name"));
        domains.setFocusTraversable(false);
        DomainMenu builder = new DomainMenu(view);
        domains.setOnShowing(e -> domains.getItems().setAll(builder.items()));
        domains.getItems().add(new javafx.scene.control.MenuItem("(loading)"));
        HBox bar = new HBox(6, open, reload, new Separator(javafx.geometry.Orientation.VERTICAL), fit, zoomOut,
                zoomIn, new Separator(javafx.geometry.Orientation.VERTICAL), search,
                new Separator(javafx.geometry.Orientation.VERTICAL), simulate, domains);
        bar.getStyleClass().add("tool-bar-row");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
