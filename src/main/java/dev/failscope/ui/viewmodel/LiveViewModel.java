package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.Inspection;
import dev.failscope.live.Drift;
import dev.failscope.live.Endpoint;
import dev.failscope.live.LiveCluster;
import dev.failscope.live.LiveLoad;
import dev.failscope.live.LiveSource;
import dev.failscope.live.Snapshot;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * File → Connect…: takes a snapshot of the endpoints in the background and, when a committed config is open,
 * compares it ({@link Drift}) and marks the drift on the graph. The source is injected (the network in the app, a
 * fake in tests).
 */
public final class LiveViewModel {
    private final MainViewModel main;
    private final GraphViewModel graph;
    private final TopologyLoader loader;
    private final Executor background;
    private final Executor ui;
    private LiveSource source;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<List<Finding>> drift = new ReadOnlyObjectWrapper<>(this, "drift", List.of());
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    public LiveViewModel(MainViewModel main, GraphViewModel graph, LiveSource source, TopologyLoader loader,
                         Executor background, Executor ui) {
        this.main = main;
        this.graph = graph;
        this.source = source;
        this.loader = loader;
        this.background = background;
        this.ui = ui;
    }

    /** Replaces the live source (tests: a fake). */
    public void useSource(LiveSource s) {
        this.source = s;
    }

    /** The endpoints of the dialog's text: one per line, {@code patroni URL}, {@code sentinel HOST:PORT}, {@code etcd URL}. */
    public static Parsed parse(String text) {
        List<Endpoint> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\\s+", 2);
            Endpoint.Kind kind = switch (w[0].toLowerCase(java.util.Locale.ROOT)) {
                case "patroni" -> Endpoint.Kind.PATRONI;
                case "sentinel" -> Endpoint.Kind.SENTINEL;
                case "etcd" -> Endpoint.Kind.ETCD;
                default -> null;
            };
            if (kind == null || w.length < 2) {
                bad.add(line);
            } else {
                out.add(Endpoint.flag(kind, w[1].strip()));
            }
        }
        return new Parsed(out, bad);
    }

    /** Endpoints read from the dialog, and the lines that were not one. */
    public record Parsed(List<Endpoint> endpoints, List<String> bad) {}

    /** Snapshots the endpoints off the FX thread; the committed config is the one on screen, if any. */
    public void connect(List<Endpoint> endpoints) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Reading " + endpoints.size() + " endpoint" + (endpoints.size() == 1 ? "" : "s") + " …");
        Inspection open = main.inspectionProperty().get();
        Topology committed = open == null || open.hasLoadErrors() || open.topology().isEmpty() ? null
                : open.topology();
        LiveSource s = source;
        background.execute(() -> {
            Snapshot snap = s.take(endpoints);
            List<Finding> found = List.of();
            if (committed != null && !snap.empty()) {
                LoadResult live = LiveLoad.load(loader, snap);
                if (live.ok()) {
                    found = Drift.compare(committed, live.topology(), snap.unreachable(), snap.leaderless());
                }
            }
            List<Finding> result = found;
            ui.execute(() -> done(snap, result, committed != null));
        });
    }

    private void done(Snapshot snap, List<Finding> found, boolean compared) {
        snapshot.set(snap);
        drift.set(List.copyOf(found));
        Map<String, String> marks = new LinkedHashMap<>();
        for (Finding f : found) {
            String node = f.target() != null && main.topology().server(f.target()).isPresent() ? f.target()
                    : f.subject();
            marks.merge(node, f.message(), (a, b) -> a + "\n" + b);
        }
        graph.showDriftMarks(marks);
        status.set(summary(snap, found, compared));
        busy.set(false);
    }

    static String summary(Snapshot snap, List<Finding> found, boolean compared) {
        if (snap.empty()) {
            return "Nothing was read: no endpoint answered with a cluster (" + snap.unreachable().size()
                    + " unreachable).";
        }
        StringBuilder b = new StringBuilder();
        for (LiveCluster c : snap.clusters()) {
            b.append(c.name()).append(" (").append(c.manager()).append("): ").append(c.members().size())
                    .append(" members, primary ").append(c.primary() == null ? "none" : c.primary()).append(". ");
        }
        b.append(snap.unreachable().size()).append(" unreachable. ");
        b.append(compared ? found.size() + " drift finding" + (found.size() == 1 ? "" : "s") + "."
                : "Open the committed config to compare it.");
        return b.toString();
    }

    public void clear() {
        graph.showDriftMarks(Map.of());
        drift.set(List.of());
        snapshot.set(null);
        status.set("");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Finding>> driftProperty() {
        return drift.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }
}
