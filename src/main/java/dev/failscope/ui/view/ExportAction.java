package dev.failscope.ui.view;

import dev.failscope.layout.Box;
import dev.failscope.ui.viewmodel.Exporter;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.Viewport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * File → Export PNG/SVG. Outside diff mode through the core renderer ({@code failscope render}); in diff mode
 * the core renderer knows no diff marks, so the PNG is the inspector's own drawing of the whole graph with its
 * diff layer, and SVG is refused with a message rather than written without the marks. Either way the picture
 * carries a caption: what is shown, and during a simulation the scenario, step and time.
 */
final class ExportAction {
    /** Largest side of a diff-mode PNG in pixels (a canvas snapshot is held in memory at once). */
    static final double MAX_SIDE = 8000;
    private static final Font CAPTION = Font.font("System", FontWeight.BOLD, 18);
    private static final double CAPTION_H = 44;

    private final MainView view;
    private final Executor background;

    ExportAction(MainView view, Executor background) {
        this.view = view;
        this.background = background;
    }

    /** The caption over an exported picture. */
    String caption() {
        var sim = view.simulation();
        String shown = view.shownPaths();
        if (sim.activeProperty().get()) {
            return Exporter.caption(shown, sim.scenarioProperty().get().stream().map(t -> t.label()).toList(),
                    sim.stepProperty().get(), sim.events().size(), sim.currentEvent());
        }
        if (diffActive()) {
            return shown + "  —  compared with " + view.diff().overlayProperty().get().base();
        }
        return shown;
    }

    private boolean diffActive() {
        return view.diff().comparisonProperty().get() != null;
    }

    /** Writes the graph to the file in the background; the status bar says how it went. */
    void exportTo(Path file) {
        var scene = view.graph().viewModel().sceneProperty().get();
        if (scene.isEmpty()) {
            return;
        }
        boolean svg = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg");
        if (diffActive()) {
            if (svg) {
                view.vm().say("SVG export cannot show the diff marks yet: export PNG (Ctrl+E) to keep them, "
                        + "or clear the comparison for an SVG of this version");
                return;
            }
            BufferedImage image = SwingFXUtils.fromFXImage(drawWhole(scene.get(), caption()), null);
            write(file, () -> javax.imageio.ImageIO.write(image, "png", file.toFile()));
            return;
        }
        var input = Exporter.input(scene.get(), List.copyOf(view.vm().findings()),
                view.graph().viewModel().overlayProperty().get(), caption());
        write(file, () -> {
            Exporter.write(input, file);
            return true;
        });
    }

    private interface Writer {
        boolean write() throws IOException;
    }

    private void write(Path file, Writer writer) {
        view.vm().say("Exporting " + file + " …");
        background.execute(() -> {
            String result;
            try {
                result = writer.write() ? "Exported " + file : "Could not export " + file + ": no PNG writer";
            } catch (IOException e) {
                result = "Could not export " + file + ": " + e.getMessage();
            }
            String message = result;
            Platform.runLater(() -> view.vm().say(message));
        });
    }

    /** The whole graph and its layers, as the inspector draws them, with the caption above. FX thread. */
    private javafx.scene.image.WritableImage drawWhole(GraphScene scene, String caption) {
        Box content = view.graph().contentBounds(scene);
        double scale = Math.min(Exporter.PNG_SCALE, MAX_SIDE / Math.max(content.width(), content.height()));
        double margin = 24;
        double w = Math.ceil(content.width() * scale + 2 * margin);
        double h = Math.ceil(content.height() * scale + 2 * margin + CAPTION_H);
        Canvas canvas = new Canvas(w, h);
        Viewport vp = new Viewport(scale, margin - content.x() * scale, margin + CAPTION_H - content.y() * scale);
        view.graph().paintInto(canvas.getGraphicsContext2D(), w, h, vp);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(view.graph().palette().text());
        g.setFont(CAPTION);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(caption, margin, CAPTION_H / 2 + 6, w - 2 * margin);
        return canvas.snapshot(null, null);
    }
}
