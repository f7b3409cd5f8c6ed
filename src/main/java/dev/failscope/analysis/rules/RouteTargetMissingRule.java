package dev.failscope.analysis.rules;

import dev.failscope.model.Finding;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * A route target that matches no inventory server, route or cluster: clients are sent to a host nobody knows.
 * A host in an imported file (an HAProxy {@code server} line, a connection string) is missing only where an
 * inventory says {@code authoritative: true}, as for imported failover targets; otherwise it may be a machine
 * no loaded file describes, and {@link RouteTargetUnknownRule} says so.
 */
public final class RouteTargetMissingRule extends RouteRule {
    public RouteTargetMissingRule() {
        super("route-target-missing", Severity.ERROR, "a route sends clients to a server no inventory declares");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            for (RouteTarget t : r.targets()) {
                String written = t.written().name();
                if (t.server() != null) {
                    continue;
                }
                if (t.route() != null && topology.route(t.route()).isEmpty()) {
                    out.add(finding(describe(r) + " forwards to route '" + t.route() + "', which is declared "
                            + "nowhere: its clients reach nothing", r.name(), t.route(), t.position()));
                } else if (t.cluster() != null && topology.cluster(t.cluster()).isEmpty()) {
                    out.add(finding(describe(r) + " sends clients to cluster '" + t.cluster() + "', which is "
                            + "declared nowhere", r.name(), t.cluster(), t.position()));
                } else if (t.route() == null && t.cluster() == null && decidable(topology, r)) {
                    out.add(finding(describe(r) + " sends clients to '" + written + "', which matches no "
                            + "inventory server (by name, address or host name): after a failover nothing there "
                            + "is the primary; point it at the cluster's primary endpoint", r.name(), written,
                            t.position()));
                }
            }
        }
        return out;
    }

    /** True when an unmatched host of this route is a mistake, not just a machine no loaded file describes. */
    static boolean decidable(Topology topology, Route r) {
        return r.declaredNatively() || topology.authoritativeInventory().isPresent();
    }
}
