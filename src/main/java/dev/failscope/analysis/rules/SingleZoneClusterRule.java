package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Cluster;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
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
        for (Cluster c : topology.clustersInForce()) {
            List<String> members = distinctMembers(c);
            String zone = members.size() < 2 ? null : sharedZone(topology, members);
            if (zone == null) {
                continue;
            }
            findings.add(finding("all " + members.size() + " members of cluster '" + c.name() + "' are in zone "
                    + zone + ": one zone outage takes the whole cluster down; place a replica in "
                    + "another zone", c.name(), null, c.position()));
        }
        return findings;
    }

    private static List<String> distinctMembers(Cluster c) {
        List<String> names = new ArrayList<>(1 + c.replicas().size());
        for (Ref m : c.members()) {
            if (!names.contains(m.name())) {
                names.add(m.name());
            }
        }
        return names;
    }

    /** The zone every member is declared in, or null when one is undeclared or two zones differ. */
    private static String sharedZone(Topology topology, List<String> members) {
        String zone = null;
        for (String m : members) {
            Server s = topology.server(m).orElse(null);
            if (s == null || s.zone() == null || (zone != null && !zone.equals(s.zone()))) {
                return null;
            }
            zone = s.zone();
        }
        return zone;
    }
}
