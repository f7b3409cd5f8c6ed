package dev.failscope.ui;

import dev.failscope.analysis.Inspector;
import dev.failscope.ui.model.MainViewModel;
import dev.failscope.ui.view.MainView;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop inspector. Started by {@link GuiMain} (never as the process main class). */
public class FailscopeApp extends Application {
    private ExecutorService background;
    private MainView view;

    @Override
    public void start(Stage stage) {
        List<String> paths = getParameters().getRaw();
        if (paths.isEmpty()) {
            paths = List.of(BundledSample.extract().toString());
        }
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "failscope-load");
            t.setDaemon(true);
            return t;
        });
        MainViewModel vm = new MainViewModel(new Inspector(), background, Platform::runLater);
        view = new MainView(vm, stage);
        Scene scene = new Scene(view.root(), 1280, 800);
        stage.setTitle("Failscope");
        stage.setScene(scene);
        stage.show();
        vm.open(paths);
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
