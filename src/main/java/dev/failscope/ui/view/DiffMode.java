package dev.failscope.ui.view;

import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeType;
import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.ui.viewmodel.DiffGeometry;
import dev.failscope.ui.viewmodel.DiffOverlayBuilder;
import dev.failscope.ui.graph.DiffLayer;
import dev.failscope.ui.graph.CanvasSceneWriter;
import dev.failscope.ui.viewmodel.DiffOverlay;
import dev.failscope.ui.viewmodel.DiffViewModel;
import dev.failscope.ui.viewmodel.FindingsViewModel;
import dev.failscope.ui.viewmodel.MainViewModel;
import java.util.Objects;
import java.util.Optional;
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
    private final DiffLayer painter = new DiffLayer();
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
                centreOn(c);
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

    /**
     * Centres what a change is about, unless it is already well in view: a relation's label (on screen, or
     * its ghost line), else the vertex's box or ghost. A ghost vertex is ringed as selected.
     */
    private void centreOn(Change change) {
        var scene = graph.viewModel().sceneProperty().get();
        if (scene.isEmpty()) {
            return;
        }
        Layout layout = scene.get().layout();
        Node node = DiffViewModel.focusNode(change);
        boolean ghost = change.edge().isEmpty() && layout.box(node.kind(), node.name()).isEmpty();
        painter.setSelectedGhost(ghost ? node : null);
        Optional<Point> at = change.edge().flatMap(ref -> change.type() == ChangeType.REMOVED
                ? painter.geometry(layout).lines().stream().filter(l -> same(l.ghost().edge(), change, ref))
                        .map(DiffGeometry.GhostLine::label).findFirst()
                : DiffOverlayBuilder.find(main.topology(), change.node(), ref).flatMap(layout::route)
                        .map(EdgeRoute::label));
        Optional<Box> box = at.isPresent() ? Optional.empty() : ghost ? painter.geometry(layout).ghost(node)
                : layout.box(node.kind(), node.name()).map(NodeBox::box);
        at.or(() -> box.map(b -> new Point(b.centerX(), b.centerY()))).filter(p -> !comfortablyInView(p))
                .ifPresent(p -> {
                    var canvas = graph.canvas();
                    graph.setViewport(graph.viewport().centreOn(p.x(), p.y(), canvas.getWidth(), canvas.getHeight(),
                            0.6));
                });
    }

    /** Already in the middle part of the view at a readable zoom: moving the graph would only disorient. */
    private boolean comfortablyInView(Point p) {
        var v = graph.viewport();
        double w = graph.canvas().getWidth();
        double h = graph.canvas().getHeight();
        double x = v.toScreenX(p.x());
        double y = v.toScreenY(p.y());
        return v.scale() >= CanvasSceneWriter.LABELS && x > w * 0.15 && x < w * 0.85 && y > h * 0.15 && y < h * 0.85;
    }

    private static boolean same(Edge e, Change change, Change.EdgeRef ref) {
        return e.kind() == ref.kind() && e.from().name().equals(change.node().name())
                && e.to().name().equals(ref.to().name());
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
