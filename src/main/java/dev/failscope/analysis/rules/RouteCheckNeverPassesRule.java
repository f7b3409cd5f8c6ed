package dev.failscope.analysis.rules;

import dev.failscope.analysis.CheckEndpoint;
import dev.failscope.model.Access;
import dev.failscope.model.Finding;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Route;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * A health check that can never let writes through: an HTTP check sent to the database port (PostgreSQL does not
 * answer HTTP, so every backend stays down), or, on a write route, an endpoint that fails on the primary
 * (Patroni's {@code /replica}, {@code /sync}, {@code /async}, {@code /standby-leader} answer 503 there).
 */
public final class RouteCheckNeverPassesRule extends RouteRule {
    public RouteCheckNeverPassesRule() {
        super("route-check-never-passes", Severity.ERROR,
                "a route's health check never passes on the primary it must reach");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            HealthCheck c = r.check();
            if (c == null) {
                continue;
            }
            String what = CheckEndpoint.describe(c);
            CheckEndpoint ep = CheckEndpoint.of(c);
            if (CheckEndpoint.onDatabasePort(r, c)) {
                String port = c.port() == null ? "the backends' own port" : "port " + c.port();
                out.add(finding(describe(r) + " checks " + what + " on " + port + ", the database port: "
                        + "PostgreSQL does not answer HTTP, so every backend is marked down; check Patroni's "
                        + "REST port (port 8008 by default)", r.name(), null, c.position()));
            } else if (r.access() == Access.WRITE && ep != CheckEndpoint.UNKNOWN && !ep.passesOnPrimary()) {
                out.add(finding(describe(r) + " is a write route but checks " + what + ", which Patroni answers "
                        + "with 503 on the primary: the primary is marked down and writes go to replicas or "
                        + "nowhere; check GET /primary", r.name(), null, c.position()));
            }
        }
        return out;
    }
}
