package dev.failscope.ui;

import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.generate.FleetWriter;
import dev.failscope.ui.view.GraphView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

/**
 * The whole inspector on a generated fleet (part of {@link GuiFrameBench}): the real window, loading through the
 * real view model, input through the real handlers. Each figure runs from the action on the FX thread until the
 * next canvas snapshot has been rasterised after the coalesced repaint, which is what a user waits for.
 */
final class GuiAppFrames {
    static final double W = 1600;
    static final double H = 1000;
    private static final int ROUNDS = 15;

    private GuiAppFrames() {}

    /** Prints the Markdown rows for one fleet size. */
    static void run(int clusters, int replicas) throws Exception {
        Fleet fleet = FleetGenerator.generate(new FleetSpec(clusters, replicas, 3, Math.max(1, clusters / 100), 2026));
        Path dir = Files.createTempDirectory("failscope-guibench");
        FleetWriter.write(fleet, dir.resolve("fleet"));
        String prefs = "/failscope-bench-" + UUID.randomUUID();
        System.setProperty("failscope.prefs", prefs);
        Preferences.userRoot().node(prefs).putDouble("window.width", W);
        Preferences.userRoot().node(prefs).putDouble("window.height", H);

        CompletableFuture<long[]> loaded = new CompletableFuture<>();
        FailscopeApp app = new FailscopeApp();
        long[] cpuToFirstFrame = new long[1];
        long[] times = new long[4]; // open, inspection applied, scene applied, first frame rasterised
        onFx(() -> {
            Stage stage = new Stage();
            times[0] = System.nanoTime();
            app.show(stage, List.of(dir.resolve("fleet").toString()));
            app.viewModel().inspectionProperty().addListener((o, a, i) -> {
                times[1] = System.nanoTime();
                cpuToFirstFrame[0] = ((com.sun.management.OperatingSystemMXBean) java.lang.management
                        .ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            });
            app.view().graph().viewModel().sceneProperty().addListener((o, a, s) -> {
                times[2] = System.nanoTime();
                Platform.runLater(() -> { // after the graph's own coalesced repaint, queued before this
                    app.view().graph().canvas().snapshot(null, null);
                    times[3] = System.nanoTime();
                    cpuToFirstFrame[0] = ((com.sun.management.OperatingSystemMXBean) java.lang.management
                            .ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - cpuToFirstFrame[0];
                    System.err.println("load average at first frame: " + java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean().getSystemLoadAverage());
                    loaded.complete(times);
                });
            });
            return null;
        });
        loaded.get(10, TimeUnit.MINUTES);
        Thread.sleep(500);
        GraphView graph = app.view().graph();
        int servers = app.viewModel().topology().servers().size();
        row(servers, "open → topology loaded (load + check, not GUI work)", ms(times[1] - times[0]), Double.NaN);
        row(servers, "topology loaded → first frame (layout, looks, fit, paint)", ms(times[3] - times[1]),
                Double.NaN, ms(cpuToFirstFrame[0]));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;

        double w = graph.canvas().getWidth();
        double h = graph.canvas().getHeight();
        Button fit = (Button) graph.canvas().getScene().lookup("#fit");
        TextField search = (TextField) graph.canvas().getScene().lookup("#search");
        List<String> names = app.viewModel().topology().servers().stream().map(s -> s.name()).sorted().toList();

        onFx(() -> {
            fit.fire();
            return null;
        });
        measure(servers, "pan at Fit (one mouse drag event)", i -> graph.canvas().fireEvent(
                mouse(i == 0 ? MouseEvent.MOUSE_PRESSED : MouseEvent.MOUSE_DRAGGED, w / 2 + (i % 2 == 0 ? 0 : 40),
                        h / 2)), graph);
        measure(servers, "zoom at Fit (one wheel notch)", i -> graph.canvas().fireEvent(
                scroll(w / 2, h / 2, i % 2 == 0 ? 40 : -40)), graph);
        measure(servers, "Fit (toolbar button)", i -> fit.fire(), graph);
        onFx(() -> {
            graph.setViewport(new dev.failscope.ui.viewmodel.Viewport(1, -w, -h));
            return null;
        });
        measure(servers, "pan at 100 % (one mouse drag event)", i -> graph.canvas().fireEvent(
                mouse(i == 0 ? MouseEvent.MOUSE_PRESSED : MouseEvent.MOUSE_DRAGGED, w / 2 + (i % 2 == 0 ? 0 : 40),
                        h / 2)), graph);
        measure(servers, "zoom at 100 % (one wheel notch)", i -> graph.canvas().fireEvent(
                scroll(w / 2, h / 2, i % 2 == 0 ? 40 : -40)), graph);
        measure(servers, "search a server by full name (select + centre)", i -> {
            search.setText(names.get((i * 7919) % names.size()));
            search.fireEvent(new ActionEvent());
        }, graph);
        measure(servers, "search a name fragment (first match of a substring)", i -> {
            String n = names.get((i * 104729) % names.size());
            search.setText(n.substring(n.length() / 2));
            search.fireEvent(new ActionEvent());
        }, graph);
        row(servers, "heap in use after load (MB, after System.gc)", heap, Double.NaN);
        onFx(() -> {
            app.stop();
            ((Stage) graph.canvas().getScene().getWindow()).close();
            return null;
        });
        Preferences.userRoot().node(prefs).removeNode();
    }

    private static void measure(int servers, String label, IntConsumer action, GraphView graph) throws Exception {
        double[] t = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean(); // the process's CPU: FX thread, renderer and GC together
        for (int i = -3; i < ROUNDS; i++) {
            int round = i;
            CompletableFuture<double[]> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                long c0 = os.getProcessCpuTime();
                action.accept(Math.max(0, round + 3));
                Platform.runLater(() -> {
                    graph.canvas().snapshot(null, null);
                    done.complete(new double[] {ms(System.nanoTime() - t0), ms(os.getProcessCpuTime() - c0)});
                });
            });
            double[] ms = done.get(2, TimeUnit.MINUTES);
            if (i >= 0) {
                t[i] = ms[0];
                cpu[i] = ms[1];
            }
            Thread.sleep(30);
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        row(servers, label, t[t.length / 2], t[t.length - 1], cpu[cpu.length / 2]);
    }

    private static void row(int servers, String what, double median, double max) {
        row(servers, what, median, max, Double.NaN);
    }

    private static void row(int servers, String what, double median, double max, double cpu) {
        System.out.println(String.format(Locale.ROOT, "| %d | %s | %.0f | %s | %s |", servers, what, median,
                Double.isNaN(max) ? "" : String.format(Locale.ROOT, "%.0f", max),
                Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%.0f", cpu)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false,
                false, false, false, false, new PickResult(null, x, y));
    }

    private static ScrollEvent scroll(double x, double y, double dy) {
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false, 0, dy, 0,
                dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                new PickResult(null, x, y));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(2, TimeUnit.MINUTES);
    }

    static List<String> header() {
        return new ArrayList<>(List.of("| servers | what | ms median | ms max | process CPU ms median |", "|---:|---|---:|---:|---:|"));
    }
}
