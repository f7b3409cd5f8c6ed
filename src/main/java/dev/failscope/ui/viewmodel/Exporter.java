package dev.failscope.ui.viewmodel;

import dev.failscope.model.Cluster;
import dev.failscope.model.Finding;
import dev.failscope.report.render.ImageExport;
import dev.failscope.report.render.RenderInput;
import dev.failscope.report.render.StateOverlay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * File → Export PNG/SVG: the graph on screen (fit to content, with legend) through the core renderer that
 * {@code failscope render} uses, at the current simulation step if one is shown.
 */
public final class Exporter {
    /** PNG pixels per layout unit: crisp on high-density screens and in docs. */
    public static final double PNG_SCALE = 1.5;

    private Exporter() {}

    public static RenderInput input(GraphScene scene, List<Finding> findings, GraphOverlay overlay, String title) {
        // the legend follows the renderer's overlay; the marks are the step's own, as the canvas draws them
        return new RenderInput(scene.topology(), scene.layout(), findings, state(scene, overlay), title)
                .withState(overlay.toScene(Map.of()));
    }

    /**
     * The caption of a picture exported during a simulation: what is shown, the scenario, and where in its
     * timeline the picture was taken ("step 6 / 9 at t+30s: ...", or "before the failure").
     */
    public static String caption(String shown, List<String> scenario, int step, int total,
                                 java.util.Optional<dev.failscope.simulation.SimulationEvent> current) {
        String at = current.map(e -> "step " + step + " / " + total + " at t+"
                + dev.failscope.model.Durations.format(e.at()) + ": " + e.reason())
                .orElse("step 0 / " + total + ", before the failure");
        return shown + "  —  simulated loss of " + String.join(" + ", scenario) + "  —  " + at;
    }

    /** Writes PNG or SVG, chosen by the file's extension (PNG when it has neither). */
    public static void write(RenderInput input, Path file) throws IOException {
        if (ImageExport.Format.ofFile(file).orElse(ImageExport.Format.PNG) == ImageExport.Format.SVG) {
            ImageExport.writeSvg(input, file);
        } else {
            ImageExport.writePng(input, PNG_SCALE, file);
        }
    }

    /** The GUI's step overlay in the renderer's terms. */
    static StateOverlay state(GraphScene scene, GraphOverlay overlay) {
        if (!overlay.active()) {
            return StateOverlay.NONE;
        }
        Map<String, StateOverlay.ServerState> servers = new HashMap<>();
        overlay.failed().forEach(s -> servers.put(s, StateOverlay.ServerState.FAILED));
        Map<String, StateOverlay.ClusterOutcome> clusters = new HashMap<>();
        overlay.clustersDown().forEach(c -> clusters.put(c, new StateOverlay.ClusterOutcome(
                StateOverlay.ClusterState.DOWN, null, false)));
        for (String promoted : overlay.promoted()) {
            for (Cluster c : scene.topology().clustersOf(promoted)) {
                clusters.put(c.name(), new StateOverlay.ClusterOutcome(StateOverlay.ClusterState.OK, promoted, true));
            }
        }
        Map<String, StateOverlay.ServiceState> services = new HashMap<>();
        overlay.services().forEach((s, h) -> services.put(s, StateOverlay.ServiceState.valueOf(h.name())));
        return new StateOverlay(servers, clusters, services);
    }
}
