package dev.failscope.analysis;

import dev.failscope.model.Dependency;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a route can send clients: its targets flattened through the routes and clusters they name, and which
 * route a service's dependency goes through. Shared by the routing rules and the simulation.
 */
public final class RouteReach {
    /**
     * One server a route may send clients to.
     *
     * @param server the inventory server, or null when the written target matched none
     * @param target the target as written in {@code route} (the position to report)
     * @param route  the route that names it (the route itself, or a route it forwards to)
     * @param backup true when it is a backup target here or on the way
     */
    public record Backend(String server, RouteTarget target, Route route, boolean backup) {
        public Optional<String> serverOpt() {
            return Optional.ofNullable(server);
        }
    }

    private RouteReach() {}

    /** Every backend of {@code route}, in target order, through forwarded routes and whole clusters. */
    public static List<Backend> backends(Topology topology, Route route) {
        List<Backend> out = new ArrayList<>();
        collect(topology, route, false, new HashSet<>(), out);
        return out;
    }

    /** The resolved servers of {@link #backends}, without duplicates. */
    public static List<String> servers(Topology topology, Route route) {
        return backends(topology, route).stream().map(Backend::server).filter(java.util.Objects::nonNull)
                .distinct().toList();
    }

    private static void collect(Topology topology, Route route, boolean backup, Set<String> seen,
                                List<Backend> out) {
        if (!seen.add(route.name())) {
            return;
        }
        for (RouteTarget t : route.targets()) {
            boolean b = backup || t.backup();
            if (t.server() != null) {
                out.add(new Backend(t.server(), t, route, b));
            } else if (t.route() != null && topology.route(t.route()).isPresent()) {
                collect(topology, topology.route(t.route()).get(), b, seen, out);
            } else if (t.cluster() != null && topology.cluster(t.cluster()).isPresent()) {
                for (Ref m : topology.cluster(t.cluster()).get().members()) {
                    out.add(new Backend(m.name(), t, route, b));
                }
            } else {
                out.add(new Backend(null, t, route, b));
            }
        }
    }

    /**
     * The route {@code dependency} of {@code service} goes through: the one its {@code via} names, else a route
     * that lists the service among its clients and serves the dependency's cluster (or names no cluster).
     */
    public static Optional<Route> routeOf(Topology topology, Service service, Dependency dependency) {
        if (dependency.via() != null) {
            return topology.route(dependency.via().name());
        }
        if (dependency.kind() != Dependency.Kind.CLUSTER) {
            return Optional.empty();
        }
        for (Route r : topology.routes()) {
            boolean client = r.clients().stream().anyMatch(c -> c.name().equals(service.name()));
            boolean serves = r.cluster() == null || r.cluster().name().equals(dependency.target().name());
            if (client && serves && r.access() == dependency.access()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The server a fixed route sends clients to: its first non-backup target, else its first. Empty when that
     * target is another route or a whole cluster: then the route reaches whatever that one does.
     */
    public static Optional<Backend> pinned(Topology topology, Route route) {
        if (forwarded(topology, route).isPresent() || first(route).map(t -> t.cluster() != null).orElse(false)) {
            return Optional.empty();
        }
        List<Backend> all = backends(topology, route);
        return all.stream().filter(b -> !b.backup()).findFirst().or(() -> all.stream().findFirst());
    }

    /** The declared route a fixed route's first target forwards to (PgBouncer in front of HAProxy), if any. */
    public static Optional<Route> forwarded(Topology topology, Route route) {
        return first(route).filter(t -> t.server() == null && t.route() != null)
                .flatMap(t -> topology.route(t.route())).filter(r -> !r.name().equals(route.name()));
    }

    private static Optional<RouteTarget> first(Route route) {
        return route.targets().stream().filter(t -> !t.backup()).findFirst()
                .or(() -> route.targets().stream().findFirst());
    }
}
