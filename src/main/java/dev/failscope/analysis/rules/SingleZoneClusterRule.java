package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Cluster;
import dev.failscope.model.Finding;
import dev.failscope.model.Server;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Every member of a cluster has a zone and all zones are the same: one zone outage takes the whole cluster.
 * Needs at least two distinct members (a lone primary has no redundancy to spread).
 */
public final class SingleZoneClusterRule implements Rule {
    @Override
    public String id() {
        return "single-zone-cluster";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "every member of a cluster is in the same zone";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        for (Cluster c : InForce.clusters(topology)) {
            List<String> members = c.members().stream().map(m -> m.name()).distinct().toList();
            List<String> zones = members.stream()
                    .map(m -> topology.server(m).map(Server::zone).orElse(null)).toList();
            if (members.size() < 2 || zones.contains(null) || zones.stream().distinct().count() != 1) {
                continue;
            }
            findings.add(finding("all " + members.size() + " members of cluster '" + c.name() + "' are in zone "
                    + zones.get(0) + ": one zone outage takes the whole cluster down; place a replica in "
                    + "another zone", c.name(), null, c.position()));
        }
        return findings;
    }
}
