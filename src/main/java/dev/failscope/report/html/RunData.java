package dev.failscope.report.html;

import dev.failscope.model.Durations;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationStep;
import dev.failscope.simulation.SweepRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Simulations and sweep rows as the page's script reads them; every set and map in sorted order. */
final class RunData {
    private RunData() {}

    /**
     * A timeline the page can step through: step 0 is the state before the first event, step n the state after
     * the n-th (what {@link Simulation#step(int)} replays).
     */
    static Map<String, Object> simulation(String label, GraphData side, Simulation sim) {
        List<Object> steps = new ArrayList<>();
        int n = sim.timeline().events().size();
        for (int i = 0; i <= n; i++) {
            steps.add(step(sim.step(i), side));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("side", side.key());
        m.put("outage", sim.outage());
        m.put("worst", lower(sim.worst().name()));
        m.put("steps", steps);
        return m;
    }

    private static Map<String, Object> step(SimulationStep s, GraphData side) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", Durations.format(s.at()));
        s.currentOpt().ifPresent(e -> {
            m.put("kind", lower(e.kind().name()));
            m.put("subject", e.subject());
            m.put("text", e.reason());
            e.positionOpt().ifPresent(p -> m.put("position", p.toString()));
        });
        m.put("failed", new TreeSet<>(s.failed()));
        m.put("stale", new TreeSet<>(s.stale()));
        m.put("promoted", new TreeSet<>(s.promoted()));
        s.tryingOpt().ifPresent(t -> m.put("trying", t));
        m.put("skipped", new TreeMap<>(s.skipped()));
        m.put("down", new TreeSet<>(s.clustersDown()));
        m.put("clusters", healths(s.clusters()));
        m.put("services", healths(s.services()));
        m.put("marks", side.marks(dev.failscope.scene.SceneState.of(s)));
        return m;
    }

    private static Map<String, String> healths(Map<String, Health> map) {
        Map<String, String> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, lower(v.name())));
        return out;
    }

    static Map<String, Object> sweepRow(SweepRow r, GraphData side) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", r.label());
        m.put("pair", r.pair());
        m.put("result", lower(r.result().name()));
        m.put("targets", r.scenario().targets().stream().map(t -> t.kind().prefix() + t.name()).toList());
        m.put("clustersDown", r.clustersDown());
        m.put("clustersDegraded", r.clustersDegraded());
        m.put("servicesDown", r.servicesDown());
        m.put("servicesDegraded", r.servicesDegraded());
        r.maxRtoOpt().ifPresent(d -> m.put("maxRto", Durations.format(d)));
        m.put("marks", side.marks(sweepState(r)));
        return m;
    }

    /** A sweep row as the scene marks it: its failed servers, clusters and services down or degraded. */
    private static dev.failscope.scene.SceneState sweepState(SweepRow r) {
        java.util.Set<String> failed = new TreeSet<>();
        r.scenario().targets().stream().filter(t -> t.kind() == dev.failscope.simulation.FailureTarget.Kind.SERVER)
                .forEach(t -> failed.add(t.name()));
        Map<String, dev.failscope.scene.SceneState.Outcome> services = new TreeMap<>();
        r.servicesDegraded().forEach(n -> services.put(n, dev.failscope.scene.SceneState.Outcome.DEGRADED));
        r.servicesDown().forEach(n -> services.put(n, dev.failscope.scene.SceneState.Outcome.DOWN));
        return new dev.failscope.scene.SceneState(failed, java.util.Set.of(), null, null, Map.of(), java.util.Set.of(),
                new TreeSet<>(r.clustersDown()), new TreeSet<>(r.clustersDegraded()), services, Map.of(), Map.of());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
