package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.Inspection;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The graph's content: the scene (core layout + looks), recomputed in the background whenever the inspection
 * on screen changes, and the simulation overlay.
 */
public final class GraphViewModel {
    private final Executor background;
    private final Executor ui;
    private final Function<Inspection, GraphScene> builder;
    private final ReadOnlyObjectWrapper<Optional<GraphScene>> scene =
            new ReadOnlyObjectWrapper<>(this, "scene", Optional.empty());
    private final ReadOnlyObjectWrapper<GraphOverlay> overlay =
            new ReadOnlyObjectWrapper<>(this, "overlay", GraphOverlay.NONE);
    private final ReadOnlyObjectWrapper<java.util.Map<String, String>> spof =
            new ReadOnlyObjectWrapper<>(this, "spof", java.util.Map.of());
    private final ReadOnlyObjectWrapper<java.util.Map<String, String>> drift =
            new ReadOnlyObjectWrapper<>(this, "drift", java.util.Map.of());
    private final ReadOnlyBooleanWrapper laying = new ReadOnlyBooleanWrapper(this, "laying");
    private final ReadOnlyObjectWrapper<SceneFilter> filter =
            new ReadOnlyObjectWrapper<>(this, "filter", SceneFilter.NONE);
    private final javafx.beans.property.ReadOnlyStringWrapper shown =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "shown", "");
    private Inspection last;
    private long generation;

    public GraphViewModel(MainViewModel main, Executor background, Executor ui) {
        this(main, background, ui, i -> GraphSceneBuilder.build(i.topology(), i.findings()));
    }

    GraphViewModel(MainViewModel main, Executor background, Executor ui, Function<Inspection, GraphScene> builder) {
        this.background = background;
        this.ui = ui;
        this.builder = builder;
        main.inspectionProperty().addListener((o, a, inspection) -> rebuild(inspection));
        if (main.inspectionProperty().get() != null) {
            rebuild(main.inspectionProperty().get());
        }
    }

    private void rebuild(Inspection inspection) {
        if (inspection == null) {
            return;
        }
        boolean sameTopology = last == inspection;
        last = inspection;
        long ticket = ++generation;
        laying.set(true);
        SceneFilter f = filter.get();
        background.execute(() -> {
            SceneFilter.Selection picked = f.select(inspection.topology(), inspection.findings());
            GraphScene built = builder.apply(picked.topology() == inspection.topology() ? inspection
                    : new Inspection(new dev.failscope.load.LoadResult(picked.topology(), inspection.errors(),
                            inspection.load().files()), inspection.findings()));
            ui.execute(() -> {
                if (ticket == generation) {
                    laying.set(false);
                    if (!sameTopology) {
                        overlay.set(GraphOverlay.NONE); // a new filter keeps the simulation step on screen
                    }
                    shown.set(picked.describe());
                    scene.set(Optional.of(built));
                }
            });
        });
    }

    /** Chooses which clusters go into the graph; the scene is laid out again in the background. */
    public void setFilter(SceneFilter f) {
        if (!f.equals(filter.get())) {
            filter.set(f);
            if (last != null) {
                rebuild(last);
            }
        }
    }

    public ReadOnlyObjectProperty<SceneFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** What the filter hides ({@code showing 12 of 1250 clusters …}), or "" when it hides nothing. */
    public javafx.beans.property.ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Shows a simulation step (or {@link GraphOverlay#NONE}). */
    public void showOverlay(GraphOverlay step) {
        overlay.set(step);
    }

    /** Marks single points of failure (server to why), or none with an empty map. */
    public void showSinglePoints(java.util.Map<String, String> servers) {
        spof.set(java.util.Map.copyOf(servers));
    }

    /** Marks where the running cluster differs from the config on screen (node name to why), or none. */
    public void showDriftMarks(java.util.Map<String, String> nodes) {
        drift.set(java.util.Map.copyOf(nodes));
    }

    public ReadOnlyObjectProperty<java.util.Map<String, String>> driftProperty() {
        return drift.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<java.util.Map<String, String>> spofProperty() {
        return spof.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<GraphScene>> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GraphOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** True while a layout is being computed. */
    public ReadOnlyBooleanProperty layingProperty() {
        return laying.getReadOnlyProperty();
    }
}
