package dev.failscope.simulation;

import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.Service;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a sweep, with the work shared across scenarios. A scenario's row only needs how each touched
 * cluster and service ends, and a cluster ends the same way whenever the same of its servers (members of every
 * declaration, replication sources, candidates, monitors: {@link SimulationIndex#relevantServers}) fail at the
 * same times, whatever else fails and whatever target made them fail. So each cluster is simulated once per such
 * set, and each service once per combination of its clusters' runs and its pinned servers' failures. A zone, a
 * region or a host then costs a lookup per cluster it touches. A scenario that touches a service going through a
 * route is simulated whole (routes read more of the scenario). Rows equal what {@link Simulator} gives.
 */
final class SweepEvaluator {
    /** A server's failure time, as a memo key part. */
    private record Hit(String server, long atNanos) {}

    /** A cluster and the failures of its relevant servers. */
    private record ClusterKey(String cluster, List<Hit> hits) {}

    /** How a cluster ended in one run, numbered in the order first seen. */
    private record ClusterResult(int id, ClusterOutcome outcome, List<ClusterCondition> history) {}

    /** A service and, per dependency, the run of its cluster (or -1: untouched) or its pinned server's failure. */
    private record ServiceKey(String service, long[] inputs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ServiceKey k && k.service.equals(service) && Arrays.equals(k.inputs, inputs);
        }

        @Override
        public int hashCode() {
            return service.hashCode() * 31 + Arrays.hashCode(inputs);
        }

        @Override
        public String toString() {
            return service + Arrays.toString(inputs);
        }
    }

    private final Simulator simulator;
    private final SimulationIndex index;
    private final Map<ClusterKey, ClusterResult> clusters = new HashMap<>();
    private final Map<ServiceKey, ServiceOutcome> services = new HashMap<>();
    private final Map<List<Hit>, SweepRow> rows = new HashMap<>();

    SweepEvaluator(Simulator simulator) {
        this.simulator = simulator;
        this.index = simulator.index();
    }

    /**
     * The row of a scenario. Two scenarios with the same failed servers and times end the same way (a host that
     * holds one server, a region that is one zone): only the timeline's wording names the cause, and a row keeps
     * none of it.
     */
    SweepRow row(FailureScenario scenario) {
        Map<String, Failure> failures = index.failures(scenario);
        List<Hit> failed = new ArrayList<>(failures.size());
        for (Failure f : failures.values()) {
            failed.add(new Hit(f.server(), f.at().toNanos()));
        }
        SweepRow same = rows.get(failed);
        if (same != null) {
            return same.as(scenario);
        }
        SweepRow row = evaluate(scenario, failures);
        rows.put(failed, row);
        return row;
    }

    private SweepRow evaluate(FailureScenario scenario, Map<String, Failure> failures) {
        List<String> touched = simulator.touchedClusters(failures);
        Map<String, ClusterResult> results = new HashMap<>(Math.max(4, touched.size() * 2));
        Map<String, ClusterOutcome> outcomes = new HashMap<>(Math.max(4, touched.size() * 2));
        for (String name : touched) {
            ClusterResult r = cluster(name, failures);
            results.put(name, r);
            outcomes.put(name, r.outcome());
        }
        List<String> touchedServices = simulator.touchedServices(failures, results.keySet());
        for (String name : touchedServices) {
            if (simulator.routed(name)) {
                return SweepRow.of(simulator.run(scenario, failures));
            }
        }
        Map<String, ServiceOutcome> serviceOutcomes = new HashMap<>(Math.max(4, touchedServices.size() * 2));
        for (String name : touchedServices) {
            serviceOutcomes.put(name, service(name, results, failures));
        }
        return SweepRow.of(scenario, outcomes.values(), serviceOutcomes.values());
    }

    private ClusterResult cluster(String name, Map<String, Failure> failures) {
        List<String> relevant = index.relevantServers(name);
        List<Hit> hits = new ArrayList<>(2);
        for (String server : relevant) {
            Failure f = failures.get(server);
            if (f != null) {
                hits.add(new Hit(server, f.at().toNanos()));
            }
        }
        ClusterKey key = new ClusterKey(name, hits);
        ClusterResult r = clusters.get(key);
        if (r == null) {
            Cluster c = index.topology().cluster(name).orElseThrow();
            ClusterRun run = new ClusterRun(index, c, only(hits, failures), false).run();
            r = new ClusterResult(clusters.size(), run.outcome(), List.copyOf(run.history()));
            clusters.put(key, r);
        }
        return r;
    }

    private ServiceOutcome service(String name, Map<String, ClusterResult> results, Map<String, Failure> failures) {
        Service s = index.topology().service(name).orElseThrow();
        List<Dependency> deps = s.dependsOn();
        long[] inputs = new long[deps.size()];
        for (int i = 0; i < inputs.length; i++) {
            Dependency d = deps.get(i);
            if (d.kind() == Dependency.Kind.CLUSTER) {
                ClusterResult r = results.get(d.target().name());
                inputs[i] = r == null ? -1 : r.id();
            } else {
                Failure f = failures.get(d.target().name());
                inputs[i] = f == null ? -1 : f.at().toNanos();
            }
        }
        ServiceKey key = new ServiceKey(name, inputs);
        ServiceOutcome outcome = services.get(key);
        if (outcome == null) {
            Map<String, List<ClusterCondition>> histories = new HashMap<>();
            Map<String, Failure> pinned = new HashMap<>();
            for (Dependency d : deps) {
                String target = d.target().name();
                if (d.kind() == Dependency.Kind.CLUSTER && results.containsKey(target)) {
                    histories.put(target, results.get(target).history());
                } else if (d.kind() == Dependency.Kind.SERVER && failures.containsKey(target)) {
                    pinned.put(target, failures.get(target));
                }
            }
            outcome = new ServiceRun(s, histories, pinned, Map.of()).run(new ArrayList<>());
            services.put(key, outcome);
        }
        return outcome;
    }

    /** The failures of these servers only: what a memoized cluster run may read, nothing more. */
    private static Map<String, Failure> only(List<Hit> hits, Map<String, Failure> failures) {
        Map<String, Failure> out = new HashMap<>(Math.max(4, hits.size() * 2));
        for (Hit h : hits) {
            out.put(h.server(), failures.get(h.server()));
        }
        return out;
    }
}
