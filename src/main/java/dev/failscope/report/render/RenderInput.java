package dev.failscope.report.render;

import dev.failscope.layout.Layout;
import dev.failscope.layout.TopologyLayout;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
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
 */
public record RenderInput(Topology topology, Layout layout, List<Finding> findings, StateOverlay overlay,
                          String title) {
    public RenderInput {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(layout, "layout");
        findings = List.copyOf(findings);
        Objects.requireNonNull(overlay, "overlay");
        Objects.requireNonNull(title, "title");
    }

    /** Lays the topology out and draws it without findings or overlay. */
    public static RenderInput of(Topology topology) {
        return new RenderInput(topology, TopologyLayout.layout(topology), List.of(), StateOverlay.NONE, "");
    }

    public RenderInput withFindings(List<Finding> newFindings) {
        return new RenderInput(topology, layout, newFindings, overlay, title);
    }

    public RenderInput withOverlay(StateOverlay newOverlay) {
        return new RenderInput(topology, layout, findings, newOverlay, title);
    }

    public RenderInput withTitle(String newTitle) {
        return new RenderInput(topology, layout, findings, overlay, newTitle);
    }
}
