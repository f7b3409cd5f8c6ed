package dev.failscope.analysis.rules;

import dev.failscope.analysis.RouteReach;
import dev.failscope.analysis.RouteReach.Backend;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A write route pins one server of a cluster that fails over: a fixed host ({@code follows: none}), or a
 * following route with a single backend. After a failover its clients keep reaching the old primary.
 */
public final class RoutePinsServerRule extends RouteRule {
    /** Ways of following that need the new primary among the backends (a VIP or the manager move by themselves). */
    private static final Set<Follow> NEEDS_BACKENDS = Set.of(Follow.HEALTH_CHECK, Follow.MULTI_HOST,
            Follow.READ_ONLY_FLAG, Follow.FAILOVER_COMMAND);

    public RoutePinsServerRule() {
        super("route-pins-server", Severity.ERROR,
                "a write route pins one server of a cluster that fails over");
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> out = new ArrayList<>();
        for (Route r : topology.routes()) {
            if (r.access() != Access.WRITE) {
                continue;
            }
            List<Backend> backends = RouteReach.backends(topology, r);
            List<String> servers = RouteReach.servers(topology, r);
            Optional<Backend> pinned = RouteReach.pinned(topology, r);
            if (pinned.isEmpty() || pinned.get().server() == null) {
                continue; // nothing resolved: route-target-missing says so
            }
            String server = pinned.get().server();
            Optional<Cluster> cluster = clusterOf(topology, r, server);
            Optional<FailoverPolicy> policy = cluster.flatMap(c -> topology.policy(c.name()));
            if (cluster.isEmpty() || policy.isEmpty() || cluster.get().members().size() < 2) {
                continue;
            }
            String how;
            if (r.follow() == Follow.NONE) {
                how = "pins '" + server + "' (a fixed host)";
            } else if (NEEDS_BACKENDS.contains(r.follow()) && servers.size() == 1 && backends.size() == 1) {
                how = "follows by " + r.follow().label() + " but has the single backend '" + server + "'";
            } else {
                continue;
            }
            String to = policy.get().candidates().stream().map(Ref::name).filter(n -> !n.equals(server))
                    .findFirst().map(n -> ", which fails over to '" + n + "'").orElse(", which fails over");
            out.add(finding(describe(r) + " " + how + " of cluster '" + cluster.get().name() + "'" + to
                    + ": after a failover its clients keep reaching '" + server + "' and writes fail; route "
                    + "through something that follows the primary (an HAProxy check of Patroni's GET /primary, "
                    + "libpq target_session_attrs=read-write)", r.name(), server, pinned.get().target().position()));
        }
        return out;
    }

    /** The route's cluster, else the one cluster its pinned server belongs to. */
    static Optional<Cluster> clusterOf(Topology topology, Route r, String server) {
        if (r.cluster() != null) {
            return topology.cluster(r.cluster().name());
        }
        List<Cluster> of = topology.clustersOf(server);
        return of.size() == 1 ? Optional.of(of.get(0)) : Optional.empty();
    }
}
