package dev.failscope.analysis;

import dev.failscope.model.Dependency;
import dev.failscope.model.Finding;
import dev.failscope.model.Route;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code failscope explain CLUSTER} says about a route to the cluster: the routing rules' findings about it,
 * worst first. A route without findings follows the primary as its {@code follows} says.
 *
 * @param route    the route
 * @param findings the routing findings whose subject or target is the route, errors first, then by position
 */
public record RouteVerdict(Route route, List<Finding> findings) {
    public RouteVerdict {
        Objects.requireNonNull(route, "route");
        findings = List.copyOf(findings);
    }

    /** True when no routing rule reports an error about the route. */
    public boolean follows() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Every route that serves {@code cluster} or that a dependency on it goes through, in load order. */
    public static List<RouteVerdict> of(Topology topology, String cluster, List<Finding> all) {
        Set<Route> routes = new LinkedHashSet<>();
        for (Route r : topology.routes()) {
            if (r.cluster() != null && r.cluster().name().equals(cluster)) {
                routes.add(r);
            }
        }
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                if (d.kind() == Dependency.Kind.CLUSTER && d.target().name().equals(cluster)) {
                    RouteReach.routeOf(topology, s, d).ifPresent(routes::add);
                }
            }
        }
        List<RouteVerdict> out = new ArrayList<>();
        for (Route r : routes) {
            List<Finding> about = all.stream().filter(f -> f.rule().startsWith("route-"))
                    .filter(f -> f.subject().equals(r.name()) || r.name().equals(f.target()))
                    .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::position)).toList();
            out.add(new RouteVerdict(r, about));
        }
        return out;
    }
}
