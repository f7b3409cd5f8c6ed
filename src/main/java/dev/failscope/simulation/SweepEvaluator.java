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
 * set, without the timeline's words; each touched service is then run quietly over those runs' histories (cheap,
 * so not memoized). A zone, a region or a host then costs a lookup per cluster it touches. A scenario that
 * touches a service going through a route is simulated whole (routes read more of the scenario). Rows equal what
 * {@link SweepRow#of(Simulation)} gives for the {@link Simulator}'s run (SweepEvaluatorTest). Safe for the
 * worker threads of one sweep ({@link SweepBatches}): the memo is a concurrent map, the rest is read only.
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

    /** How a cluster ended in one run (the history only when some service reads it). */
    private record ClusterResult(ClusterOutcome outcome, List<ClusterCondition> history) {}

    private final Simulator simulator;
    private final SimulationIndex index;
    private final SweepReach reach;
    /**
     * The memo of cluster runs, shared by the sweep's worker threads: reads take no lock. Two workers that miss
     * the same key both simulate it (the same result); the first one stored is the one every row then uses.
     */
    private final ConcurrentHashMap<ClusterKey, ClusterResult> clusters;
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
    }

    /**
     * The row of a scenario. Two scenarios that fail the same servers at the same times (a host that holds one
     * server, a region that is one zone) find every cluster and service in the memo: only the timeline's wording
     * names the cause, and a row keeps none of it.
     */
    SweepRow row(FailureScenario scenario) {
        return row(resolve(scenario));
    }

    /** A scenario's failures and what they touch, in name order; {@code routed} when some touched service is. */
    record Resolved(FailureScenario scenario, Map<String, Failure> failures, int[] touched, int[] touchedServices,
                    boolean routed) {}

    /** Works out what the scenario fails and touches, once for its shares and its row ({@link SweepBatches}). */
    Resolved resolve(FailureScenario scenario) {
        Map<String, Failure> failures = index.failures(scenario);
        int[] touched = reach.touchedClusters(failures);
        int[] touchedServices = reach.touchedServices(failures, touched);
        boolean routed = false;
        for (int s : touchedServices) {
            routed |= reach.routed(s);
        }
        return new Resolved(scenario, failures, touched, touchedServices, routed);
    }

    /**
     * Simulates a share of the clusters a scenario touches into the memo (every {@code parts}-th from {@code part}),
     * so that several workers split one big scenario (a zone, a region) before its row is made from the memo.
     * Changes no row; does nothing without a memo or when the row is simulated whole (a routed service).
     */
    void prepare(Resolved r, int part, int parts) {
        if (!shared || r.routed()) {
            return;
        }
        for (int i = part; i < r.touched().length; i += parts) {
            cluster(r.touched()[i], r.failures());
        }
    }

    SweepRow row(Resolved r) {
        Map<String, Failure> failures = r.failures();
        int[] touched = r.touched();
        int[] touchedServices = r.touchedServices();
        if (r.routed()) {
            return SweepRow.of(simulator.run(r.scenario(), failures));
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
        return SweepRow.of(r.scenario(), outcomes, ends);
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
            runs.incrementAndGet();
            r = new ClusterResult(run.outcome(),
                    reach.used(n) ? List.copyOf(run.history()) : List.of());
            if (shared) {
                ClusterResult stored = clusters.putIfAbsent(key, r);
                r = stored != null ? stored : r;
            }
        }
        return r;
    }

    /**
     * How the service ends. Not memoized: a quiet service run over its clusters' histories costs less than
     * hashing its inputs, and keeping every combination alive costs the collector more (measured, perf-sweep2).
     */
    private Health service(int n, int[] touched, ClusterResult[] results, Map<String, Failure> failures) {
        Service s = reach.service(n);
        List<Dependency> deps = s.dependsOn();
        int[] ofCluster = reach.dependencyClusters(n);
        Map<String, List<ClusterCondition>> histories = new HashMap<>();
        Map<String, Failure> pinned = Map.of();
        for (int i = 0; i < deps.size(); i++) {
            String target = deps.get(i).target().name();
            if (deps.get(i).kind() == Dependency.Kind.CLUSTER) {
                int at = ofCluster[i] < 0 ? -1 : Arrays.binarySearch(touched, ofCluster[i]);
                if (at >= 0) {
                    histories.put(target, results[at].history());
                }
            } else {
                Failure f = failures.get(target);
                if (f != null) {
                    if (pinned.isEmpty()) {
                        pinned = new HashMap<>();
                    }
                    pinned.put(target, f);
                }
            }
        }
        return new ServiceRun(s, histories, pinned, Map.of(), false).endHealth();
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
