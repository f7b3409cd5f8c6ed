package dev.failscope.ui.view;

import dev.failscope.model.Durations;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SweepRow;
import dev.failscope.ui.viewmodel.SimulationViewModel;
import dev.failscope.ui.viewmodel.SweepViewModel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The sweep tab: every single failure with its result, sortable; choosing a row shows that failure's end state
 * on the graph (through simulation mode), and single points of failure are marked on the graph.
 */
final class SweepView {
    private final SweepViewModel vm;
    private final Tab tab = new Tab("Sweep");
    private final TableView<SweepRow> table = new TableView<>();

    SweepView(SweepViewModel vm, SimulationViewModel simulation) {
        this.vm = vm;
        tab.setId("sweep-tab");
        tab.setClosable(false);
        table.setId("sweep-table");
        SortedList<SweepRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.summaryProperty());
        table.setPlaceholder(placeholder);

        TableColumn<SweepRow, String> failure = column("Failure", SweepRow::label, 230);
        TableColumn<SweepRow, String> kind = column("Kind", r -> r.scenario().targets().get(0).kind().name()
                .toLowerCase(Locale.ROOT), 80);
        TableColumn<SweepRow, Health> result = new TableColumn<>("Result");
        result.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().result()));
        result.setComparator(Comparator.comparingInt(Health::ordinal));
        result.setCellFactory(c -> new ResultCell());
        result.setPrefWidth(110);
        result.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<SweepRow, String> down = column("Down", r -> join(r.clustersDown(), r.servicesDown()), 330);
        TableColumn<SweepRow, String> degraded = column("Degraded", r -> join(r.clustersDegraded(),
                r.servicesDegraded()), 330);
        TableColumn<SweepRow, java.time.Duration> rto = new TableColumn<>("Max RTO");
        rto.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().maxRto()));
        rto.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        rto.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(java.time.Duration d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty ? null : d == null ? "-" : Durations.format(d));
            }
        });
        rto.setPrefWidth(90);
        failure.setMinWidth(140);
        kind.setMinWidth(60);
        result.setMinWidth(110);
        rto.setMinWidth(80);
        table.getColumns().addAll(List.of(failure, kind, result, down, degraded, rto));
        table.getSortOrder().setAll(List.of(result));
        vm.rows().addListener((javafx.collections.ListChangeListener<SweepRow>) c -> table.sort());

        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                simulation.simulateToEnd(row.scenario().targets());
            }
        });

        Button run = ToolBarBuilder.button("▶ Run sweep", "Simulate every single failure (as failscope sweep)",
                vm::run);
        run.setId("sweep-run");
        run.disableProperty().bind(vm.runningProperty());
        CheckBox domains = new CheckBox("Zones, regions and hosts too");
        domains.setId("sweep-domains");
        domains.selectedProperty().bindBidirectional(vm.domainsProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("sweep-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Label summary = new Label();
        summary.setId("sweep-summary");
        summary.textProperty().bind(vm.summaryProperty());
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        domains.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress.managedProperty().bind(progress.visibleProperty());
        summary.setMinWidth(0);
        summary.setWrapText(true);
        HBox bar = new HBox(8, run, domains, progress, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        BorderPane content = new BorderPane(table);
        content.setTop(bar);
        tab.setContent(content);
        // the first visit to the tab for a topology sweeps it: there is nothing else to see here
        tab.selectedProperty().addListener((o, a, on) -> {
            if (on && vm.sweptTopologyProperty().get() == null && !vm.runningProperty().get()) {
                vm.run();
            }
        });
    }

    private static String join(List<String> clusters, List<String> services) {
        String c = clusters.isEmpty() ? "" : (clusters.size() == 1 ? "cluster " : "clusters ") + String.join(", ", clusters);
        String s = services.isEmpty() ? "" : (services.size() == 1 ? "service " : "services ") + String.join(", ", services);
        return c.isEmpty() ? s.isEmpty() ? "-" : s : s.isEmpty() ? c : c + "; " + s;
    }

    private static TableColumn<SweepRow, String> column(String title, Function<SweepRow, String> value, double w) {
        TableColumn<SweepRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    Tab tab() {
        return tab;
    }

    TableView<SweepRow> table() {
        return table;
    }

    private static final class ResultCell extends TableCell<SweepRow, Health> {
        @Override
        protected void updateItem(Health h, boolean empty) {
            super.updateItem(h, empty);
            getStyleClass().removeAll("sev-error", "sev-warning", "candidate-viable");
            if (empty || h == null) {
                setText(null);
                return;
            }
            switch (h) {
                case DOWN -> {
                    setText("✖ OUTAGE");
                    getStyleClass().add("sev-error");
                }
                case DEGRADED -> {
                    setText("▲ degraded");
                    getStyleClass().add("sev-warning");
                }
                case OK -> {
                    setText("✔ no effect");
                    getStyleClass().add("candidate-viable");
                }
            }
        }
    }
}
