package dev.failscope.analysis.rules;

import dev.failscope.model.Finding;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** A route target that matches no inventory server, route or cluster: clients are sent to a host nobody knows. */
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
                } else if (t.route() == null && t.cluster() == null) {
                    out.add(finding(describe(r) + " sends clients to '" + written + "', which matches no "
                            + "inventory server (by name, address or host name): after a failover nothing there "
                            + "is the primary; point it at the cluster's primary endpoint", r.name(), written,
                            t.position()));
                }
            }
        }
        return out;
    }
}
