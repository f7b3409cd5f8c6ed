package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;

/** An active server belongs to no cluster: it may be forgotten, or its inventory status may be stale. */
public final class UnusedServerRule implements Rule {
    @Override
    public String id() {
        return "unused-server";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public String description() {
        return "an active server belongs to no cluster";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return InForce.servers(topology).stream()
                .filter(s -> s.status() == ServerStatus.ACTIVE && topology.clustersOf(s.name()).isEmpty()
                        && !monitors(topology, s.name()))
                .map(s -> finding("server '" + s.name() + "' is active but belongs to no cluster: add it to a "
                        + "cluster, or mark it decommissioned if it is retired", s.name(), null, s.position()))
                .toList();
    }

    /** A sentinel watching a cluster (a failover policy's monitor) is in use, though no cluster member. */
    private static boolean monitors(Topology topology, String server) {
        return topology.policies().stream().anyMatch(p -> p.monitors().stream()
                .anyMatch(m -> m.name().equals(server)));
    }
}
