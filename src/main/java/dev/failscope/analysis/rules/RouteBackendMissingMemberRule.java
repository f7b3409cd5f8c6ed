package dev.failscope.analysis.rules;

import dev.failscope.analysis.RouteReach;
import dev.failscope.model.Access;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Follow;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A write route that follows the primary lacks a server the cluster may promote: after a failover to it, the
 * proxy has nowhere to send writes.
 */
public final class RouteBackendMissingMemberRule extends RouteRule {
    public RouteBackendMissingMemberRule() {
        super("route-backend-missing-member", Severity.WARNING,
                "a following route lacks a server its cluster may promote");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            if (r.access() != Access.WRITE || r.follow() == Follow.NONE || r.follow() == Follow.MANAGER
                    || r.follow() == Follow.VIRTUAL_IP || r.cluster() == null) {
                continue;
            }
            Optional<Cluster> cluster = topology.cluster(r.cluster().name());
            List<String> servers = RouteReach.servers(topology, r);
            if (cluster.isEmpty() || servers.isEmpty()) {
                continue;
            }
            for (String m : promotable(cluster.get(), topology.policy(cluster.get().name()))) {
                if (!servers.contains(m)) {
                    out.add(finding(describe(r) + " serves cluster '" + cluster.get().name() + "' but has no "
                            + "backend for '" + m + "': after a failover to it, the route has nowhere to send "
                            + "writes; add it to the targets", r.name(), m,
                            r.facts().orElse("targets", r.position())));
                }
            }
        }
        return out;
    }

    /** The primary and what the policy may promote (every replica when there is no policy). */
    private static Set<String> promotable(Cluster c, Optional<FailoverPolicy> policy) {
        Set<String> out = new LinkedHashSet<>();
        out.add(c.primary().name());
        if (policy.isPresent()) {
            policy.get().candidates().stream().map(Ref::name).filter(n -> c.members().stream()
                    .anyMatch(m -> m.name().equals(n))).forEach(out::add);
        } else {
            c.replicas().forEach(rep -> out.add(rep.server().name()));
        }
        return out;
    }
}
