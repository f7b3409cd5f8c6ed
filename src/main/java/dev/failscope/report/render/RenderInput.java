package dev.failscope.report.render;

import dev.failscope.layout.Layout;
import dev.failscope.layout.TopologyLayout;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import dev.failscope.scene.SceneDiff;
import dev.failscope.scene.SceneState;
import java.util.List;
import java.util.Objects;

/**
 * Everything a picture of a topology shows.
 *
 * @param topology the topology (statuses, replication modes and lags)
 * @param layout   its layout
 * @param findings findings to badge elements with
 * @param overlay  simulation end state, or {@link StateOverlay#NONE}
 * @param title    a line drawn above the graph, or "" for none
 * @param state    what the scene marks ({@link StateOverlay#toScene()} of the overlay, or a richer state: a
 *                 simulation step with its candidate being tried)
 * @param diff     diff marks, or {@link SceneDiff#NONE}
 */
public record RenderInput(Topology topology, Layout layout, List<Finding> findings, StateOverlay overlay,
                          String title, SceneState state, SceneDiff diff) {
    public RenderInput {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(layout, "layout");
        findings = List.copyOf(findings);
        Objects.requireNonNull(overlay, "overlay");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(diff, "diff");
    }

    public RenderInput(Topology topology, Layout layout, List<Finding> findings, StateOverlay overlay, String title) {
        this(topology, layout, findings, overlay, title, overlay.toScene(), SceneDiff.NONE);
    }

    /** Lays the topology out and draws it without findings or overlay. */
    public static RenderInput of(Topology topology) {
        return new RenderInput(topology, TopologyLayout.layout(topology), List.of(), StateOverlay.NONE, "");
    }

    public RenderInput withFindings(List<Finding> newFindings) {
        return new RenderInput(topology, layout, newFindings, overlay, title, state, diff);
    }

    public RenderInput withOverlay(StateOverlay newOverlay) {
        return new RenderInput(topology, layout, findings, newOverlay, title, newOverlay.toScene(), diff);
    }

    /** Draws this state (the legend still follows {@link #overlay()}: set both for a legend with overlay keys). */
    public RenderInput withState(SceneState newState) {
        return new RenderInput(topology, layout, findings, overlay, title, newState, diff);
    }

    public RenderInput withDiff(SceneDiff newDiff) {
        return new RenderInput(topology, layout, findings, overlay, title, state, newDiff);
    }

    public RenderInput withTitle(String newTitle) {
        return new RenderInput(topology, layout, findings, overlay, newTitle, state, diff);
    }
}
