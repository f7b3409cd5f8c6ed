package dev.failscope.ui.view;

import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeType;
import dev.failscope.diff.Comparison;
import dev.failscope.ui.viewmodel.DiffViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The changes tab of diff mode: what the topology on screen is compared with, the story and the resilience
 * delta at the top, then the semantic changes. Selecting a change selects and centres it in the graph.
 */
final class ChangesView {
    private final DiffViewModel vm;
    private final Tab tab = new Tab();
    private final ListView<Change> list = new ListView<>();
    private final VBox summary = new VBox(2);
    private final Label counts = new Label();
    private boolean syncing;

    ChangesView(DiffViewModel vm, Runnable compareWith) {
        this.vm = vm;
        tab.setId("changes-tab");
        tab.setClosable(false);
        tab.textProperty().bind(Bindings.createStringBinding(() -> vm.comparisonProperty().get() == null
                ? "Changes" : "Changes (" + vm.changes().size() + ")", vm.comparisonProperty(), vm.changes()));

        Label title = new Label();
        title.setId("changes-title");
        title.setStyle("-fx-font-weight: bold;");
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.baseProperty().get() == null
                ? "No comparison" : "Compared with " + vm.baseProperty().get().label(), vm.baseProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("changes-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Button compare = ToolBarBuilder.button("Compare with…", "Compare the topology on screen with a folder "
                + "or a git revision (Ctrl+D)", compareWith);
        compare.setId("compare-button");
        Button clear = ToolBarBuilder.button("✕ Clear comparison", "Back to the topology on screen alone",
                vm::clear);
        clear.setId("clear-comparison");
        clear.disableProperty().bind(vm.comparisonProperty().isNull());
        compare.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        counts.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, counts, busy, spacer, compare, clear);
        top.setAlignment(Pos.CENTER_LEFT);

        summary.setId("diff-summary");
        counts.setId("diff-counts");
        counts.getStyleClass().add("text-muted");
        // a big change can tell many stories: they scroll, so the list of changes keeps its room
        javafx.scene.control.ScrollPane stories = new javafx.scene.control.ScrollPane(summary);
        stories.setId("diff-summary-scroll");
        stories.setFitToWidth(true);
        stories.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        stories.setMaxHeight(96);
        stories.prefViewportHeightProperty().bind(Bindings.min(96, summary.heightProperty()));
        stories.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        stories.visibleProperty().bind(Bindings.isNotEmpty(vm.summary()));
        stories.managedProperty().bind(stories.visibleProperty());
        VBox header = new VBox(2, top, stories);
        header.setPadding(new Insets(2, 8, 4, 8));

        list.setId("changes-list");
        list.setMinHeight(64);
        list.setItems(vm.changes());
        list.setCellFactory(l -> new ChangeCell());
        list.setPlaceholder(new Label("No comparison. File → Compare with… (Ctrl+D) reviews a change against "
                + "another folder or a git revision."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (!syncing && c != null) {
                vm.select(c);
            }
        });
        vm.selectedProperty().addListener((o, a, c) -> {
            syncing = true;
            try {
                if (c == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(c);
                    list.scrollTo(c);
                }
            } finally {
                syncing = false;
            }
        });

        BorderPane content = new BorderPane(list);
        content.setTop(header);
        tab.setContent(content);
        vm.summary().addListener((ListChangeListener<DiffViewModel.Line>) c -> showSummary());
        vm.comparisonProperty().addListener((o, a, c) -> showSummary());
        showSummary();
    }

    private void showSummary() {
        summary.getChildren().clear();
        for (DiffViewModel.Line line : vm.summary()) {
            Label l = new Label(line.shown());
            l.setTooltip(new javafx.scene.control.Tooltip(line.text()));
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add(switch (line.tone()) {
                case BAD -> "sev-error";
                case GOOD -> "candidate-viable";
                case INFO -> "text-muted";
            });
            summary.getChildren().add(l);
        }
        Comparison c = vm.comparisonProperty().get();
        counts.setText(c == null ? "" : "·  findings: " + c.findings().introduced().size() + " introduced, "
                + c.findings().resolved().size() + " resolved, " + c.findings().unchanged().size() + " unchanged");
        counts.setTooltip(c == null || c.findings().introduced().isEmpty() ? null : new javafx.scene.control.Tooltip(
                "Findings tab: tick \"Introduced by this change\" to list only these"));
    }

    Tab tab() {
        return tab;
    }

    ListView<Change> list() {
        return list;
    }

    /** "+ message   (file:line)", with the mark's word so colour is never the only cue. */
    private static final class ChangeCell extends ListCell<Change> {
        @Override
        protected void updateItem(Change c, boolean empty) {
            super.updateItem(c, empty);
            getStyleClass().removeAll("candidate-viable", "sev-warning", "text-muted");
            if (empty || c == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String mark = c.type() == ChangeType.REMOVED ? "\u2212" : c.type().mark();
            setText(mark + "  " + c.message() + "   (" + c.position().shortForm() + ")");
            getStyleClass().add(switch (c.type()) {
                case ADDED -> "candidate-viable";
                case REMOVED -> "text-muted";
                case CHANGED, REORDERED -> "sev-warning";
            });
            StringBuilder tip = new StringBuilder(c.type().label() + ": " + c.message());
            c.beforePosition().ifPresent(p -> tip.append("\nbefore: ").append(p));
            c.afterPosition().ifPresent(p -> tip.append("\nafter:  ").append(p));
            setTooltip(new javafx.scene.control.Tooltip(tip.toString()));
        }
    }
}
