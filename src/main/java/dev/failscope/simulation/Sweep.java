package dev.failscope.simulation;

import dev.failscope.load.ReadAhead;
import dev.failscope.model.Cluster;
import dev.failscope.model.Ref;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * N-1 (and optionally N-2) analysis: simulates the loss of every server one at a time, optionally every zone,
 * region and host, and every pair of servers within a cluster. The index is built once; each failure only
 * looks at the clusters it touches and the services that use them, and each of those is simulated once per
 * distinct set of its failed servers ({@link SweepEvaluator}).
 */
public final class Sweep {
    /**
     * What to sweep besides single servers.
     *
     * @param domains also every zone, region and host
     * @param pairs   also every pair of servers within a cluster
     */
    public record Options(boolean domains, boolean pairs) {
        public static final Options SERVERS = new Options(false, false);
    }

    private Sweep() {}

    public static SweepResult run(Topology topology, Options options) {
        return run(topology, options, (done, total) -> true);
    }

    /** Told after each failure simulated; returning false stops the sweep (for a viewer's progress bar). */
    @FunctionalInterface
    public interface Progress {
        boolean step(int done, int total);
    }

    /** As {@link #run(Topology, Options)}; a stopped sweep returns only the rows done, so callers discard it. */
    public static SweepResult run(Topology topology, Options options, Progress progress) {
        return run(topology, options, progress, ReadAhead.defaultThreads());
    }

    /**
     * As {@link #run(Topology, Options, Progress)}, on {@code threads} worker threads (one: on the caller's
     * thread). The rows, their order and the progress calls (on the caller's thread, in order) are the same
     * whatever the number.
     */
    public static SweepResult run(Topology topology, Options options, Progress progress, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        Simulator simulator = new Simulator(SimulationIndex.of(topology, threads));
        // servers alone never fail a cluster's servers the way another scenario did; domains and pairs may.
        // The evaluator's numbering and the list of scenarios are independent: made side by side.
        ReadAhead.Both<SweepEvaluator, List<FailureScenario>> setUp = ReadAhead.both(
                () -> new SweepEvaluator(simulator, options.domains() || options.pairs()),
                () -> scenarios(simulator.index(), options), threads);
        return new SweepResult(SweepBatches.rows(setUp.first(), setUp.second(), progress, threads));
    }

    /** Servers by name, then zones, regions and hosts, then pairs: the rows of the matrix, in order. */
    static List<FailureScenario> scenarios(SimulationIndex index, Options options) {
        Topology topology = index.topology();
        List<FailureScenario> result = new ArrayList<>();
        index.declaredServers().forEach(n -> result.add(FailureScenario.servers(n)));
        if (options.domains()) {
            index.zones().forEach(z -> result.add(FailureScenario.of(FailureTarget.of(FailureTarget.Kind.ZONE, z))));
            index.regions().forEach(r -> result.add(FailureScenario.of(
                    FailureTarget.of(FailureTarget.Kind.REGION, r))));
            index.hosts().forEach(h -> result.add(FailureScenario.of(FailureTarget.of(FailureTarget.Kind.HOST, h))));
        }
        if (options.pairs()) {
            TreeSet<String> pairs = new TreeSet<>();
            Set<String> seenClusters = new HashSet<>();
            for (Cluster c : topology.clusters()) {
                if (!seenClusters.add(c.name())) {
                    continue;
                }
                List<String> members = c.members().stream().map(Ref::name).distinct().sorted().toList();
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        pairs.add(members.get(i) + "\n" + members.get(j));
                    }
                }
            }
            for (String p : pairs) {
                String[] ab = p.split("\n", 2);
                result.add(FailureScenario.servers(ab[0], ab[1]));
            }
        }
        return result;
    }
}
