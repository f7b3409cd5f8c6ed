package dev.failscope.analysis.rules;

import dev.failscope.model.Dependency;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection string of a service goes somewhere else than the route its dependency names with {@code via}:
 * the application bypasses the proxy, and whatever the proxy does on failover does not help it.
 */
public final class RouteBypassedRule extends RouteRule {
    public RouteBypassedRule() {
        super("route-bypassed", Severity.ERROR,
                "a service's connection string bypasses the route its dependency names");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                if (d.via() == null) {
                    continue;
                }
                for (Route r : topology.routes()) {
                    if (r.kind() != RouteKind.CONNECTION_STRING || r.name().equals(d.via().name())
                            || !isClient(r, s) || !sameCluster(r, d) || forwardsTo(r, d.via().name())) {
                        continue;
                    }
                    out.add(finding("service '" + s.name() + "' should reach '" + d.target().name() + "' through "
                            + "route '" + d.via().name() + "' (" + d.via().position().reference() + "), but its "
                            + describe(r) + " connects to " + targets(r) + " directly: failover behind '"
                            + d.via().name() + "' does not help it", s.name(), r.name(), r.position()));
                }
            }
        }
        return out;
    }

    private static boolean isClient(Route r, Service s) {
        return r.clients().stream().map(Ref::name).anyMatch(s.name()::equals);
    }

    private static boolean sameCluster(Route r, Dependency d) {
        return r.cluster() == null || r.cluster().name().equals(d.target().name());
    }

    private static boolean forwardsTo(Route r, String via) {
        return r.targets().stream().anyMatch(t -> via.equals(t.route()));
    }

    private static String targets(Route r) {
        return String.join(", ", r.targets().stream().map(t -> Optional.ofNullable(t.server())
                .orElse(t.written().name())).toList());
    }
}
