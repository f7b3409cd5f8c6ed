package dev.failscope.analysis.rules;

import dev.failscope.model.Finding;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * A host in an imported route (HAProxy, PgBouncer, pgpool-II, ProxySQL, a connection string, a Kubernetes
 * Service) that no loaded inventory declares, while no inventory is authoritative: Failscope cannot tell whether
 * it is a cluster member, so the route's effect on a failover is unknown rather than wrong.
 */
public final class RouteTargetUnknownRule extends RouteRule {
    public RouteTargetUnknownRule() {
        super("route-target-unknown", Severity.INFO,
                "an imported route sends clients to a host no loaded inventory declares");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            if (RouteTargetMissingRule.decidable(topology, r)) {
                continue;
            }
            for (RouteTarget t : r.targets()) {
                if (t.server() == null && t.route() == null && t.cluster() == null) {
                    out.add(finding(describe(r) + " sends clients to '" + t.written().name() + "', which no loaded "
                            + "inventory declares: Failscope cannot tell which cluster it belongs to; load the "
                            + "inventory with it (with authoritative: true, an unknown host is an error)", r.name(),
                            t.written().name(), t.position()));
                }
            }
        }
        return out;
    }
}
