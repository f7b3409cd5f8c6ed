package dev.failscope.ui.view;

import dev.failscope.layout.Box;
import dev.failscope.layout.Lane;
import dev.failscope.layout.NodeBox;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.ui.graph.CanvasSceneWriter;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.GraphViewModel;
import dev.failscope.ui.viewmodel.MainViewModel;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The topology graph: a Canvas drawing the core layout through {@link CanvasSceneWriter}. Pan by dragging, zoom
 * with the wheel, pinch or +/−, click to select, hover for the key facts, right-click for simulation.
 */
public final class GraphView {
    private final MainViewModel main;
    private final GraphViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Pane canvasPane = new Pane(canvas);
    private final StackPane root = new StackPane();
    private final CanvasSceneWriter painter = new CanvasSceneWriter();
    private final BooleanProperty legendShown = new SimpleBooleanProperty(this, "legendShown", true);
    private final Tooltip tooltip = new Tooltip();
    private final ContextMenu menu = new ContextMenu();
    private Viewport viewport = Viewport.IDENTITY;
    private Palette palette = Palette.LIGHT;
    private Node hovered;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private boolean paintScheduled;
    private List<String> shownFiles = List.of();
    private double pulse;
    private final AnimationTimer pulser;
    private Consumer<String> onSimulateLoss = s -> { };
    private Consumer<String> onAddFailure = s -> { };
    private BiConsumer<String, String> onSimulateZoneLoss = (region, zone) -> { };
    private dev.failscope.ui.graph.GraphLayer layer;
    private Box domainBox;
    private boolean presenting;
    private String domainLabel = "";
    private boolean refit;
    /** How far Fit magnifies in presentation mode: a small graph fills a projector's screen. */
    static final double PRESENT_MAX_FIT = 2.5;
    private dev.failscope.ui.viewmodel.CollapseModel collapse = new dev.failscope.ui.viewmodel.CollapseModel();
    private final MinimapView minimap;

    GraphView(MainViewModel main, GraphViewModel vm) {
        this.main = main;
        this.vm = vm;
        root.setId("graph");
        canvas.setId("graph-canvas");
        canvas.setFocusTraversable(true);
        root.setMinSize(200, 150);
        canvasPane.setMinSize(0, 0);
        canvas.widthProperty().bind(canvasPane.widthProperty());
        canvas.heightProperty().bind(canvasPane.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> sizeChanged(a.doubleValue()));
        canvas.heightProperty().addListener((o, a, b) -> sizeChanged(a.doubleValue()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label doing = new Label();
        doing.setId("graph-progress");
        doing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> main.loadingProperty().get()
                ? "Loading and checking …" : "Laying out " + main.topology().servers().size() + " servers …",
                main.loadingProperty(), vm.layingProperty()));
        javafx.scene.layout.VBox laying = new javafx.scene.layout.VBox(6, spinner, doing);
        laying.setAlignment(javafx.geometry.Pos.CENTER);
        laying.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        laying.visibleProperty().bind(vm.layingProperty().or(main.loadingProperty()));
        laying.setMouseTransparent(true);
        Label empty = new Label("Open a topology: File → Open (Ctrl+O), or drop files or folders here.");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.sceneProperty().get().map(s -> s.topology().isEmpty()).orElse(true)
                        && !main.loadingProperty().get(), vm.sceneProperty(), main.loadingProperty()));
        empty.setMouseTransparent(true);
        minimap = new MinimapView(() -> vm.sceneProperty().get(),
                () -> viewport, () -> new double[] {canvas.getWidth(), canvas.getHeight()}, this::setViewport);
        minimap.enabledProperty().addListener((o, a, b) -> {
            minimap.update(palette);
            repaint();
        });
        vm.filterProperty().addListener((o, a, f) -> refit = true); // the next scene is another set: show it all
        root.getChildren().addAll(canvasPane, empty, laying, minimap.node());
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setShowDuration(Duration.seconds(20));

        vm.sceneProperty().addListener((o, a, s) -> sceneChanged(s));
        vm.overlayProperty().addListener((o, a, s) -> overlayChanged(s));
        vm.spofProperty().addListener((o, a, s) -> repaint());
        vm.driftProperty().addListener((o, a, s) -> repaint());
        main.selectionProperty().addListener((o, a, n) -> {
            if (n != null) {
                domainBox = null;
            }
            ensureVisible(n);
            repaint();
        });
        legendShown.addListener((o, a, b) -> repaint());
        installMouse();
        pulser = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse = (Math.sin(now / 1e9 * Math.PI * 1.6) + 1) / 2;
                repaint();
            }
        };
    }

    private void installMouse() {
        canvas.setOnMousePressed(e -> {
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
            menu.hide();
            canvas.requestFocus();
        });
        canvas.setOnMouseDragged(e -> {
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
                dragged = true;
            }
            viewport = viewport.panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
            repaint();
        });
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
            }
            e.consume();
        });
        canvas.setOnZoom(e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            hovered = null;
            tooltip.hide();
            repaint();
        });
        canvas.setOnContextMenuRequested(e -> {
            if (!menu.isShowing()) {
                contextMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            }
        });
    }

    private void clicked(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
            contextMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()); // where no context-menu event comes
            return;
        }
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Optional<Node> hit = nodeAt(e.getX(), e.getY());
        if (e.isShiftDown() && hit.isPresent() && hit.get().kind() == NodeKind.SERVER) {
            onAddFailure.accept(hit.get().name());
            return;
        }
        main.select(hit.orElse(null));
    }

    private void hover(MouseEvent e) {
        Node n = nodeAt(e.getX(), e.getY()).orElse(null);
        if (java.util.Objects.equals(n, hovered)) {
            return;
        }
        hovered = n;
        repaint();
        Optional<GraphScene> s = vm.sceneProperty().get();
        if (n == null || s.isEmpty()) {
            tooltip.hide();
            Tooltip.uninstall(canvas, tooltip);
            return;
        }
        String extra = layer == null ? "" : layer.tooltip(n);
        tooltip.setText(s.get().look(n).tooltip() + (extra.isEmpty() ? "" : "\n\n" + extra));
        Tooltip.install(canvas, tooltip);
    }

    private void contextMenu(double x, double y, double screenX, double screenY) {
        menu.getItems().clear();
        Optional<Node> hit = nodeAt(x, y);
        if (hit.isPresent() && hit.get().kind() == NodeKind.SERVER && !hit.get().missing()) {
            String name = hit.get().name();
            main.select(hit.get());
            MenuItem loss = new MenuItem("Simulate loss of " + name + "  (K)");
            loss.setOnAction(e -> onSimulateLoss.accept(name));
            MenuItem add = new MenuItem("Add " + name + " to the failure scenario  (Shift+click)");
            add.setOnAction(e -> onAddFailure.accept(name));
            menu.getItems().addAll(loss, add);
        }
        hit.flatMap(this::clusterOf).ifPresent(c -> menu.getItems().add(collapseItem(
                dev.failscope.ui.viewmodel.CollapseModel.cluster(c), "cluster " + c, "  (C)")));
        vm.sceneProperty().get().flatMap(s -> s.layout().laneAt(viewport.toWorldX(x), viewport.toWorldY(y)))
                .filter(l -> l.region() != null).ifPresent(lane -> {
                    if (lane.zone() != null) {
                        menu.getItems().add(collapseItem(dev.failscope.ui.viewmodel.CollapseModel.zone(lane.region(),
                                lane.zone()), "zone " + lane.zone(), ""));
                    }
                    menu.getItems().add(collapseItem(dev.failscope.ui.viewmodel.CollapseModel.region(lane.region()),
                            "region " + lane.region(), ""));
                    if (lane.zone() != null) {
                        MenuItem zone = new MenuItem("Simulate zone loss: " + lane.label());
                        zone.setOnAction(e -> onSimulateZoneLoss.accept(lane.region(), lane.zone()));
                        menu.getItems().add(zone);
                    }
                    MenuItem region = new MenuItem("Simulate region loss: " + lane.region());
                    region.setOnAction(e -> onSimulateZoneLoss.accept(lane.region(), null));
                    menu.getItems().add(region);
                });
        if (!menu.getItems().isEmpty()) {
            menu.show(canvas, screenX, screenY);
        }
    }

    private MenuItem collapseItem(String id, String label, String key) {
        MenuItem item = new MenuItem((collapse.isCollapsed(id) ? "Expand " : "Collapse ") + label + key);
        item.setOnAction(e -> collapse.toggle(id));
        return item;
    }

    /** The cluster a graph element belongs to: itself, or the (first) cluster of a server. */
    Optional<String> clusterOf(Node n) {
        if (n.kind() == NodeKind.CLUSTER) {
            return Optional.of(n.name());
        }
        if (n.kind() != NodeKind.SERVER) {
            return Optional.empty();
        }
        return main.topology().clustersOf(n.name()).stream().map(dev.failscope.model.Cluster::name).findFirst();
    }

    /** The model the context menu collapses and expands with. */
    void setCollapse(dev.failscope.ui.viewmodel.CollapseModel model) {
        collapse = model;
        model.state().addListener((o, a, b) -> repaint());
    }

    private Optional<Node> nodeAt(double x, double y) {
        return vm.sceneProperty().get().flatMap(s -> s.layout().nodeAt(viewport.toWorldX(x), viewport.toWorldY(y)))
                .map(NodeBox::node);
    }

    /** The lane under a screen point (tests and the context menu). */
    Optional<Lane> laneAt(double x, double y) {
        return vm.sceneProperty().get().flatMap(s -> s.layout().laneAt(viewport.toWorldX(x), viewport.toWorldY(y)));
    }

    private void sceneChanged(Optional<GraphScene> scene) {
        domainBox = null;
        List<String> files = scene.map(s -> s.topology().files()).orElse(List.of());
        if (!files.equals(shownFiles) || refit) {
            shownFiles = files;
            refit = false;
            fit();
        }
        repaint();
    }

    private void overlayChanged(GraphOverlay overlay) {
        if (overlay.trying() != null) {
            pulser.start();
        } else {
            pulser.stop();
            pulse = 0;
        }
        repaint();
    }

    private void sizeChanged(double oldSize) {
        if (oldSize <= 1 || presenting) { // presenting: the screen is the graph's, whatever size it ends up
            fit();
        }
        repaint();
    }

    void fit() {
        // Leave the legend's column free when there is room for it, so it does not cover the graph.
        double left = legendShown.get() && !presenting && canvas.getWidth() > 900
                ? dev.failscope.ui.graph.CanvasSceneWriter.LEGEND_WIDTH + 12 : 0;
        vm.sceneProperty().get().ifPresent(s -> viewport = Viewport.fit(layer == null ? s.layout().bounds()
                : layer.bounds(s.layout()),
                canvas.getWidth() - left, canvas.getHeight(), 24, presenting ? PRESENT_MAX_FIT : Viewport.MAX_FIT)
                .panBy(left, 0));
        repaint();
    }

    void zoomBy(double factor) {
        zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        viewport = viewport.zoomAt(factor, x, y);
        repaint();
    }

    /** Frames a zone, region or host (the union of its servers' boxes) and rings it until something is selected. */
    void showDomain(dev.failscope.ui.viewmodel.Domains.Domain domain) {
        vm.sceneProperty().get().ifPresent(s -> {
            Box union = null;
            for (String server : domain.servers()) {
                Optional<NodeBox> nb = s.layout().box(NodeKind.SERVER, server);
                if (nb.isPresent()) {
                    Box b = nb.get().box();
                    union = union == null ? b : new Box(Math.min(union.x(), b.x()), Math.min(union.y(), b.y()),
                            Math.max(union.maxX(), b.maxX()) - Math.min(union.x(), b.x()),
                            Math.max(union.maxY(), b.maxY()) - Math.min(union.y(), b.y()));
                }
            }
            if (union == null) {
                return;
            }
            domainBox = new Box(union.x() - 16, union.y() - 16, union.width() + 32, union.height() + 32);
            domainLabel = domain.describe();
            Viewport fitted = Viewport.fit(domainBox, canvas.getWidth(), canvas.getHeight(), 60);
            double scale = Math.min(1, fitted.scale()); // framed whole, but never blown up past 100 %
            viewport = new Viewport(scale, canvas.getWidth() / 2 - domainBox.centerX() * scale,
                    canvas.getHeight() / 2 - domainBox.centerY() * scale);
            repaint();
        });
    }

    /** The domain ringed by the last search, if any (tests). */
    public Optional<Box> shownDomain() {
        return Optional.ofNullable(domainBox);
    }

    private void paintDomain(javafx.scene.canvas.GraphicsContext g) {
        if (domainBox == null) {
            return;
        }
        double x = viewport.toScreenX(domainBox.x());
        double y = viewport.toScreenY(domainBox.y());
        double w = domainBox.width() * viewport.scale();
        double h = domainBox.height() * viewport.scale();
        g.setStroke(palette.accent());
        g.setLineWidth(3);
        g.setLineDashes(10, 6);
        g.strokeRoundRect(x, y, w, h, 16, 16);
        g.setLineDashes();
        g.setFont(javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.BOTTOM);
        g.setFill(palette.accent());
        g.fillText(domainLabel, x + 4, Math.max(16, y - 4));
    }

    /** Centres the node at a readable zoom. */
    void centreOn(Node node) {
        vm.sceneProperty().get().flatMap(s -> s.layout().box(node)).ifPresent(nb -> {
            Box b = nb.box();
            viewport = viewport.centreOn(b.centerX(), b.centerY(), canvas.getWidth(), canvas.getHeight(), 0.6);
            repaint();
        });
    }

    private void ensureVisible(Node node) {
        if (node == null) {
            return;
        }
        vm.sceneProperty().get().flatMap(s -> s.layout().box(node)).ifPresent(nb -> {
            Box vis = viewport.visible(canvas.getWidth(), canvas.getHeight());
            if (!vis.contains(nb.box()) || viewport.scale() < CanvasSceneWriter.LABELS) {
                centreOn(node);
            }
        });
    }

    /** Coalesces repaint requests into one paint per pulse. */
    void repaint() {
        if (paintScheduled) {
            return;
        }
        paintScheduled = true;
        Platform.runLater(() -> {
            paintScheduled = false;
            paintNow();
        });
    }

    /** Paints immediately; returns the number of boxes drawn. */
    public int paintNow() {
        Optional<GraphScene> s = vm.sceneProperty().get();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (s.isEmpty() || w < 1 || h < 1) {
            canvas.getGraphicsContext2D().setFill(palette.background());
            canvas.getGraphicsContext2D().fillRect(0, 0, w, h);
            minimap.update(palette);
            return 0;
        }
        int drawn = painter.paint(canvas.getGraphicsContext2D(), w, h, s.get(), viewport,
                new CanvasSceneWriter.State(main.selectionProperty().get(), hovered, vm.overlayProperty().get(), pulse,
                        legendShown.get() && !presenting, palette,
                        presenting ? java.util.Map.of() : vm.spofProperty().get(), detail, collapsedIds(),
                        presenting ? java.util.Map.of() : vm.driftProperty().get()));
        paintDomain(canvas.getGraphicsContext2D());
        minimap.update(palette);
        return drawn;
    }

    private dev.failscope.scene.Detail detail;
    private java.util.Set<String> collapsed = java.util.Set.of();

    /**
     * Forces a level of detail (e.g. {@link dev.failscope.scene.Detail#OVERVIEW} at any zoom), or with null
     * follows the zoom.
     */
    public void setDetail(dev.failscope.scene.Detail forced) {
        this.detail = forced;
        repaint();
    }

    /** What is drawn collapsed: the context menu's and keys' choices ({@link #setCollapse}) and {@link #setCollapsed}. */
    private java.util.Set<String> collapsedIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>(collapsed);
        ids.addAll(collapse.state().get().ids());
        return ids;
    }

    /** The collapsed clusters, zones and regions ({@link dev.failscope.scene.Collapse} ids). */
    public void setCollapsed(java.util.Set<String> ids) {
        this.collapsed = java.util.Set.copyOf(ids);
        repaint();
    }

    /** The scene of the last frame painted (tests; what the gui's own checks read). */
    public java.util.Optional<dev.failscope.scene.Scene> lastScene() {
        return java.util.Optional.ofNullable(painter.lastScene());
    }

    /** What "fit" shows of the scene: the layout and what the layer draws outside it. */
    Box contentBounds(GraphScene scene) {
        return layer == null ? scene.layout().bounds() : layer.bounds(scene.layout());
    }

    /** Paints the current scene, overlay and layer onto another surface (export), without legend or selection. */
    void paintInto(javafx.scene.canvas.GraphicsContext g, double w, double h, Viewport vp) {
        vm.sceneProperty().get().ifPresent(s -> painter.paint(g, w, h, s, vp, new CanvasSceneWriter.State(null, null,
                vm.overlayProperty().get(), 0, false, palette, vm.spofProperty().get(), detail, collapsedIds(),
                vm.driftProperty().get())));
    }

    /**
     * Presentation mode: no legend (its small type is unreadable on a projector) and no sweep marks (they would
     * give away a scenario's questions); selection is cleared.
     */
    void setPresenting(boolean on) {
        presenting = on;
        minimap.setSuppressed(on);
        if (on) {
            main.select(null);
        }
        repaint();
    }

    Palette palette() {
        return palette;
    }

    javafx.scene.Parent node() {
        return root;
    }

    public Canvas canvas() {
        return canvas;
    }

    public GraphViewModel viewModel() {
        return vm;
    }

    public Viewport viewport() {
        return viewport;
    }

    public void setViewport(Viewport v) {
        viewport = v;
        repaint();
    }

    /** View → Minimap. */
    BooleanProperty minimapShownProperty() {
        return minimap.enabledProperty();
    }

    /** The minimap's canvas (tests click it). */
    public Canvas minimapCanvas() {
        return minimap.canvas();
    }

    BooleanProperty legendShownProperty() {
        return legendShown;
    }

    void setDark(boolean dark) {
        palette = dark ? Palette.DARK : Palette.LIGHT;
        repaint();
    }

    void onSimulateLoss(Consumer<String> action) {
        onSimulateLoss = action;
    }

    void onAddFailure(Consumer<String> action) {
        onAddFailure = action;
    }

    void onSimulateZoneLoss(BiConsumer<String, String> action) {
        onSimulateZoneLoss = action;
    }

    /** Draws a layer over the graph (diff mode), or none with null; it adds to tooltips and to "fit". */
    void setLayer(dev.failscope.ui.graph.GraphLayer layer) {
        this.layer = layer;
        painter.setLayer(layer);
        repaint();
    }

    void close() {
        pulser.stop();
    }
}
