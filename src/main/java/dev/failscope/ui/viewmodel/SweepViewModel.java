package dev.failscope.ui.viewmodel;

import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.Sweep;
import dev.failscope.simulation.SweepResult;
import dev.failscope.simulation.SweepRow;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sweep panel: every single failure of the topology on screen (servers, and with {@code domains} every zone,
 * region and host) simulated in the background through {@link Sweep}, the same call as {@code failscope sweep},
 * with progress. A result belongs to one topology: another topology stops a running sweep and clears it.
 */
public final class SweepViewModel {
    private final MainViewModel main;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SweepRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanProperty domains = new SimpleBooleanProperty(this, "domains", true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Run the sweep to simulate every single failure.");
    private final ReadOnlyObjectWrapper<Map<String, String>> spof = new ReadOnlyObjectWrapper<>(this, "spof", Map.of());
    private final ReadOnlyObjectWrapper<Topology> sweptTopology = new ReadOnlyObjectWrapper<>(this, "swept");
    private long generation;

    public SweepViewModel(MainViewModel main, Executor background, Executor ui) {
        this.main = main;
        this.background = background;
        this.ui = ui;
        main.topologyProperty().addListener((o, a, t) -> clear("Topology changed: run the sweep again."));
    }

    /** Sweeps the topology on screen in the background; a sweep already running is stopped. */
    public void run() {
        Topology topology = main.topology();
        if (topology.servers().isEmpty()) {
            clear("Nothing to sweep: no servers are loaded.");
            return;
        }
        long ticket = ++generation;
        Sweep.Options options = new Sweep.Options(domains.get(), false);
        running.set(true);
        progress.set(0);
        rows.clear();
        spof.set(Map.of());
        summary.set("Sweeping …");
        AtomicInteger shown = new AtomicInteger();
        background.execute(() -> {
            SweepResult result = Sweep.run(topology, options, (done, total) -> {
                // at most about a hundred progress updates, whatever the fleet's size
                if (done * 100 / total > shown.get()) {
                    shown.set(done * 100 / total);
                    ui.execute(() -> {
                        if (ticket == generation) {
                            progress.set(done / (double) total);
                            summary.set("Sweeping … " + done + " of " + total + " failures");
                        }
                    });
                }
                return ticket == generation;
            });
            ui.execute(() -> {
                if (ticket == generation) {
                    show(topology, result);
                }
            });
        });
    }

    private void show(Topology topology, SweepResult result) {
        running.set(false);
        progress.set(1);
        rows.setAll(result.singles());
        sweptTopology.set(topology);
        spof.set(singlePoints(topology, result));
        summary.set(summary(result.singles()));
    }

    /**
     * Servers that are a single point of failure, with why: their own loss causes an outage ("alone"), or the
     * loss of the one host they share ("host h1").
     */
    static Map<String, String> singlePoints(Topology topology, SweepResult result) {
        Map<String, String> out = new TreeMap<>();
        Map<String, List<String>> hosts = new HashMap<>();
        Domains.of(topology, FailureTarget.Kind.HOST).forEach(d -> hosts.put(d.name(), d.servers()));
        for (SweepRow r : result.singlePointsOfFailure()) {
            for (FailureTarget t : r.scenario().targets()) {
                if (t.kind() == FailureTarget.Kind.SERVER) {
                    out.put(t.name(), "its loss alone");
                }
            }
        }
        for (SweepRow r : result.singlePointsOfFailure()) {
            for (FailureTarget t : r.scenario().targets()) {
                if (t.kind() == FailureTarget.Kind.HOST) {
                    hosts.getOrDefault(t.name(), List.of()).forEach(s -> out.putIfAbsent(s, "host " + t.name()));
                }
            }
        }
        return Map.copyOf(out);
    }

    /** {@code 4 of 10 single failures cause an outage; 3 degrade, 3 have no effect}, as the CLI says it. */
    static String summary(List<SweepRow> singles) {
        long down = singles.stream().filter(r -> r.result() == Health.DOWN).count();
        long degraded = singles.stream().filter(r -> r.result() == Health.DEGRADED).count();
        long ok = singles.size() - down - degraded;
        return down + " of " + singles.size() + " single failures cause an outage; " + degraded
                + (degraded == 1 ? " degrades, " : " degrade, ") + ok + (ok == 1 ? " has" : " have") + " no effect";
    }

    private void clear(String message) {
        generation++;
        running.set(false);
        progress.set(0);
        rows.clear();
        spof.set(Map.of());
        sweptTopology.set(null);
        summary.set(message);
    }

    /** The single failures, in the sweep's order (servers, then zones, regions, hosts). */
    public ObservableList<SweepRow> rows() {
        return rowsView;
    }

    /** Also sweep every zone, region and host ({@code failscope sweep --domains}). */
    public BooleanProperty domainsProperty() {
        return domains;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Servers whose loss alone, or their host's, causes an outage (with why), from the last finished sweep. */
    public ReadOnlyObjectProperty<Map<String, String>> singlePointsOfFailureProperty() {
        return spof.getReadOnlyProperty();
    }

    /** The topology the rows belong to, or null when there are none. */
    public ReadOnlyObjectProperty<Topology> sweptTopologyProperty() {
        return sweptTopology.getReadOnlyProperty();
    }
}
