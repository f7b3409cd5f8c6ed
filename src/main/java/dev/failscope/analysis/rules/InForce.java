package dev.failscope.analysis.rules;

import dev.failscope.model.Cluster;
import dev.failscope.model.Server;
import dev.failscope.model.Topology;
import java.util.List;

/**
 * The declarations in force: the first one of each name, as the topology's lookups see them. Later duplicates
 * are reported by {@code duplicate-name} only.
 */
final class InForce {
    private InForce() {}

    static List<Server> servers(Topology topology) {
        return topology.servers().stream().filter(s -> topology.server(s.name()).orElseThrow() == s).toList();
    }

    static List<Cluster> clusters(Topology topology) {
        return topology.clusters().stream().filter(c -> topology.cluster(c.name()).orElseThrow() == c).toList();
    }
}
