package dev.failscope.ui;

import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import dev.failscope.ui.view.GraphView;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, headless under Monocle, on a throwaway preferences node; helpers to read the graph. */
abstract class AppTestBase {
    final FxRobot robot = new FxRobot();
    final String prefsNode = "/failscope-test-" + UUID.randomUUID();
    FailscopeApp app;
    Stage stage;

    /** The command-line paths the app starts with (none: the bundled sample). */
    String[] arguments() {
        return new String[] {"sample-topologies/catifyme"};
    }

    @BeforeEach
    void start() throws Exception {
        System.setProperty("failscope.prefs", prefsNode);
        stage = FxToolkit.registerPrimaryStage();
        app = (FailscopeApp) FxToolkit.setupApplication(FailscopeApp.class, arguments());
        waitUntilShown();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    void waitUntilShown() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.viewModel().inspectionProperty().get() != null
                && !app.viewModel().loadingProperty().get()
                && graph().viewModel().sceneProperty().get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the paths through the view model and waits until the graph shows them. */
    void open(String path) throws Exception {
        robot.interact(() -> app.viewModel().open(List.of(path)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.viewModel().loadingProperty().get()
                && app.viewModel().pathsProperty().get().equals(List.of(path))
                && graph().viewModel().sceneProperty().get().map(s -> s.topology() == app.viewModel().topology())
                        .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    GraphView graph() {
        return app.view().graph();
    }

    GraphScene scene() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> graph().viewModel().sceneProperty().get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return graph().viewModel().sceneProperty().get().orElseThrow();
    }

    Box box(Node node) throws Exception {
        return scene().layout().box(node).orElseThrow().box();
    }

    /** Centres the node at the given zoom and returns a snapshot of the canvas. */
    WritableImage lookAt(Node node, double scale) throws Exception {
        Box b = box(node);
        double w = graph().canvas().getWidth();
        double h = graph().canvas().getHeight();
        robot.interact(() -> graph().setViewport(new Viewport(scale, w / 2 - b.centerX() * scale,
                h / 2 - b.centerY() * scale)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> graph().paintNow());
        return snapshot();
    }

    WritableImage snapshot() {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> graph().canvas().snapshot(null, null)));
    }

    /** Pixels of the colour inside a world rectangle (converted through the current viewport). */
    long pixelsIn(WritableImage img, Color c, double x, double y, double w, double h) {
        Viewport v = graph().viewport();
        int x0 = (int) Math.max(0, v.toScreenX(x));
        int y0 = (int) Math.max(0, v.toScreenY(y));
        int x1 = (int) Math.min(img.getWidth(), v.toScreenX(x + w));
        int y1 = (int) Math.min(img.getHeight(), v.toScreenY(y + h));
        long n = 0;
        var r = img.getPixelReader();
        for (int py = y0; py < y1; py++) {
            for (int px = x0; px < x1; px++) {
                Color p = r.getColor(px, py);
                if (Math.abs(p.getRed() - c.getRed()) < 0.04 && Math.abs(p.getGreen() - c.getGreen()) < 0.04
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.04) {
                    n++;
                }
            }
        }
        return n;
    }

    void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
