package dev.failscope.load;

import dev.failscope.load.importers.Address;
import dev.failscope.load.importers.InventoryMatcher;
import dev.failscope.model.Cluster;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs once every file is read and the imports met the inventory: ties each route to what it reaches.
 *
 * <ul>
 *   <li>A target without a server is matched to an inventory server ({@link InventoryMatcher}: by name, then
 *       {@code host:port}, then host alone where unambiguous, then short or fully qualified host name).
 *   <li>A target that is no server but names another route, by its name or by the address it listens on
 *       ({@code 127.0.0.1:5000}; a wildcard {@code *:5000} when exactly one route listens on that port), gets
 *       that route (PgBouncer in front of an HAProxy frontend). A route address written exactly wins over a
 *       server that only shares the host, since a proxy often runs on a database host.
 *   <li>A route without a cluster serves the one cluster its (non-backup) resolved targets all belong to:
 *       the clusters of its servers, the clusters its targets name (a Kubernetes selector) and the clusters of
 *       the routes it forwards to. When they make more or fewer than one cluster, the cluster stays unknown.
 * </ul>
 *
 * Nothing here is a finding: a target that matches nothing stays unresolved for the rules to report.
 */
public final class RouteResolver {
    private static final Set<String> WILDCARD_HOSTS = Set.of("*", "0.0.0.0", "::", "");

    private final TopologyBuilder builder;

    public RouteResolver(TopologyBuilder builder) {
        this.builder = builder;
    }

    public void resolve() {
        InventoryMatcher matcher = new InventoryMatcher(builder.servers());
        List<Route> routes = List.copyOf(builder.routes());
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            List<RouteTarget> targets = new ArrayList<>();
            for (RouteTarget t : r.targets()) {
                targets.add(resolve(t, r, routes, matcher));
            }
            if (!targets.equals(r.targets())) {
                builder.replaceRoute(i, r.withTargets(targets));
            }
        }
        fillClusters();
    }

    private RouteTarget resolve(RouteTarget t, Route self, List<Route> routes, InventoryMatcher matcher) {
        if (t.server() != null || t.route() != null || t.cluster() != null) {
            return t;
        }
        String written = t.written().name();
        Optional<InventoryMatcher.Match> server = matcher.match(written, written);
        if (server.isPresent() && server.get().how() == InventoryMatcher.How.NAME) {
            return t.resolvedTo(matcher.server(server.get().index()).name());
        }
        Optional<String> byName = routes.stream().filter(r -> r != self && r.name().equals(written))
                .map(Route::name).findFirst();
        if (byName.isPresent()) {
            return toRoute(t, byName.get());
        }
        Optional<String> exact = onlyOne(routes, self, written, false);
        if (exact.isPresent() && (server.isEmpty() || server.get().how() == InventoryMatcher.How.HOST)) {
            return toRoute(t, exact.get());
        }
        if (server.isPresent()) {
            return t.resolvedTo(matcher.server(server.get().index()).name());
        }
        return onlyOne(routes, self, written, true).map(name -> toRoute(t, name)).orElse(t);
    }

    private static RouteTarget toRoute(RouteTarget t, String route) {
        return new RouteTarget(t.written(), null, route, null, t.backup(), t.readOnly());
    }

    /**
     * The one other route listening at {@code written}: the same host and port ({@code wildcard} false), or any
     * host on the same port for a route listening on all interfaces ({@code wildcard} true).
     */
    private static Optional<String> onlyOne(List<Route> routes, Route self, String written, boolean wildcard) {
        Optional<Address> at = Address.parse(written);
        if (at.isEmpty() || !at.get().hasPort()) {
            return Optional.empty();
        }
        List<String> hits = new ArrayList<>();
        for (Route r : routes) {
            Optional<Address> listen = r == self ? Optional.empty() : listenAddress(r.listen());
            if (listen.isEmpty() || listen.get().port() != at.get().port()) {
                continue;
            }
            boolean any = WILDCARD_HOSTS.contains(listen.get().host());
            if (wildcard ? any : !any && InventoryMatcher.sameHost(listen.get().host(), at.get().host())) {
                hits.add(r.name());
            }
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** {@code *:5000}, {@code :5000}, {@code 127.0.0.1:6432}; a bare port is any host. */
    static Optional<Address> listenAddress(String listen) {
        if (listen == null) {
            return Optional.empty();
        }
        String l = listen.trim();
        if (l.matches("\\d{1,5}")) {
            return Optional.of(new Address("", Integer.parseInt(l)));
        }
        if (l.startsWith(":") && l.substring(1).matches("\\d{1,5}")) {
            return Optional.of(new Address("", Integer.parseInt(l.substring(1))));
        }
        if (l.startsWith("*:")) {
            return Address.parse("0.0.0.0" + l.substring(1));
        }
        return Address.parse(l).filter(Address::hasPort);
    }

    /** Fills the clusters routes serve, repeating so a route in front of another route gets its cluster. */
    private void fillClusters() {
        List<Cluster> clusters = builder.clusters();
        boolean changed = true;
        for (int round = 0; changed && round <= builder.routes().size(); round++) {
            changed = false;
            for (int i = 0; i < builder.routes().size(); i++) {
                Route r = builder.routes().get(i);
                if (r.cluster() != null) {
                    continue;
                }
                Optional<Ref> c = servedCluster(r, clusters);
                if (c.isPresent()) {
                    builder.replaceRoute(i, r.withCluster(c.get()));
                    changed = true;
                }
            }
        }
    }

    /** The one cluster the route's resolved targets reach, with the position of the first target that says so. */
    private Optional<Ref> servedCluster(Route r, List<Cluster> clusters) {
        boolean anyPrimary = r.targets().stream().anyMatch(t -> !t.backup() && resolved(t));
        Map<String, Ref> found = new LinkedHashMap<>();
        for (RouteTarget t : r.targets()) {
            if (anyPrimary && t.backup() || !resolved(t)) {
                continue;
            }
            if (t.server() != null) {
                clusters.stream().filter(c -> c.hasMember(t.server()))
                        .forEach(c -> found.putIfAbsent(c.name(), new Ref(c.name(), t.position())));
            }
            if (t.cluster() != null) {
                found.putIfAbsent(t.cluster(), new Ref(t.cluster(), t.position()));
            }
            if (t.route() != null) {
                Optional<Ref> behind = builder.routes().stream().filter(o -> o.name().equals(t.route()))
                        .findFirst().map(Route::cluster);
                if (behind.isEmpty()) {
                    return Optional.empty();
                }
                found.putIfAbsent(behind.get().name(), new Ref(behind.get().name(), t.position()));
            }
        }
        return found.size() == 1 ? Optional.of(found.values().iterator().next()) : Optional.empty();
    }

    private static boolean resolved(RouteTarget t) {
        return t.server() != null || t.cluster() != null || t.route() != null;
    }
}
