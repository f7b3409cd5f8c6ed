package dev.failscope.ui.viewmodel;

import dev.failscope.model.Topology;
import dev.failscope.report.TimelineJson;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Simulation mode: a failure scenario built from the graph (loss of a server, shift-click to add more, loss of
 * a zone), the simulator's timeline, the current step and the overlay it puts on the graph. The simulator runs
 * on the background executor.
 */
public final class SimulationViewModel {
    private final MainViewModel main;
    private final GraphViewModel graph;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<List<FailureTarget>> scenario =
            new ReadOnlyObjectWrapper<>(this, "scenario", List.of());
    private final ReadOnlyObjectWrapper<Optional<Simulation>> simulation =
            new ReadOnlyObjectWrapper<>(this, "simulation", Optional.empty());
    private final ObservableList<SimulationEvent> events = FXCollections.observableArrayList();
    private final ObservableList<SimulationEvent> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private Topology simulated;
    private List<String> simulatedPaths = List.of();
    private long generation;

    public SimulationViewModel(MainViewModel main, GraphViewModel graph, Executor background, Executor ui) {
        this.main = main;
        this.graph = graph;
        this.background = background;
        this.ui = ui;
        main.topologyProperty().addListener((o, a, t) -> {
            if (!active.get() || t == simulated) {
                return;
            }
            if (main.pathsProperty().get().equals(simulatedPaths)) {
                rerun(); // the same files changed on disk: replay the scenario on the new topology
            } else {
                exit(); // another topology: its servers are not this scenario's
            }
        });
    }

    /** A new scenario: the server fails. */
    public void simulateLoss(String server) {
        run(List.of(FailureTarget.server(server)));
    }

    /** Adds the server to the current scenario (or starts one). */
    public void addFailure(String server) {
        List<FailureTarget> next = new ArrayList<>(scenario.get());
        FailureTarget t = FailureTarget.server(server);
        if (!next.contains(t)) {
            next.add(t);
        }
        run(next);
    }

    /** A new scenario: every server of the zone fails. */
    public void simulateZoneLoss(String zone) {
        run(List.of(FailureTarget.of(FailureTarget.Kind.ZONE, zone)));
    }

    /** A new scenario: every server of the region fails. */
    public void simulateRegionLoss(String region) {
        run(List.of(FailureTarget.of(FailureTarget.Kind.REGION, region)));
    }

    /** A new scenario: every server on the host fails. */
    public void simulateHostLoss(String host) {
        run(List.of(FailureTarget.of(FailureTarget.Kind.HOST, host)));
    }

    /** A new scenario of the given failures (a scripted scenario). */
    public void simulate(List<FailureTarget> targets) {
        run(List.copyOf(targets));
    }

    /** A new scenario of the given failures, shown at its end state (a sweep row: "what does this do?"). */
    public void simulateToEnd(List<FailureTarget> targets) {
        run(List.copyOf(targets), true);
    }

    /** Simulates loss of the selected server, if a declared server is selected. */
    public boolean simulateSelected() {
        var node = main.selectionProperty().get();
        if (node == null || node.kind() != dev.failscope.model.NodeKind.SERVER || node.missing()) {
            main.say("Select a server first, then Simulate loss (K)");
            return false;
        }
        simulateLoss(node.name());
        return true;
    }

    private void rerun() {
        run(scenario.get());
    }

    private void run(List<FailureTarget> targets) {
        run(targets, false);
    }

    private void run(List<FailureTarget> targets, boolean atEnd) {
        long ticket = ++generation;
        Topology topology = main.topology();
        List<String> paths = main.pathsProperty().get();
        FailureScenario s = new FailureScenario(targets);
        scenario.set(s.targets());
        playing.set(false);
        background.execute(() -> {
            Simulation sim = new Simulator(topology).run(s);
            ui.execute(() -> {
                if (ticket == generation) {
                    simulated = topology;
                    simulatedPaths = paths;
                    events.setAll(sim.timeline().events());
                    step.set(atEnd ? events.size() : 0);
                    simulation.set(Optional.of(sim));
                    active.set(true);
                    show();
                    main.say("Simulating loss of " + s.label() + ": " + events.size()
                            + " events. Step through them, or Play.");
                }
            });
        });
    }

    public void stepForward() {
        jumpTo(step.get() + 1);
    }

    public void stepBack() {
        jumpTo(step.get() - 1);
    }

    /** Back to the start of the scenario: nothing has failed yet. */
    public void reset() {
        playing.set(false);
        jumpTo(0);
    }

    public void toEnd() {
        jumpTo(events.size());
    }

    /** Shows the state after {@code n} events (clamped). Reaching the end stops playback. */
    public void jumpTo(int n) {
        int clamped = Math.max(0, Math.min(n, events.size()));
        step.set(clamped);
        if (clamped == events.size()) {
            playing.set(false);
        }
        show();
    }

    /** Leaves simulation mode. */
    public void exit() {
        if (active.get()) {
            main.sayShown(); // "Simulating loss of …" is over
        }
        generation++;
        playing.set(false);
        active.set(false);
        simulation.set(Optional.empty());
        events.clear();
        scenario.set(List.of());
        step.set(0);
        graph.showOverlay(GraphOverlay.NONE);
    }

    private void show() {
        if (active.get()) {
            graph.showOverlay(overlay());
        }
    }

    /** The overlay at the current step. */
    public GraphOverlay overlay() {
        return OverlayBuilder.at(events, step.get());
    }

    /** The events that have happened at the current step. */
    public Optional<SimulationEvent> currentEvent() {
        return step.get() == 0 ? Optional.empty() : Optional.of(events.get(step.get() - 1));
    }

    /** The same JSON that {@code failscope simulate --format json} prints for this scenario. */
    public Optional<String> json() {
        return simulation.get().map(s -> TimelineJson.render(s, simulated));
    }

    public ReadOnlyObjectProperty<List<FailureTarget>> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Simulation>> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    public ObservableList<SimulationEvent> events() {
        return eventsView;
    }

    /** How many events have happened: 0 (start) to {@code events().size()} (end). */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Play/pause; the view animates while true. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Playback speed multiplier (0.5 to 4). */
    public DoubleProperty speedProperty() {
        return speed;
    }
}
