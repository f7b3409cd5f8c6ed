package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Cluster;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server is a member (primary or replica) of two clusters. Reported once per later cluster, where that
 * cluster lists the server.
 */
public final class ServerInTwoClustersRule implements Rule {
    @Override
    public String id() {
        return "server-in-two-clusters";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a server is a member (primary or replica) of two clusters";
    }

    @Override
    public List<Finding> check(Topology topology) {
        Set<String> names = new LinkedHashSet<>();
        topology.clusters().forEach(c -> c.members().forEach(m -> names.add(m.name())));
        List<Finding> findings = new ArrayList<>();
        for (String server : names) {
            List<Cluster> of = topology.clustersOf(server);
            if (of.size() < 2) {
                continue; // nearly every server: no second cluster to report
            }
            List<Cluster> clusters = distinctByName(of);
            for (Cluster later : clusters.subList(Math.min(1, clusters.size()), clusters.size())) {
                Ref listed = later.members().stream().filter(m -> m.name().equals(server)).findFirst()
                        .orElseThrow();
                findings.add(finding("server '" + server + "' is a member of cluster '" + clusters.get(0).name()
                        + "' and also of cluster '" + later.name() + "': a server holds one cluster's data; "
                        + "remove it from one of them", server, later.name(), listed.position()));
            }
        }
        return findings;
    }

    /** One cluster per name: the first declaration that lists the server. */
    private static List<Cluster> distinctByName(List<Cluster> clusters) {
        Map<String, Cluster> byName = new LinkedHashMap<>();
        clusters.forEach(c -> byName.putIfAbsent(c.name(), c));
        return List.copyOf(byName.values());
    }
}
