package dev.failscope.analysis.rules;

import dev.failscope.model.Finding;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/** The seed incident one layer up: a route still sends clients to a decommissioned server. */
public final class RouteTargetDecommissionedRule extends RouteRule {
    public RouteTargetDecommissionedRule() {
        super("route-target-decommissioned", Severity.ERROR, "a route sends clients to a decommissioned server");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            for (RouteTarget t : r.targets()) {
                Server s = t.server() == null ? null : topology.server(t.server()).orElse(null);
                if (s != null && s.status() == ServerStatus.DECOMMISSIONED) {
                    String via = t.written().name().equals(s.name()) ? "" : " ('" + t.written().name() + "')";
                    out.add(finding(describe(r) + " sends clients to '" + s.name() + "'" + via + ", which is "
                            + "decommissioned (" + s.facts().orElse("status", s.position()).reference()
                            + "): remove it from the route", r.name(), s.name(), t.position()));
                }
            }
        }
        return out;
    }
}
