package dev.failscope.ui.view;

import dev.failscope.model.Finding;
import dev.failscope.report.TextReport;
import dev.failscope.ui.viewmodel.LiveViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File → Connect…: endpoints one per line; Connect snapshots them in the background (the dialog stays open with a
 * progress indicator) and shows what was read and the drift from the config on screen.
 */
final class ConnectDialog extends Dialog<Void> {
    static final String DEFAULT = "# one per line: patroni URL, sentinel HOST:PORT, etcd URL\n"
            + "patroni http://127.0.0.1:8008\n";

    ConnectDialog(Window owner, LiveViewModel vm) {
        initOwner(owner);
        setTitle("Connect…");
        setHeaderText("Read the running clusters (read-only) and compare them with the config on screen");
        TextArea endpoints = new TextArea(DEFAULT);
        endpoints.setId("connect-endpoints");
        endpoints.setPrefRowCount(5);
        Button connect = new Button("Connect");
        connect.setId("connect-run");
        connect.setDefaultButton(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("connect-progress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());
        connect.disableProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("connect-status");
        status.setWrapText(true);
        javafx.beans.property.StringProperty problem = new javafx.beans.property.SimpleStringProperty("");
        status.textProperty().bind(Bindings.when(problem.isEmpty()).then(vm.statusProperty()).otherwise(problem));
        ListView<String> drift = new ListView<>();
        drift.setId("connect-drift");
        drift.setPrefHeight(180);
        drift.itemsProperty().bind(Bindings.createObjectBinding(() -> javafx.collections.FXCollections
                .observableArrayList(vm.driftProperty().get().stream().map(ConnectDialog::line).toList()),
                vm.driftProperty()));
        connect.setOnAction(e -> {
            LiveViewModel.Parsed p = LiveViewModel.parse(endpoints.getText());
            if (!p.bad().isEmpty() || p.endpoints().isEmpty()) {
                problem.set(!p.bad().isEmpty() ? "Not an endpoint: " + p.bad().get(0) + " (write patroni URL, "
                        + "sentinel HOST:PORT or etcd URL)" : "Give at least one endpoint.");
                return;
            }
            problem.set("");
            vm.connect(p.endpoints());
        });
        VBox box = new VBox(8, endpoints, new HBox(8, connect, progress), status, drift);
        box.setPrefWidth(640);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static String line(Finding f) {
        return TextReport.line(f);
    }
}
