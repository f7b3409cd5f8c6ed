package dev.failscope.simulation;

import dev.failscope.model.Dependency;
import dev.failscope.model.Service;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of a sweep, with the work shared across scenarios. A scenario's row only needs how each touched
 * cluster and service ends, and a cluster ends the same way whenever the same of its servers (members of every
 * declaration, replication sources, candidates, monitors: {@link SimulationIndex#relevantServers}) fail at the
 * same times, whatever else fails and whatever target made them fail. So each cluster is simulated once per such
 * set, without the timeline's words, and each service once per combination of its clusters' runs and its pinned
 * servers' failures. A zone, a region or a host then costs a lookup per cluster it touches. A scenario that
 * touches a service going through a route is simulated whole (routes read more of the scenario). Rows equal what
 * {@link SweepRow#of(Simulation)} gives for the {@link Simulator}'s run (SweepEvaluatorTest). Safe for the
 * worker threads of one sweep ({@link SweepBatches}): the memos are concurrent maps, the rest is read only.
 */
final class SweepEvaluator {
    /**
     * A server's failure time, as a memo key part. Keys are hashed and compared for every cluster of every row:
     * equals and hashCode are written out (a record's generated ones are slower before the JIT compiles them).
     */
    private record Hit(String server, long atNanos) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Hit h && h.atNanos == atNanos && h.server.equals(server);
        }

        @Override
        public int hashCode() {
            return server.hashCode() * 31 + Long.hashCode(atNanos);
        }
    }

    /**
     * A cluster (by number) and the failures of its relevant servers: most runs see one, kept inline ({@code server}
     * and {@code atNanos}, null and 0 for none); two or more are the list {@code hits} (then {@code server} is null).
     */
    private record ClusterKey(int cluster, String server, long atNanos, List<Hit> hits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ClusterKey k && k.cluster == cluster && k.atNanos == atNanos
                    && java.util.Objects.equals(k.server, server) && java.util.Objects.equals(k.hits, hits);
        }

        @Override
        public int hashCode() {
            return (cluster * 31 + (server == null ? 0 : server.hashCode())) * 31 + Long.hashCode(atNanos)
                    + (hits == null ? 0 : hits.hashCode());
        }

        /** The servers of the key, in order. */
        List<String> servers() {
            return hits != null ? hits.stream().map(Hit::server).toList() : server != null ? List.of(server)
                    : List.of();
        }
    }

    /** How a cluster ended in one run, numbered in the order first seen. */
    private record ClusterResult(int id, ClusterOutcome outcome, List<ClusterCondition> history) {}

    /** A service and, per dependency, the run of its cluster (or -1: untouched) or its pinned server's failure. */
    private record ServiceKey(int service, long[] inputs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ServiceKey k && k.service == service && Arrays.equals(k.inputs, inputs);
        }

        @Override
        public int hashCode() {
            return service * 31 + Arrays.hashCode(inputs);
        }

        @Override
        public String toString() {
            return service + Arrays.toString(inputs);
        }
    }

    private final Simulator simulator;
    private final SimulationIndex index;
    private final SweepReach reach;
    /**
     * The memos, shared by the sweep's worker threads: reads take no lock. Two workers that miss the same key
     * both simulate it (the same result); the first one stored is the one every row then uses.
     */
    private final ConcurrentHashMap<ClusterKey, ClusterResult> clusters;
    private final ConcurrentHashMap<ServiceKey, Health> services;
    private final boolean shared;
    private final AtomicInteger runs = new AtomicInteger();

    SweepEvaluator(Simulator simulator) {
        this(simulator, true);
    }

    /**
     * @param shared false when no two scenarios can share a cluster's run (every server once, nothing else: each
     *               run is kept only for its own row)
     */
    SweepEvaluator(Simulator simulator, boolean shared) {
        this.shared = shared;
        this.simulator = simulator;
        this.index = simulator.index();
        this.reach = new SweepReach(simulator);
        // sized for about a run per server and a service run per few: growing a concurrent map copies it
        int servers = shared ? index.declaredServers().size() : 0;
        this.clusters = new ConcurrentHashMap<>(Math.max(16, servers + servers / 2));
        this.services = new ConcurrentHashMap<>(Math.max(16, servers / 2));
    }

    /**
     * The row of a scenario. Two scenarios that fail the same servers at the same times (a host that holds one
     * server, a region that is one zone) find every cluster and service in the memo: only the timeline's wording
     * names the cause, and a row keeps none of it.
     */
    SweepRow row(FailureScenario scenario) {
        return evaluate(scenario, index.failures(scenario));
    }

    /**
     * Simulates a share of the clusters a scenario touches into the memo (every {@code parts}-th from {@code part}),
     * so that several workers split one big scenario (a zone, a region) before its row is made from the memo.
     * Changes no row; does nothing without a memo or when the row is simulated whole (a routed service).
     */
    void prepare(FailureScenario scenario, int part, int parts) {
        if (!shared) {
            return;
        }
        Map<String, Failure> failures = index.failures(scenario);
        int[] touched = reach.touchedClusters(failures);
        for (int s : reach.touchedServices(failures, touched)) {
            if (reach.routed(s)) {
                return;
            }
        }
        for (int i = part; i < touched.length; i += parts) {
            cluster(touched[i], failures);
        }
    }

    private SweepRow evaluate(FailureScenario scenario, Map<String, Failure> failures) {
        int[] touched = reach.touchedClusters(failures);
        int[] touchedServices = reach.touchedServices(failures, touched);
        for (int s : touchedServices) {
            if (reach.routed(s)) {
                return SweepRow.of(simulator.run(scenario, failures));
            }
        }
        ClusterResult[] results = new ClusterResult[touched.length];
        List<ClusterOutcome> outcomes = new ArrayList<>(touched.length);
        for (int i = 0; i < touched.length; i++) {
            results[i] = cluster(touched[i], failures);
            outcomes.add(results[i].outcome());
        }
        List<SweepRow.ServiceEnd> ends = new ArrayList<>(touchedServices.length);
        for (int s : touchedServices) {
            ends.add(new SweepRow.ServiceEnd(reach.serviceName(s), service(s, touched, results, failures)));
        }
        return SweepRow.of(scenario, outcomes, ends);
    }

    private ClusterResult cluster(int n, Map<String, Failure> failures) {
        Hit first = null;
        List<Hit> hits = null;
        for (String server : reach.relevantServers(n)) {
            Failure f = failures.get(server);
            if (f == null) {
                continue;
            }
            Hit h = new Hit(server, f.at().toNanos());
            if (first == null) {
                first = h;
            } else {
                if (hits == null) {
                    hits = new ArrayList<>(4);
                    hits.add(first);
                }
                hits.add(h);
            }
        }
        ClusterKey key = hits != null ? new ClusterKey(n, null, 0, hits)
                : first != null ? new ClusterKey(n, first.server(), first.atNanos(), null)
                : new ClusterKey(n, null, 0, null);
        ClusterResult r = shared ? clusters.get(key) : null;
        if (r == null) {
            ClusterRun run = new ClusterRun(index, reach.cluster(n), only(key.servers(), failures), false).run();
            r = new ClusterResult(runs.getAndIncrement(), run.outcome(),
                    reach.used(n) ? List.copyOf(run.history()) : List.of());
            if (shared) {
                ClusterResult stored = clusters.putIfAbsent(key, r);
                r = stored != null ? stored : r;
            }
        }
        return r;
    }

    private Health service(int n, int[] touched, ClusterResult[] results, Map<String, Failure> failures) {
        Service s = reach.service(n);
        List<Dependency> deps = s.dependsOn();
        int[] ofCluster = reach.dependencyClusters(n);
        long[] inputs = new long[deps.size()];
        for (int i = 0; i < inputs.length; i++) {
            if (deps.get(i).kind() == Dependency.Kind.CLUSTER) {
                int at = ofCluster[i] < 0 ? -1 : Arrays.binarySearch(touched, ofCluster[i]);
                inputs[i] = at < 0 ? -1 : results[at].id();
            } else {
                Failure f = failures.get(deps.get(i).target().name());
                inputs[i] = f == null ? -1 : f.at().toNanos();
            }
        }
        ServiceKey key = new ServiceKey(n, inputs);
        Health health = shared ? services.get(key) : null;
        if (health == null) {
            Map<String, List<ClusterCondition>> histories = new HashMap<>();
            Map<String, Failure> pinned = new HashMap<>();
            for (int i = 0; i < inputs.length; i++) {
                String target = deps.get(i).target().name();
                if (deps.get(i).kind() == Dependency.Kind.CLUSTER && inputs[i] >= 0) {
                    histories.put(target, results[Arrays.binarySearch(touched, ofCluster[i])].history());
                } else if (deps.get(i).kind() == Dependency.Kind.SERVER && inputs[i] >= 0) {
                    pinned.put(target, failures.get(target));
                }
            }
            health = new ServiceRun(s, histories, pinned, Map.of(), false).endHealth();
            if (shared) {
                services.putIfAbsent(key, health); // any stored one is equal: a service run is a function of its key
            }
        }
        return health;
    }

    /** How many cluster runs the sweep needed so far. */
    int clusterRuns() {
        return runs.get();
    }

    SimulationIndex index() {
        return index;
    }

    /** True when runs are kept for other scenarios (so {@link #prepare} does something). */
    boolean shared() {
        return shared;
    }

    /** The failures of these servers only: what a memoized cluster run may read, nothing more. */
    private static Map<String, Failure> only(List<String> servers, Map<String, Failure> failures) {
        Map<String, Failure> out = new HashMap<>(Math.max(4, servers.size() * 2));
        for (String s : servers) {
            out.put(s, failures.get(s));
        }
        return out;
    }
}
