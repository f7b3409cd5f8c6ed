package dev.failscope.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.GraphSceneBuilder;
import dev.failscope.ui.viewmodel.OverlayBuilder;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The canvas draws a route, and in a simulation fills it red when it is pinned to a dead server. */
class RouteCanvasTest {
    private static final int W = 1400;
    private static final int H = 1000;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The colour inside the route box, right of its labels. */
    private static Color inside(GraphScene scene, GraphOverlay overlay) throws Exception {
        Box b = scene.layout().box(Node.route("pgbouncer-catify")).orElseThrow().box();
        CompletableFuture<Color> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(W, H);
                CanvasSceneWriter.State state = new CanvasSceneWriter.State(null, null, overlay, 0, false, Palette.LIGHT);
                new CanvasSceneWriter().paint(canvas.getGraphicsContext2D(), W, H, scene, Viewport.IDENTITY, state);
                WritableImage img = canvas.snapshot(new SnapshotParameters(), null);
                out.complete(img.getPixelReader().getColor((int) (b.maxX() - 20), (int) (b.y() + 22)));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out.get(30, TimeUnit.SECONDS);
    }

    /** Pixels of the route teal (#2c7a7b: green and blue alike, well above red) in the legend region. */
    private static long tealInLegend(String path) throws Exception {
        Inspection i = new Inspector().inspect(List.of(path));
        GraphScene scene = GraphSceneBuilder.build(i.topology(), i.findings());
        CompletableFuture<Long> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(W, H);
                CanvasSceneWriter.State state = new CanvasSceneWriter.State(null, null, GraphOverlay.NONE, 0, true,
                        Palette.LIGHT);
                new CanvasSceneWriter().paint(canvas.getGraphicsContext2D(), W, H, scene, new Viewport(0.05, 2000, 0),
                        state);
                WritableImage img = canvas.snapshot(new SnapshotParameters(), null);
                long n = 0;
                for (int y = H - 300; y < H - 12; y++) {
                    for (int x = 20; x < 75; x++) {
                        Color c = img.getPixelReader().getColor(x, y);
                        if (c.getGreen() > c.getRed() + 0.2 && Math.abs(c.getGreen() - c.getBlue()) < 0.1) {
                            n++;
                        }
                    }
                }
                out.complete(n);
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out.get(30, TimeUnit.SECONDS);
    }

    @Test
    void theLegendShowsTheRouteRowOnlyWithRoutes() throws Exception {
        assertThat(tealInLegend("sample-topologies/catifyme-routed")).isPositive();
        assertThat(tealInLegend("sample-topologies/catifyme-fixed")).isZero();
    }

    @Test
    void aPinnedRouteIsFilledWithTheDangerColourAndAFollowingOneIsNot() throws Exception {
        Inspection i = new Inspector().inspect(List.of("sample-topologies/catifyme-routed"));
        GraphScene scene = GraphSceneBuilder.build(i.topology(), i.findings());
        Simulation sim = new Simulator(i.topology()).run(FailureScenario.servers("db-main-1"));
        GraphOverlay end = OverlayBuilder.at(sim.timeline().events(), sim.timeline().events().size());

        assertThat(inside(scene, GraphOverlay.NONE)).isEqualTo(Palette.LIGHT.background());
        assertThat(inside(scene, end)).isEqualTo(Palette.LIGHT.dangerFill());
    }
}
