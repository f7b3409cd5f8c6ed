package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inspector's state: what is loaded, what is wrong with it, and what is selected. Loading runs on the
 * background executor; results are applied on the UI executor. A load with errors keeps the last good
 * inspection on screen and publishes the errors instead.
 */
public final class MainViewModel {
    private final Function<List<String>, Inspection> inspector;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<Topology> topology =
            new ReadOnlyObjectWrapper<>(this, "topology", Topology.empty());
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<LoadError> errors = FXCollections.observableArrayList();
    private final ObservableList<LoadError> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<List<String>> paths = new ReadOnlyObjectWrapper<>(this, "paths", List.of());
    private final ReadOnlyObjectWrapper<Node> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyObjectWrapper<SourcePosition> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper(this, "stale", "");
    private final ReadOnlyObjectWrapper<List<String>> shown = new ReadOnlyObjectWrapper<>(this, "shown", List.of());
    private java.time.Clock clock = java.time.Clock.systemDefaultZone();
    private String loadedAt = "";
    private long generation;

    public MainViewModel(Inspector inspector, Executor background, Executor ui) {
        this(inspector::inspect, background, ui);
    }

    /** With any inspect function (tests use it to count or delay loads). */
    public MainViewModel(Function<List<String>, Inspection> inspector, Executor background, Executor ui) {
        this.inspector = Objects.requireNonNull(inspector);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Loads the paths in the background; the current topology stays until the result arrives. */
    public void open(List<String> newPaths) {
        List<String> copy = List.copyOf(newPaths);
        long ticket = ++generation;
        loading.set(true);
        status.set("Loading " + String.join(", ", copy) + " …");
        background.execute(() -> {
            Inspection result;
            try {
                result = inspector.apply(copy);
            } catch (RuntimeException bug) {
                // A bug, not bad input: report it in the error bar rather than leave the app spinning.
                bug.printStackTrace();
                ui.execute(() -> failed(ticket, copy, bug));
                return;
            }
            ui.execute(() -> apply(ticket, copy, result));
        });
    }

    /** Loads the current paths again. */
    public void reload() {
        if (!paths.get().isEmpty()) {
            open(paths.get());
        }
    }

    private void apply(long ticket, List<String> loaded, Inspection result) {
        if (ticket != generation) {
            return; // a newer load was started; this one is stale
        }
        errors.setAll(result.errors());
        boolean firstLoad = inspection.get() == null;
        if (result.hasLoadErrors() && !firstLoad) {
            status.set(result.errors().size() + " load error(s) in " + String.join(", ", loaded)
                    + "; showing the last good topology");
            stale.set(staleMessage(loaded, result.errors().size() + " load error" + (result.errors().size() == 1
                    ? "" : "s") + ", listed above"));
            paths.set(loaded);
            loading.set(false); // last: whoever waits for the load to end sees its whole result
            return;
        }
        paths.set(loaded);
        shown.set(loaded);
        loadedAt = java.time.LocalTime.now(clock).withNano(0).toString();
        stale.set("");
        // The focus is a position in the files on screen: move it to the new topology before anyone reads it
        // (a same-named element keeps its selection but is declared in another file now).
        Node kept = selection.get() != null && exists(result.topology(), selection.get()) ? selection.get() : null;
        SourcePosition at = focus.get();
        if (at == null || !result.topology().files().contains(at.file())) {
            focus.set(kept == null ? null : Elements.declaration(result.topology(), kept).orElse(null));
        }
        selection.set(kept);
        inspection.set(result);
        topology.set(result.topology());
        findings.setAll(result.findings());
        status.set(summary(result));
        loading.set(false);
    }

    private void failed(long ticket, List<String> attempted, RuntimeException bug) {
        if (ticket != generation) {
            return;
        }
        String where = attempted.isEmpty() ? "(no path)" : attempted.get(0);
        errors.setAll(List.of(new LoadError("internal error while loading: " + bug
                + " (please report it)", SourcePosition.ofFile(where))));
        status.set("Loading failed; showing the last good topology");
        if (inspection.get() != null) {
            stale.set(staleMessage(attempted, "an internal error, listed above"));
        }
        loading.set(false);
    }

    /** What the stale line says: which paths are on screen, since when, and what did not load. */
    private String staleMessage(List<String> attempted, String why) {
        String on = String.join(", ", shown.get());
        if (attempted.equals(shown.get())) {
            return "⚠ Not what is on disk: showing " + on + " as loaded at " + loadedAt + "; the files changed and "
                    + "no longer load (" + why + "). Save a fix to reload.";
        }
        return "⚠ Still showing " + on + " (loaded at " + loadedAt + "): " + String.join(", ", attempted)
                + " did not load (" + why + ").";
    }

    /** The clock of the "loaded at" time (tests). */
    public void setClock(java.time.Clock c) {
        clock = c;
    }

    private static String summary(Inspection result) {
        Topology t = result.topology();
        return count(t.servers().size(), "server") + ", " + count(t.clusters().size(), "cluster") + ", "
                + count(t.services().size(), "service") + "; " + count(result.findings().size(), "finding")
                + (result.hasLoadErrors() ? "; " + count(result.errors().size(), "load error") : "");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static boolean exists(Topology t, Node node) {
        return t.graph().containsVertex(node);
    }

    /** Selects a graph element (or clears the selection with null); the focus becomes its declaration. */
    public void select(Node node) {
        focus.set(node == null ? null : Elements.declaration(topology.get(), node).orElse(null));
        selection.set(node);
    }

    /** Selects the element a finding is about, focusing the finding's position. */
    public void selectFinding(Finding finding) {
        Optional<Node> node = Elements.of(topology.get(), finding);
        selection.set(node.orElse(null));
        focus.set(finding.position());
    }

    /** Focuses a position (an error-bar link); selects the element declared there when there is one. */
    public void focusPosition(SourcePosition position) {
        selection.set(Elements.declaredAt(topology.get(), position).orElse(null));
        focus.set(position);
    }

    /** Shows another position of the selected element (a property's source link) in the details panel. */
    public void focus(SourcePosition position) {
        focus.set(position);
    }

    /** Puts the summary of what is on screen back in the status bar (after a mode that spoke ends). */
    public void sayShown() {
        if (inspection.get() != null) {
            status.set(summary(inspection.get()));
        }
    }

    /** Shows a message in the status bar. */
    public void say(String message) {
        status.set(message);
    }

    public void clearErrors() {
        errors.clear();
    }

    /** Shows errors that did not come from loading the paths on screen (diff mode's other side). */
    public void reportErrors(List<LoadError> list, String message) {
        errors.setAll(list);
        status.set(message);
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public Topology topology() {
        return topology.get();
    }

    /** Findings of the topology on screen. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** Load errors of the latest load (empty when it succeeded). */
    public ObservableList<LoadError> errors() {
        return errorsView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> pathsProperty() {
        return paths.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Node> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The position the details panel should show: the selection's declaration or the chosen finding. */
    public ReadOnlyObjectProperty<SourcePosition> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /**
     * Non-empty while the graph is not what the paths on disk hold: the last load failed and the last good
     * topology stays on screen. Stays until a load succeeds, whatever else the status bar says meanwhile.
     */
    public ReadOnlyStringProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The paths the topology on screen was loaded from (the last successful load). */
    public ReadOnlyObjectProperty<List<String>> shownPathsProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
