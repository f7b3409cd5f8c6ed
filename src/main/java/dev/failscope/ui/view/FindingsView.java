package dev.failscope.ui.view;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.ui.viewmodel.FindingsViewModel;
import dev.failscope.ui.viewmodel.Icons;
import dev.failscope.ui.viewmodel.MainViewModel;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The findings tab: filters above a table of severity, rule, message and location. */
final class FindingsView {
    private final TableView<Finding> table = new TableView<>();
    private final Tab tab = new Tab();
    private HBox filters;
    private boolean syncing;

    FindingsView(MainViewModel main, FindingsViewModel vm) {
        table.setId("findings-table");
        table.setItems(vm.shown());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setId("findings-placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> FindingsViewModel.emptyText(main.loadingProperty().get(), main.inspectionProperty().get(),
                        main.findings().size()), main.loadingProperty(), main.inspectionProperty(), main.findings()));
        table.setPlaceholder(placeholder);
        TableColumn<Finding, String> severity = column("Severity", f -> f.severity().label(), 105);
        severity.setCellFactory(c -> new SeverityCell());
        severity.setMinWidth(95);
        table.getColumns().add(severity);
        TableColumn<Finding, String> rule = column("Rule", Finding::rule, 250);
        rule.setMinWidth(170);
        table.getColumns().add(rule);
        table.getColumns().add(column("Message", Finding::message, 700));
        table.getColumns().add(column("Location", f -> f.position().toString(), 330));

        ComboBox<Severity> severityFilter = new ComboBox<>(FXCollections.observableArrayList(Severity.values()));
        severityFilter.setId("severity-filter");
        severityFilter.getItems().add(0, null);
        severityFilter.setButtonCell(new NamedCell<>("All severities", Severity::label));
        severityFilter.setCellFactory(l -> new NamedCell<>("All severities", Severity::label));
        severityFilter.valueProperty().bindBidirectional(vm.severityFilterProperty());
        ComboBox<String> ruleFilter = new ComboBox<>();
        ruleFilter.setId("rule-filter");
        ruleFilter.setButtonCell(new NamedCell<>("All rules", s -> s));
        ruleFilter.setCellFactory(l -> new NamedCell<>("All rules", s -> s));
        vm.rules().addListener((ListChangeListener<String>) c -> fillRules(ruleFilter, vm));
        fillRules(ruleFilter, vm);
        ruleFilter.valueProperty().bindBidirectional(vm.ruleFilterProperty());
        filters = new HBox(8, new Label("Show"), severityFilter, ruleFilter);
        filters.setPadding(new Insets(4, 6, 4, 6));
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        BorderPane content = new BorderPane(table);
        content.setTop(filters);
        tab.setContent(content);
        tab.setClosable(false);
        tab.textProperty().bind(vm.titleProperty());
        tab.setId("findings-tab");

        table.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null && !syncing) {
                main.selectFinding(f);
            }
        });
        main.selectionProperty().addListener((o, a, node) -> {
            Finding current = table.getSelectionModel().getSelectedItem();
            if (node == null || (current != null && node.name().equals(current.subject()))) {
                return;
            }
            syncing = true;
            try {
                vm.shown().stream().filter(f -> node.name().equals(f.subject()) || node.name().equals(f.target()))
                        .findFirst().ifPresentOrElse(f -> {
                            table.getSelectionModel().select(f);
                            table.scrollTo(f);
                        }, () -> table.getSelectionModel().clearSelection());
            } finally {
                syncing = false;
            }
        });
    }

    private static void fillRules(ComboBox<String> box, FindingsViewModel vm) {
        String keep = box.getValue();
        box.getItems().setAll(vm.rules());
        box.getItems().add(0, null);
        box.setValue(keep);
    }

    private static TableColumn<Finding, String> column(String title, Function<Finding, String> value, double width) {
        TableColumn<Finding, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    Tab tab() {
        return tab;
    }

    /** Adds a control to the filter row (diff mode's "introduced by this change"). */
    void addFilter(javafx.scene.Node control) {
        filters.getChildren().add(control);
    }

    TableView<Finding> table() {
        return table;
    }

    /** Severity with an icon, so it does not rely on colour. */
    private static final class SeverityCell extends TableCell<Finding, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("sev-error", "sev-warning", "sev-info");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(Icons.severity(item) + " " + item);
            getStyleClass().add("sev-" + item);
        }
    }

    private static final class NamedCell<T> extends ListCell<T> {
        private final String none;
        private final Function<T, String> name;

        NamedCell(String none, Function<T, String> name) {
            this.none = none;
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? none : name.apply(item));
        }
    }
}
