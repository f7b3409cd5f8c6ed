package dev.failscope.ui;

import dev.failscope.simulation.EventKind;
import dev.failscope.ui.viewmodel.DiffViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;

/**
 * Takes the docs/images/gui-*.png screenshots on a real display (Xvfb), not a test:
 * {@code DISPLAY=:57 java -cp ... dev.failscope.ui.GuiTour OUT_DIR WIDTH HEIGHT [SUFFIX]}. The window is
 * the screen's size; each picture is the window's scene.
 */
public final class GuiTour {
    private static FailscopeApp app;
    private static Stage stage;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double w = Double.parseDouble(args[1]);
        double h = Double.parseDouble(args[2]);
        String suffix = args.length > 3 ? args[3] : "";
        System.setProperty("failscope.prefs", "/failscope-tour");
        stage = org.testfx.api.FxToolkit.registerPrimaryStage();
        app = (FailscopeApp) org.testfx.api.FxToolkit.setupApplication(FailscopeApp.class,
                "sample-topologies/catifyme");
        fx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        await(() -> app.viewModel().inspectionProperty().get() != null && !app.viewModel().loadingProperty().get()
                && app.view().graph().viewModel().sceneProperty().get().isPresent());
        pause(800);
        fx(() -> {
            app.view().graph().canvas().requestFocus();
            app.viewModel().selectFinding(app.viewModel().findings().get(1));
            return null;
        });
        shot(out, "gui-catifyme" + suffix);

        var sim = app.view().simulation();
        fx(() -> {
            sim.simulateLoss("db-main-1");
            return null;
        });
        await(() -> sim.activeProperty().get());
        fx(() -> {
            int attempt = 0;
            while (sim.events().get(attempt).kind() != EventKind.CANDIDATE_SKIPPED) {
                attempt++;
            }
            sim.jumpTo(attempt + 1);
            return null;
        });
        shot(out, "gui-catifyme-simulation" + suffix);
        fx(() -> {
            sim.exit();
            app.viewModel().select(null);
            app.view().bottomTabsForTour().getSelectionModel().select(2); // Sweep: runs itself
            return null;
        });
        await(() -> !app.view().sweep().runningProperty().get() && !app.view().sweep().rows().isEmpty());
        shot(out, "gui-sweep" + suffix);

        fx(() -> {
            app.view().diff().compare(new DiffViewModel.Folder(List.of("sample-topologies/catifyme-before")));
            return null;
        });
        await(() -> app.view().diff().comparisonProperty().get() != null && !app.view().diff().busyProperty().get());
        fx(() -> {
            app.view().bottomTabsForTour().getSelectionModel().select(3);
            return null;
        });
        shot(out, "gui-diff" + suffix);
        fx(() -> {
            app.view().diff().clear();
            app.view().openScenario(Path.of("sample-topologies/catifyme-replay.scenario.yaml"));
            return null;
        });
        await(() -> app.view().presentation().activeProperty().get());
        pause(500);
        shot(out, "gui-present-title" + suffix);
        fx(() -> {
            var p = app.view().presentation();
            for (int i = 0; i < p.beats().size(); i++) {
                if (p.beats().get(i).caption().contains("attempt on db-legacy-2")) {
                    p.go(i);
                    break;
                }
            }
            return null;
        });
        shot(out, "gui-present" + suffix);
        fx(() -> {
            var p = app.view().presentation();
            for (int i = 0; i < p.beats().size(); i++) {
                if (p.beats().get(i).time().equals("08:15")) {
                    p.go(i);
                    break;
                }
            }
            return null;
        });
        shot(out, "gui-present-question" + suffix);

        // a generated fleet of 5,002 servers, filtered to the clusters with findings, with the minimap
        fx(() -> {
            app.view().presentation().exit();
            return null;
        });
        await(() -> !app.view().presentation().activeProperty().get());
        Path fleet = java.nio.file.Files.createTempDirectory("failscope-tour").resolve("fleet-5000");
        dev.failscope.generate.FleetWriter.write(dev.failscope.generate.FleetGenerator.generate(
                new dev.failscope.generate.FleetSpec(1250, 3, 3, 12, 2026)), fleet);
        fx(() -> {
            app.viewModel().open(List.of(fleet.toString()));
            return null;
        });
        await(() -> !app.viewModel().loadingProperty().get() && app.view().graph().viewModel().sceneProperty().get()
                .map(sc -> sc.topology() == app.viewModel().topology()).orElse(false));
        fx(() -> {
            app.view().filterBarForTour().set(true);
            app.view().graph().viewModel().setFilter(dev.failscope.ui.viewmodel.SceneFilter.NONE.withOnlyFindings(true));
            return null;
        });
        await(() -> !app.view().graph().viewModel().layingProperty().get()
                && !app.view().graph().viewModel().shownProperty().get().isEmpty());
        fx(() -> {
            app.view().bottomTabsForTour().getSelectionModel().select(0); // Findings: the fleet's 19
            app.view().graph().setViewport(app.view().graph().viewport().zoomAt(1.35,
                    app.view().graph().canvas().getWidth() / 2, app.view().graph().canvas().getHeight() / 4));
            return null;
        });
        shot(out, "gui-fleet-filtered" + suffix);
        Platform.exit();
        System.exit(0);
    }

    private static void shot(Path out, String name) throws Exception {
        pause(900);
        var img = fx(() -> stage.getScene().snapshot(null));
        File f = out.resolve(name + ".png").toFile();
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
        System.out.println("wrote " + f);
    }

    private static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            pause(100);
        }
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private GuiTour() {}

}
