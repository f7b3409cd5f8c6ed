package dev.failscope.ui;

import dev.failscope.analysis.RuleCatalog;
import dev.failscope.layout.Box;
import dev.failscope.layout.Fleets;
import dev.failscope.layout.NodeRole;
import dev.failscope.model.Topology;
import dev.failscope.ui.graph.CanvasSceneWriter;
import dev.failscope.ui.graph.Palette;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.GraphSceneBuilder;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * Benchmark harness (not a unit test): frame time of the graph canvas at 50, 500 and 5,000 servers, at
 * fit-to-window and zoomed in to about 50 visible servers. A frame is one {@link CanvasSceneWriter#paint} plus a
 * canvas snapshot, which forces the software pipeline to rasterise the recorded commands. Median of 25 frames
 * after 5 warm-up frames (and the minimum, less disturbed by other load). Run it with the Monocle properties of the Surefire configuration:
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) -Dglass.platform=Monocle \
 *   -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1200-32 dev.failscope.ui.GuiFrameBench
 * </pre>
 */
public final class GuiFrameBench {
    static final double W = 1600;
    static final double H = 900;

    private GuiFrameBench() {}

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get();
        List<String> what = args.length == 0 ? List.of("app", "painter") : List.of(args);
        if (what.contains("app")) {
            System.out.println("Whole inspector, " + GuiAppFrames.W + "x" + GuiAppFrames.H + " window:");
            GuiAppFrames.header().forEach(System.out::println);
            for (int clusters : new int[] {13, 1250}) {
                GuiAppFrames.run(clusters, 3);
            }
        }
        if (!what.contains("painter")) {
            Platform.exit();
            return;
        }
        System.out.println("| servers | view | servers visible | boxes drawn | edges culled in | frame ms median | frame ms min | paint-only ms median |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        measure(null, 0, "empty canvas (snapshot cost alone)", Viewport.IDENTITY);
        for (int servers : new int[] {50, 500, 5000}) {
            Topology t = Fleets.fleet((int) Math.round(servers / 3.09), 2);
            GraphScene scene = GraphSceneBuilder.build(t, RuleCatalog.standard().check(t));
            Box b = scene.layout().bounds();
            Viewport fit = Viewport.fit(b, W, H, 24);
            Viewport zoom = new Viewport(1, 0, 0).centreOn(b.centerX(), b.centerY(), W, H, 1);
            measure(scene, t.servers().size(), "fit", fit);
            measure(scene, t.servers().size(), "zoomed in (100%)", zoom);
        }
        Platform.exit();
    }

    private static void measure(GraphScene scene, int servers, String label, Viewport vp) throws Exception {
        CompletableFuture<String> row = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                row.complete(frame(scene, servers, label, vp));
            } catch (RuntimeException e) {
                row.completeExceptionally(e);
            }
        });
        System.out.println(row.get());
    }

    private static String frame(GraphScene scene, int servers, String label, Viewport vp) {
        {
            Canvas canvas = new Canvas(W, H);
            Stage stage = new Stage();
            stage.setScene(new Scene(new Pane(canvas), W, H));
            stage.show();
            CanvasSceneWriter painter = new CanvasSceneWriter();
            CanvasSceneWriter.State state = new CanvasSceneWriter.State(null, null, GraphOverlay.NONE, 0, true, Palette.LIGHT);
            double[] frames = new double[25];
            double[] paints = new double[25];
            int drawn = 0;
            for (int i = -5; i < frames.length; i++) {
                long t0 = System.nanoTime();
                if (scene == null) {
                    canvas.getGraphicsContext2D().fillRect(0, 0, W, H);
                } else {
                    drawn = painter.paint(canvas.getGraphicsContext2D(), W, H, scene, vp, state);
                }
                long t1 = System.nanoTime();
                canvas.snapshot(new SnapshotParameters(), null);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    paints[i] = (t1 - t0) / 1e6;
                    frames[i] = (t2 - t0) / 1e6;
                }
            }
            stage.close();
            Box vis = vp.visible(W, H);
            long visible = scene == null ? 0 : scene.layout().nodesIn(vis.x(), vis.y(), vis.width(), vis.height()).stream()
                    .filter(n -> n.role() == NodeRole.PRIMARY || n.role() == NodeRole.REPLICA
                            || n.role() == NodeRole.STANDALONE).count();
            int edges = scene == null ? 0 : scene.layout().edgesIn(vis.x(), vis.y(), vis.width(), vis.height()).size();
            return String.format(Locale.ROOT, "| %d | %s (scale %.2f) | %d | %d | %d | %.1f | %.1f | %.1f |", servers,
                    label, vp.scale(), visible, drawn, edges, median(frames), min(frames), median(paints));
        }
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
