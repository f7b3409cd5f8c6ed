package dev.failscope.ui.view;

import dev.failscope.load.LoadError;
import dev.failscope.model.SourcePosition;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bar shown when the latest load failed: one link per error ({@code file:line:col: message}); the last
 * good topology stays on screen below it.
 */
final class ErrorBar extends VBox {
    private static final int MAX_SHOWN = 8;

    private final Label headline = new Label();
    private final VBox links = new VBox(2);

    ErrorBar(ObservableList<LoadError> errors, Consumer<SourcePosition> open, Runnable dismiss) {
        getStyleClass().add("error-bar");
        setId("error-bar");
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(4);
        headline.getStyleClass().add("error-bar-headline");
        Button close = new Button("✕");
        close.getStyleClass().addAll("flat", "small");
        close.setOnAction(e -> dismiss.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, headline, spacer, close);
        getChildren().addAll(top, links);
        errors.addListener((ListChangeListener<LoadError>) c -> refresh(errors, open));
        refresh(errors, open);
    }

    private void refresh(ObservableList<LoadError> errors, Consumer<SourcePosition> open) {
        boolean show = !errors.isEmpty();
        setVisible(show);
        setManaged(show);
        links.getChildren().clear();
        headline.setText("✖ " + errors.size() + " load error" + (errors.size() == 1 ? "" : "s")
                + ". What is on screen is unchanged: fix the file and save it (or press F5) to try again.");
        for (LoadError e : errors.stream().limit(MAX_SHOWN).toList()) {
            Hyperlink link = new Hyperlink(e.position() + ":");
            link.getStyleClass().add("error-link");
            link.setOnAction(a -> open.accept(e.position()));
            Label message = new Label(e.message());
            message.setWrapText(true);
            links.getChildren().add(new FlowPane(4, 0, link, message));
        }
        if (errors.size() > MAX_SHOWN) {
            links.getChildren().add(new Label("… and " + (errors.size() - MAX_SHOWN) + " more"));
        }
    }
}
