package dev.failscope.analysis.rules;

import dev.failscope.analysis.CheckEndpoint;
import dev.failscope.analysis.RouteReach;
import dev.failscope.model.Access;
import dev.failscope.model.Finding;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Route;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * A health check that passes, but on the wrong servers: on a write route one that passes on replicas too
 * ({@code /read-only}, {@code /health}, a TCP connect), so writes may land on a read-only replica; on a read
 * route one that passes only on the primary ({@code /primary}, {@code /leader}), so reads never spread; a route
 * that says it follows by health check but has none; a path Failscope does not know.
 */
public final class RouteCheckWrongRoleRule extends RouteRule {
    public RouteCheckWrongRoleRule() {
        super("route-check-wrong-role", Severity.WARNING,
                "a route's health check passes on the wrong servers, or is not written");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            HealthCheck c = r.check();
            if (c == null) {
                if (r.follow() == Follow.HEALTH_CHECK) {
                    out.add(finding(describe(r) + " follows by health check but none is written: which backend "
                            + "gets the clients after a failover is unknown", r.name(), null,
                            r.facts().orElse("follows", r.position())));
                }
                continue;
            }
            if (CheckEndpoint.onDatabasePort(r, c)) {
                continue; // route-check-never-passes
            }
            String what = CheckEndpoint.describe(c);
            CheckEndpoint ep = CheckEndpoint.of(c);
            int backends = RouteReach.servers(topology, r).size();
            if (ep == CheckEndpoint.UNKNOWN) {
                out.add(finding(describe(r) + " checks " + what + ", which is no Patroni health endpoint "
                        + "Failscope knows: whether the new primary passes is unknown", r.name(), null,
                        c.position()));
            } else if (r.access() == Access.WRITE && ep.passesOnPrimary() && ep.passesOnReplicas()
                    && backends > 1) {
                out.add(finding(describe(r) + " is a write route but checks " + what + ", which passes on "
                        + "replicas too: writes may go to a read-only replica; check GET /primary on Patroni's "
                        + "REST port", r.name(), null, c.position()));
            } else if (r.access() == Access.READ && ep.primaryOnly() && backends > 1) {
                out.add(finding(describe(r) + " is a read route but checks " + what + ", which passes only on "
                        + "the primary: its replicas never serve reads; check GET /replica (or /read-only)",
                        r.name(), null, c.position()));
            }
        }
        return out;
    }
}
