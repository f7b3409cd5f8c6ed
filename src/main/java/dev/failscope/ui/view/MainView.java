package dev.failscope.ui.view;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.failscope.ui.FileWatcher;
import dev.failscope.ui.viewmodel.DetailsViewModel;
import dev.failscope.ui.viewmodel.FindingsViewModel;
import dev.failscope.ui.viewmodel.GraphViewModel;
import dev.failscope.ui.viewmodel.MainViewModel;
import dev.failscope.ui.viewmodel.RecentFiles;
import dev.failscope.ui.viewmodel.SimulationViewModel;
import dev.failscope.ui.viewmodel.UiSettings;
import dev.failscope.ui.viewmodel.UiSettings.Theme;
import java.io.File;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The main window's content: menu, tool bar, error bar, graph, findings and details. */
public final class MainView {
    private final MainViewModel vm;
    private final Stage stage;
    private final UiSettings settings;
    private final RecentFiles recent;
    private final BorderPane root = new BorderPane();
    private final FindingsView findings;
    private final DetailsView details;
    private final GraphView graph;
    private final SimulationViewModel simulation;
    private final dev.failscope.ui.viewmodel.SweepViewModel sweep;
    private final dev.failscope.ui.viewmodel.PresentationViewModel presentation;
    private final dev.failscope.ui.viewmodel.ScenarioViewModel scenarios;
    private final TimelineView timeline;
    private final DiffMode diffMode;
    private final dev.failscope.ui.viewmodel.LiveViewModel live;
    private final TabPane bottomTabs = new TabPane();
    private final SplitPane mainSplit = new SplitPane();
    private final SplitPane leftSplit = new SplitPane();
    private final FileWatcher watcher;
    private final java.util.concurrent.Executor background;
    private final javafx.scene.control.TextField search = new javafx.scene.control.TextField();
    private List<String> bundled = List.of();
    private dev.failscope.ui.viewmodel.Domains.Domain foundDomain;
    private String bundledName = "";
    private dev.failscope.ui.viewmodel.SearchIndex searchIndex;
    private final FilterBar filterBar;
    private List<dev.failscope.simulation.script.Slide> scenarioSlides = List.of();
    private String scenarioTitle = "";
    private dev.failscope.analysis.Inspection scenarioInspection;
    private final javafx.beans.property.ReadOnlyBooleanWrapper exporting =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "exporting");
    private final dev.failscope.ui.viewmodel.CollapseModel collapse = new dev.failscope.ui.viewmodel.CollapseModel();

    public MainView(MainViewModel vm, Stage stage, UiSettings settings, RecentFiles recent,
                    java.util.concurrent.Executor background) {
        this.vm = vm;
        this.stage = stage;
        this.settings = settings;
        this.recent = recent;
        this.background = background;
        root.getStyleClass().add("failscope");
        FindingsViewModel findingsVm = new FindingsViewModel(vm.findings());
        findings = new FindingsView(vm, findingsVm);
        details = new DetailsView(vm, new DetailsViewModel(vm));
        GraphViewModel graphVm = new GraphViewModel(vm, background, Platform::runLater);
        graph = new GraphView(vm, graphVm);
        simulation = new SimulationViewModel(vm, graphVm, background, Platform::runLater);
        timeline = new TimelineView(simulation);
        graph.onSimulateLoss(simulation::simulateLoss);
        graph.onAddFailure(simulation::addFailure);
        graph.onSimulateZoneLoss((region, zone) -> {
            if (zone == null) {
                simulation.simulateRegionLoss(region);
            } else {
                simulation.simulateZoneLoss(zone);
            }
        });

        graph.legendShownProperty().set(settings.legend());
        filterBar = new FilterBar(vm, graphVm);
        graph.setCollapse(collapse);
        collapse.state().addListener((o, a, st) -> vm.say(st.isNone() ? "Everything expanded" : st.describe()));
        watcher = new FileWatcher(400, () -> Platform.runLater(vm::reload));

        sweep = new dev.failscope.ui.viewmodel.SweepViewModel(vm, background, Platform::runLater);
        live = new dev.failscope.ui.viewmodel.LiveViewModel(vm, graphVm, new dev.failscope.live.Snapshotter(
                dev.failscope.live.LiveOptions.defaults().withCredentials(dev.failscope.live.Credentials.from(
                        System.getenv(), new java.util.Properties()))), new dev.failscope.load.TopologyLoader(), background,
                Platform::runLater);
        SweepView sweepView = new SweepView(sweep, simulation);
        sweep.singlePointsOfFailureProperty().addListener((o, a, spof) -> graphVm.showSinglePoints(spof));
        bottomTabs.getTabs().addAll(findings.tab(), timeline.tab(), sweepView.tab());
        simulation.activeProperty().addListener((o, a, on) -> {
            if (on && bottomTabs.getSelectionModel().getSelectedItem() != sweepView.tab()) {
                bottomTabs.getSelectionModel().select(timeline.tab()); // a sweep row keeps its table in view
            }
        });
        diffMode = new DiffMode(this, findings, findingsVm, background); // adds the Changes tab
        bottomTabs.setId("bottom-tabs");
        leftSplit.setOrientation(Orientation.VERTICAL);
        leftSplit.getItems().addAll(graph.node(), bottomTabs);
        leftSplit.setDividerPositions(settings.splitOr("graph", settings.height() < 800 ? 0.6 : 0.68)); // a small window keeps 4 timeline rows
        mainSplit.getItems().addAll(leftSplit, details.root());
        mainSplit.setDividerPositions(settings.splitOr("details", 0.72));
        SplitPane.setResizableWithParent(details.root(), false);

        presentation = new dev.failscope.ui.viewmodel.PresentationViewModel(graphVm);
        new PresentationView(presentation, graph, stage);
        scenarios = new dev.failscope.ui.viewmodel.ScenarioViewModel(vm, background, Platform::runLater,
                (script, beats) -> {
                    scenarioSlides = dev.failscope.ui.viewmodel.ScenarioExporter.slides(beats);
                    scenarioTitle = script.title();
                    scenarioInspection = vm.inspectionProperty().get();
                    simulation.exit();
                    presentation.start(script.title(), beats, () -> graphVm.showOverlay(
                            dev.failscope.ui.viewmodel.GraphOverlay.NONE));
                });
        MainMenu menu = new MainMenu(this);
        VBox top = new VBox(menu.bar(), toolBar(), filterBar.node(), new ErrorBar(vm.errors(), vm::focusPosition, vm::clearErrors));
        root.setTop(top);
        root.setCenter(mainSplit);
        root.setBottom(statusBar());
        installDragAndDrop();
        vm.pathsProperty().addListener((o, a, paths) -> {
            if (!paths.isEmpty()) {
                watcher.watch(paths);
            }
        });
        vm.topologyProperty().addListener((o, a, t) -> background.execute(() -> {
            var index = dev.failscope.ui.viewmodel.SearchIndex.of(t); // search looks names up, never sorts the fleet
            Platform.runLater(() -> {
                if (vm.topology() == t) {
                    searchIndex = index;
                }
            });
        }));
        vm.staleProperty().addListener((o, a, st) -> title());
        vm.inspectionProperty().addListener((o, a, i) -> {
            List<String> shown = vm.shownPathsProperty().get();
            if (i == null || shown.isEmpty()) {
                return;
            }
            if (!shown.equals(bundled)) {
                // The bundled sample is a temporary copy, deleted on exit: not an entry to reopen next time.
                recent.add(shown);
            }
            title();
        });
        applyTheme(settings.theme());
    }

    /** The window title: what is on screen, and that it is not what is on disk when the last load failed. */
    private void title() {
        List<String> shown = vm.shownPathsProperty().get();
        if (shown.isEmpty()) {
            return;
        }
        String what = shown.equals(bundled) ? bundledName + " (bundled sample)" : String.join(", ", shown);
        stage.setTitle("Failscope — " + what + (vm.staleProperty().get().isEmpty() ? ""
                : "  [last good load; the latest did not load]"));
    }

    private HBox toolBar() {
        ToolBarBuilder tb = new ToolBarBuilder(this);
        return tb.build();
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("loading");
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(vm.loadingProperty().or(exporting));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label stale = new Label();
        stale.setId("stale");
        stale.getStyleClass().add("stale");
        stale.textProperty().bind(vm.staleProperty());
        stale.visibleProperty().bind(vm.staleProperty().isNotEmpty());
        stale.managedProperty().bind(stale.visibleProperty());
        stale.setWrapText(true);
        status.setMinWidth(120);
        HBox bar = new HBox(8, stale, status, spacer, progress);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.open(e.getDragboard().getFiles().stream().map(File::getPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    javafx.scene.control.TextField searchField() {
        search.setId("search");
        search.setPromptText("Find by name (Ctrl+F)");
        search.setPrefColumnCount(18);
        search.setOnAction(e -> find(search.getText()));
        return search;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * Selects and centres the best match for the query (a server, cluster or service), or frames a zone, region
     * or host; the status bar says what was found, or that nothing matches.
     */
    void find(String query) {
        dev.failscope.ui.viewmodel.SearchIndex index = searchIndex;
        if (index == null || index.topology() != vm.topology()) {
            index = dev.failscope.ui.viewmodel.SearchIndex.of(vm.topology()); // before the background one is ready
            searchIndex = index;
        }
        index.find(query).ifPresentOrElse(hit -> {
            if (hit instanceof dev.failscope.ui.viewmodel.Domains.ElementHit e) {
                vm.select(e.node());
                graph.centreOn(e.node());
                boolean drawn = graph.viewModel().sceneProperty().get().flatMap(sc -> sc.layout().box(e.node()))
                        .isPresent();
                if (!drawn && !graph.viewModel().filterProperty().get().isNone()) {
                    vm.say("Found " + e.node().name() + ", hidden by the filter: ✕ Clear filters shows it");
                }
            } else if (hit instanceof dev.failscope.ui.viewmodel.Domains.DomainHit d) {
                vm.select(null);
                foundDomain = d.domain();
                graph.showDomain(d.domain());
                vm.say("Found " + d.domain().describe() + ". Simulate → Lose the found "
                        + d.domain().kind().name().toLowerCase(java.util.Locale.ROOT) + " fails all of it.");
            }
        }, () -> vm.say("Nothing named like '" + query.strip() + "'"));
    }

    /** Search as the search box does (tests). */
    public void findForTest(String query) {
        find(query);
    }

    /** The zone, region or host the last search framed, while it is still framed. */
    java.util.Optional<dev.failscope.ui.viewmodel.Domains.Domain> foundDomain() {
        return graph.shownDomain().isPresent() ? java.util.Optional.ofNullable(foundDomain)
                : java.util.Optional.empty();
    }

    void exportImage(boolean svg) {
        var scene = graph.viewModel().sceneProperty().get();
        if (scene.isEmpty()) {
            vm.say("Nothing to export yet");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(svg ? "Export SVG" : "Export PNG");
        chooser.setInitialFileName(svg ? "failscope.svg" : "failscope.png");
        chooser.getExtensionFilters().add(svg ? new FileChooser.ExtensionFilter("SVG image", "*.svg")
                : new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the graph on screen to the file in the background; the status bar says how it went. */
    public void exportTo(java.nio.file.Path file) {
        new ExportAction(this, background).exportTo(file);
    }

    /** File → Export scenario…: a GIF, or a folder of PNG frames when that filter is chosen. */
    void exportScenarioFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export scenario");
        FileChooser.ExtensionFilter gif = new FileChooser.ExtensionFilter("Animated GIF (*.gif)", "*.gif");
        FileChooser.ExtensionFilter pngs = new FileChooser.ExtensionFilter(
                "PNG frames (a folder of frame-NNN.png and captions.txt)", "*");
        chooser.getExtensionFilters().addAll(gif, pngs);
        chooser.setInitialFileName("scenario.gif");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            boolean asGif = chooser.getSelectedExtensionFilter() != pngs
                    || file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".gif");
            exportScenarioTo(file.toPath(), asGif);
        }
    }

    /**
     * Renders the running simulation's timeline (else the last scenario script, while its topology is on
     * screen) as captioned frames in the background; the status bar says how it went.
     */
    public void exportScenarioTo(java.nio.file.Path target, boolean gif) {
        var inspection = vm.inspectionProperty().get();
        var sim = simulation.simulationProperty().get();
        List<dev.failscope.simulation.script.Slide> slides;
        String heading;
        if (sim.isPresent()) {
            slides = dev.failscope.simulation.script.Slides.of(sim.get());
            heading = shownPaths() + " — simulated loss of " + sim.get().scenario().label();
        } else if (!scenarioSlides.isEmpty() && scenarioInspection == inspection) {
            slides = scenarioSlides;
            heading = scenarioTitle;
        } else {
            vm.say("Nothing to export: simulate a loss (K) or open a scenario (File → Open Scenario…) first");
            return;
        }
        List<String> inputs = vm.shownPathsProperty().get();
        vm.say("Exporting the scenario: rendering " + slides.size() + " frames …");
        exporting.set(true);
        background.execute(() -> {
            String message = dev.failscope.ui.viewmodel.ScenarioExporter.export(inspection, inputs, slides, heading,
                    target, gif);
            Platform.runLater(() -> {
                exporting.set(false);
                vm.say(message);
            });
        });
    }

    /** True while a scenario export renders (the status bar spins). */
    public javafx.beans.property.ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The paths on screen as the user knows them (the bundled sample by its name, not its temporary folder). */
    String shownPaths() {
        List<String> shown = vm.shownPathsProperty().get();
        return shown.equals(bundled) ? bundledName : String.join(", ", shown);
    }

    /**
     * Presents what is on screen: the running simulation's timeline from its current step, else the topology
     * alone (a scenario script starts its own presentation).
     */
    public void present() {
        if (presentation.activeProperty().get() || graph.viewModel().sceneProperty().get().isEmpty()) {
            return;
        }
        var sim = simulation.simulationProperty().get();
        if (sim.isPresent()) {
            int at = simulation.stepProperty().get();
            presentation.start(shownPaths(), dev.failscope.ui.viewmodel.Beats.of(sim.get()),
                    () -> simulation.jumpTo(simulation.stepProperty().get()));
            presentation.go(at);
        } else {
            presentation.start(shownPaths(), List.of(new dev.failscope.ui.viewmodel.Beat(
                    dev.failscope.ui.viewmodel.Beat.Kind.TITLE, "", shownPaths() + "\n" + vm.statusProperty().get(),
                    List.of(), 0)), () -> { });
        }
    }

    /** Opens a scenario script and presents it (or shows its errors in the error bar). */
    public void openScenario(java.nio.file.Path file) {
        scenarios.open(file);
    }

    void openScenarioFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario script");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scenario scripts (*.scenario.yaml)", "*.scenario.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            openScenario(file.toPath());
        }
    }

    /** Presentation mode's state (tests). */
    public dev.failscope.ui.viewmodel.PresentationViewModel presentation() {
        return presentation;
    }

    void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open topology files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Topology files (*.yaml, *.yml, *.json)", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            vm.open(files.stream().map(File::getPath).toList());
        }
    }

    void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a topology folder");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            vm.open(List.of(dir.getPath()));
        }
    }

    void applyTheme(Theme theme) {
        settings.theme(theme);
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
        graph.setDark(theme == Theme.DARK);
    }

    /** Installs the stylesheet and remembers geometry and splits on close. */
    public void attach(Scene scene) {
        scene.getStylesheets().add(MainView.class.getResource("failscope.css").toExternalForm());
        stage.setOnCloseRequest(e -> saveLayout());
    }

    void saveLayout() {
        settings.window(stage.getWidth(), stage.getHeight(), stage.isMaximized());
        settings.saveSplit("graph", leftSplit.getDividerPositions()[0]);
        settings.saveSplit("details", mainSplit.getDividerPositions()[0]);
        settings.legend(graph.legendShownProperty().get());
    }

    /** The paths of the sample unpacked to a temporary folder, shown as {@code name} and never recorded as recent. */
    public void bundledSample(String path, String name) {
        bundled = List.of(path);
        bundledName = name;
    }

    MainViewModel vm() {
        return vm;
    }

    Stage stage() {
        return stage;
    }

    public GraphView graph() {
        return graph;
    }

    public SimulationViewModel simulation() {
        return simulation;
    }

    /** The sweep tab's view model. */
    public dev.failscope.ui.viewmodel.SweepViewModel sweep() {
        return sweep;
    }

    /** Diff mode: File → Compare with… and the Changes tab. */
    public dev.failscope.ui.viewmodel.DiffViewModel diff() {
        return diffMode.viewModel();
    }

    /** File → Connect…'s view model. */
    public dev.failscope.ui.viewmodel.LiveViewModel live() {
        return live;
    }

    /** Opens File → Connect…. */
    void connect() {
        new ConnectDialog(stage, live).show();
    }

    DiffMode diffMode() {
        return diffMode;
    }

    /** The filter bar's visibility (the screenshot tour shows it). */
    public javafx.beans.property.BooleanProperty filterBarForTour() {
        return filterBar.shownProperty();
    }

    /** View → Filter bar. */
    javafx.beans.property.BooleanProperty filterBarShown() {
        return filterBar.shownProperty();
    }

    /** What is collapsed in the graph. */
    public dev.failscope.ui.viewmodel.CollapseModel collapse() {
        return collapse;
    }

    /** C: collapses or expands the selected cluster (a selected server's cluster). */
    void toggleCollapseSelected() {
        var n = vm.selectionProperty().get();
        var cluster = n == null ? java.util.Optional.<String>empty() : graph.clusterOf(n);
        cluster.ifPresentOrElse(c -> collapse.toggle(dev.failscope.ui.viewmodel.CollapseModel.cluster(c)),
                () -> vm.say("Select a cluster or one of its servers to collapse it (C)"));
    }

    /** The recent entries, most recent first (tests). */
    public List<String> recentEntries() {
        return List.copyOf(recent.entries());
    }

    RecentFiles recent() {
        return recent;
    }

    UiSettings settings() {
        return settings;
    }

    /** The bottom tabs (the screenshot tour selects them). */
    public TabPane bottomTabsForTour() {
        return bottomTabs;
    }

    TabPane bottomTabs() {
        return bottomTabs;
    }

    public Parent root() {
        return root;
    }

    /** Stops background work owned by the view. */
    public void close() {
        watcher.close();
        graph.close();
    }
}
