package dev.failscope.ui.view;

import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import dev.failscope.ui.graph.DiffOverlayPainter;
import dev.failscope.ui.model.DiffOverlay;
import dev.failscope.ui.model.DiffViewModel;
import dev.failscope.ui.model.FindingsViewModel;
import dev.failscope.ui.model.MainViewModel;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;

/**
 * Wires diff mode into the main window: the changes tab, the overlay over the graph, the findings filter
 * and the compare dialog.
 */
final class DiffMode {
    private final MainViewModel main;
    private final DiffViewModel vm;
    private final GraphView graph;
    private final javafx.stage.Stage stage;
    private final DiffOverlayPainter painter = new DiffOverlayPainter();
    private final ChangesView changes;

    DiffMode(MainView view, FindingsView findings, FindingsViewModel findingsVm, Executor background) {
        this.main = view.vm();
        this.graph = view.graph();
        this.stage = view.stage();
        this.vm = new DiffViewModel(main, background, Platform::runLater);
        graph.setLayer(painter);
        changes = new ChangesView(vm, this::openDialog);
        TabPane tabs = view.bottomTabs();
        tabs.getTabs().add(changes.tab());

        CheckBox introduced = new CheckBox("Introduced by this change");
        introduced.setId("introduced-filter");
        introduced.visibleProperty().bind(vm.comparisonProperty().isNotNull());
        introduced.managedProperty().bind(introduced.visibleProperty());
        introduced.selectedProperty().bindBidirectional(vm.introducedOnlyProperty());
        findings.addFilter(introduced);
        findingsVm.scopeProperty().bind(vm.findingsFilter());

        vm.overlayProperty().addListener((o, was, now) -> overlayChanged(was, now));
        vm.selectedProperty().addListener((o, a, c) -> {
            if (c != null) {
                centreOn(DiffViewModel.focusNode(c));
            }
        });
        vm.busyProperty().addListener((o, a, busy) -> {
            if (busy && vm.comparisonProperty().get() == null) {
                tabs.getSelectionModel().select(changes.tab());
            }
        });
    }

    private void overlayChanged(DiffOverlay was, DiffOverlay now) {
        painter.setOverlay(now);
        painter.setSelectedGhost(null);
        if (!Objects.equals(was.base(), now.base())) {
            graph.fit(); // a new comparison (or none): show all of it, the removed strip included
        } else {
            graph.repaint();
        }
    }

    /** Centres the element a change is shown on: its box on screen, or its ghost. */
    private void centreOn(Node node) {
        var scene = graph.viewModel().sceneProperty().get();
        if (scene.isEmpty()) {
            return;
        }
        if (scene.get().layout().box(node.kind(), node.name()).isPresent()) {
            painter.setSelectedGhost(null);
            graph.centreOn(scene.get().layout().box(node.kind(), node.name()).get().node());
            return;
        }
        painter.setSelectedGhost(node);
        painter.geometry(scene.get().layout()).ghost(node).ifPresent(b -> centre(b));
    }

    private void centre(Box b) {
        var canvas = graph.canvas();
        graph.setViewport(graph.viewport().centreOn(b.centerX(), b.centerY(), canvas.getWidth(),
                canvas.getHeight(), 0.6));
    }

    void openDialog() {
        if (main.inspectionProperty().get() == null) {
            main.say("Open a topology first, then compare it with another version");
            return;
        }
        String shown = String.join(", ", main.pathsProperty().get());
        String suggested = vm.baseProperty().get() instanceof DiffViewModel.Folder f ? f.label() : "";
        new CompareDialog(stage, vm, shown, suggested).showAndWait().ifPresent(vm::compare);
    }

    DiffViewModel viewModel() {
        return vm;
    }

    ChangesView changes() {
        return changes;
    }
}
