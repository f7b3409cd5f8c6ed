package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.model.Node;
import java.util.Objects;
import java.util.Set;

/**
 * How a prepared topology is looked at: everything a scene depends on besides the topology itself.
 *
 * @param state     the simulation state, or {@link SceneState#NONE}
 * @param diff      the comparison's marks, or {@link SceneDiff#NONE}
 * @param detail    the level of detail ({@link Detail#at(double)} of the scale, or forced, e.g. an overview)
 * @param scale     screen pixels per layout unit: strokes, badges and compact names keep their on-screen size
 * @param collapsed ids of collapsed containers: {@code cluster:NAME}, {@code zone:REGION/ZONE},
 *                  {@code region:NAME} (see {@link Collapse})
 * @param visible   the layout rectangle on screen: only what meets it is built (culling); null for all
 * @param selected  the selected vertex (ringed), or null
 * @param hovered   the vertex under the pointer (faint ring), or null
 * @param pulse     0..1, the trying candidate's pulse (0 for still pictures)
 */
public record SceneView(SceneState state, SceneDiff diff, Detail detail, double scale, Set<String> collapsed,
                        Box visible, Node selected, Node hovered, double pulse) {
    public SceneView {
        Objects.requireNonNull(state);
        Objects.requireNonNull(diff);
        Objects.requireNonNull(detail);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        collapsed = Set.copyOf(collapsed);
    }

    /** A still picture at scale 1 (render, the review page): full detail, nothing collapsed, nothing culled. */
    public static SceneView still(SceneState state) {
        return new SceneView(state, SceneDiff.NONE, Detail.FULL, 1, Set.of(), null, null, null, 0);
    }

    /** The view at a scale, at that scale's level of detail. */
    public static SceneView at(double scale) {
        return new SceneView(SceneState.NONE, SceneDiff.NONE, Detail.at(scale), scale, Set.of(), null, null, null, 0);
    }

    public SceneView withState(SceneState s) {
        return new SceneView(s, diff, detail, scale, collapsed, visible, selected, hovered, pulse);
    }

    public SceneView withDiff(SceneDiff d) {
        return new SceneView(state, d, detail, scale, collapsed, visible, selected, hovered, pulse);
    }

    public SceneView withDetail(Detail d) {
        return new SceneView(state, diff, d, scale, collapsed, visible, selected, hovered, pulse);
    }

    public SceneView withCollapsed(Set<String> ids) {
        return new SceneView(state, diff, detail, scale, ids, visible, selected, hovered, pulse);
    }

    public SceneView withVisible(Box b) {
        return new SceneView(state, diff, detail, scale, collapsed, b, selected, hovered, pulse);
    }

    public SceneView withSelection(Node sel, Node hover) {
        return new SceneView(state, diff, detail, scale, collapsed, visible, sel, hover, pulse);
    }

    public SceneView withPulse(double p) {
        return new SceneView(state, diff, detail, scale, collapsed, visible, selected, hovered, p);
    }

    /** Screen pixels as layout units at this scale. */
    double px(double pixels) {
        return pixels / scale;
    }
}
