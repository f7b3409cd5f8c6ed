package dev.failscope.ui;

import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import dev.failscope.ui.viewmodel.MainViewModel;
import dev.failscope.ui.viewmodel.RecentFiles;
import dev.failscope.ui.viewmodel.UiSettings;
import dev.failscope.ui.view.MainView;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop inspector. Started by {@link GuiMain} (never as the process main class). With no paths it opens
 * the CatifyMe sample bundled in the jar.
 *
 * <p>The preferences node can be redirected with {@code -Dfailscope.prefs=NODE} (tests use a throwaway node).
 */
public class FailscopeApp extends Application {
    private ExecutorService background;
    private MainView view;
    private MainViewModel vm;

    @Override
    public void start(Stage stage) {
        show(stage, getParameters().getRaw());
    }

    /** Builds the window on the stage and opens the paths (none: the bundled sample); the benchmark calls it. */
    void show(Stage stage, List<String> paths) {
        LoadOptions options = LoadOptions.DEFAULT;
        String sample = null;
        if (paths.isEmpty()) {
            sample = BundledSample.extract().toString();
            paths = List.of(sample);
            options = options.withDisplayName(sample, "catifyme");
        }
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "failscope-background");
            t.setDaemon(true);
            return t;
        });
        Preferences prefs = preferences();
        UiSettings settings = new UiSettings(prefs);
        vm = new MainViewModel(new Inspector(new TopologyLoader(options), RuleCatalog.standard()), background,
                Platform::runLater);
        view = new MainView(vm, stage, settings, new RecentFiles(prefs.node("recent")), background);
        if (sample != null) {
            view.bundledSample(sample, "catifyme");
        }
        Scene scene = new Scene(view.root(), settings.width(), settings.height());
        view.attach(scene);
        stage.setTitle("Failscope");
        stage.setScene(scene);
        stage.setMaximized(settings.maximized());
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            // A bug: say so in the status bar and keep the window usable; never a stack-trace dialog.
            e.printStackTrace();
            vm.say("Internal error: " + e + " (details on the console; please report it)");
        });
        stage.show();
        view.graph().canvas().requestFocus();
        vm.open(paths);
    }

    static Preferences preferences() {
        String node = System.getProperty("failscope.prefs", "/dev/failscope/ui");
        return Preferences.userRoot().node(node);
    }

    /** The main view (tests reach the graph through it). */
    public MainView view() {
        return view;
    }

    /** The window's view model (tests drive the app through it and through the controls). */
    public MainViewModel viewModel() {
        return vm;
    }

    @Override
    public void stop() {
        if (view != null) {
            view.close();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }
}
