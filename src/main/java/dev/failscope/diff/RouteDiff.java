package dev.failscope.diff;

import dev.failscope.model.Durations;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Routes: the route itself, its values (software, cluster served, access, follows, listen, health check) and its
 * targets. A target is identified by what it resolved to (the inventory server, the route or cluster it forwards
 * to), else by what the file wrote, so a changed address of the same server is no change of target.
 */
final class RouteDiff {
    private static final Map<String, Function<Route, String>> FIELDS = fields();
    private static final Map<String, Function<HealthCheck, String>> CHECK_FIELDS = checkFields();

    private RouteDiff() {}

    static void compare(Changes c) {
        for (String name : Changes.names(c.before().routes(), c.after().routes(), Route::name)) {
            Optional<Route> was = c.before().route(name);
            Optional<Route> now = c.after().route(name);
            if (was.isEmpty()) {
                c.added(ChangeElement.ROUTE, name, null, node(c.after(), name), null, now.get().position(),
                        "route " + name + " added (" + describe(c.after(), now.get()) + ")");
            } else if (now.isEmpty()) {
                c.removed(ChangeElement.ROUTE, name, null, node(c.before(), name), null, was.get().position(),
                        "route " + name + " removed");
            } else {
                values(c, was.get(), now.get());
                check(c, was.get(), now.get());
            }
            targets(c, name, was, now);
            clients(c, name, was, now);
        }
    }

    /** Services the route lists as its {@code clients}; the edge runs from the service to the route. */
    private static void clients(Changes c, String route, Optional<Route> was, Optional<Route> now) {
        Map<String, Ref> before = clientRefs(was);
        Map<String, Ref> after = clientRefs(now);
        for (String service : Changes.names(List.copyOf(before.keySet()), List.copyOf(after.keySet()), s -> s)) {
            if (!before.containsKey(service)) {
                c.added(ChangeElement.ROUTE, route, service, Changes.node(c.after(), NodeKind.SERVICE, service),
                        new Change.EdgeRef(EdgeKind.ROUTING, node(c.after(), route), 0), after.get(service).position(),
                        "route " + route + ": service " + service + " now goes through it (clients)");
            } else if (!after.containsKey(service)) {
                c.removed(ChangeElement.ROUTE, route, service, Changes.node(c.before(), NodeKind.SERVICE, service),
                        new Change.EdgeRef(EdgeKind.ROUTING, node(c.before(), route), 0),
                        before.get(service).position(),
                        "route " + route + ": service " + service + " no longer goes through it (clients)");
            }
        }
    }

    private static Map<String, Ref> clientRefs(Optional<Route> route) {
        Map<String, Ref> map = new LinkedHashMap<>();
        route.ifPresent(r -> r.clients().forEach(ref -> map.putIfAbsent(ref.name(), ref)));
        return map;
    }

    /** "pgbouncer, write to catify-main, fixed host: pins db-main-1". */
    static String describe(Topology side, Route r) {
        StringBuilder s = new StringBuilder(r.kind().label()).append(", ").append(r.access().label());
        r.clusterOpt().ifPresent(k -> s.append(" to ").append(k.name()));
        s.append(", ").append(r.follow().label());
        List<String> targets = r.targets().stream().map(t -> targetLabel(side, t)).toList();
        if (targets.isEmpty()) {
            return s.append(": no targets").toString();
        }
        s.append(r.follow().follows() ? ": targets " : ": pins ").append(String.join(", ", targets));
        return s.toString();
    }

    private static void values(Changes c, Route was, Route now) {
        Node node = node(c.after(), now.name());
        FIELDS.forEach((field, value) -> {
            String a = value.apply(was);
            String b = value.apply(now);
            if (!Objects.equals(a, b)) {
                String what = "route " + now.name();
                c.changed(ChangeType.CHANGED, ChangeElement.ROUTE, now.name(), null, field, a, b,
                        was.facts().orElse(field, was.position()), now.facts().orElse(field, now.position()), node,
                        null, what);
                if (field.equals("follows")) {
                    c.amendLast(followNote(was.follow(), now.follow()));
                }
            }
        });
    }

    /** Why a change of {@code follows} matters, or empty. */
    private static String followNote(Follow was, Follow now) {
        if (was.follows() && !now.follows()) {
            return ": clients no longer follow a failover";
        }
        if (!was.follows() && now.follows()) {
            return ": clients now follow a failover";
        }
        return "";
    }

    private static void check(Changes c, Route was, Route now) {
        Node node = node(c.after(), now.name());
        String what = "route " + now.name();
        if (was.checkOpt().isEmpty() && now.checkOpt().isPresent()) {
            HealthCheck h = now.check();
            c.changed(ChangeType.CHANGED, ChangeElement.ROUTE, now.name(), null, "check", null, checkLabel(h),
                    was.position(), h.position(), node, null, what);
        } else if (was.checkOpt().isPresent() && now.checkOpt().isEmpty()) {
            HealthCheck h = was.check();
            c.changed(ChangeType.CHANGED, ChangeElement.ROUTE, now.name(), null, "check", checkLabel(h), null,
                    h.position(), now.position(), node, null, what);
        } else if (was.checkOpt().isPresent()) {
            CHECK_FIELDS.forEach((field, value) -> {
                String a = value.apply(was.check());
                String b = value.apply(now.check());
                if (!Objects.equals(a, b)) {
                    c.changed(ChangeType.CHANGED, ChangeElement.ROUTE, now.name(), null, "check." + field, a, b,
                            was.check().position(), now.check().position(), node, null, what);
                }
            });
        }
    }

    private static void targets(Changes c, String route, Optional<Route> was, Optional<Route> now) {
        Map<String, Integer> before = orders(was);
        Map<String, Integer> after = orders(now);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!before.containsKey(key)) {
                int order = after.get(key);
                Route r = now.get();
                RouteTarget t = r.targets().get(order - 1);
                String verb = r.follow().follows() ? " now sends clients to " : " now pins ";
                c.added(ChangeElement.ROUTE_TARGET, route, key, node(c.after(), route), edge(c.after(), t, order),
                        t.position(), "route " + route + verb + targetLabel(c.after(), t));
            } else if (!after.containsKey(key)) {
                int order = before.get(key);
                RouteTarget t = was.get().targets().get(order - 1);
                c.removed(ChangeElement.ROUTE_TARGET, route, key, node(c.before(), route),
                        edge(c.before(), t, order), t.position(),
                        "route " + route + " no longer sends clients to " + targetLabel(c.before(), t));
            } else {
                flags(c, route, was.get().targets().get(before.get(key) - 1),
                        now.get().targets().get(after.get(key) - 1), after.get(key));
            }
            if (before.containsKey(key) && after.containsKey(key)
                    && was.get().follow().follows() && !now.get().follow().follows()) {
                RouteTarget t = now.get().targets().get(after.get(key) - 1);
                RouteTarget b = was.get().targets().get(before.get(key) - 1);
                c.changed(ChangeType.CHANGED, ChangeElement.ROUTE_TARGET, route, key, "pinned", "false", "true",
                        b.position(), t.position(), node(c.after(), route), edge(c.after(), t, after.get(key)),
                        "route " + route);
                c.replaceLastMessage("route " + route + " now pins " + targetLabel(c.after(), t));
            }
        }
    }

    /** HAProxy's {@code backup}, a reader-only backend: kept targets whose role changed. */
    private static void flags(Changes c, String route, RouteTarget b, RouteTarget a, int order) {
        Map<String, Boolean> was = Map.of("backup", b.backup(), "read-only", b.readOnly());
        Map<String, Boolean> now = Map.of("backup", a.backup(), "read-only", a.readOnly());
        for (String field : List.of("backup", "read-only")) {
            if (!was.get(field).equals(now.get(field))) {
                c.changed(ChangeType.CHANGED, ChangeElement.ROUTE_TARGET, route, key(a), field,
                        was.get(field).toString(), now.get(field).toString(), b.position(), a.position(),
                        node(c.after(), route), edge(c.after(), a, order), "route " + route + ": target " + key(a));
            }
        }
    }

    /** "db-main-1 (10.20.1.11:5432)", "db-legacy-2 (decommissioned)", "10.9.9.9:5432 (matches no server)". */
    static String targetLabel(Topology side, RouteTarget t) {
        String written = t.written().name();
        if (t.routeOpt().isPresent()) {
            return "route " + t.route();
        }
        if (t.clusterOpt().isPresent()) {
            return "cluster " + t.cluster();
        }
        if (t.serverOpt().isEmpty()) {
            return written + " (matches no inventory server)";
        }
        String name = t.server();
        List<String> notes = new java.util.ArrayList<>();
        if (!written.equals(name)) {
            notes.add(written);
        }
        side.server(name).map(Server::status).filter(s -> s != ServerStatus.ACTIVE)
                .ifPresent(s -> notes.add(s.label()));
        return notes.isEmpty() ? name : name + " (" + String.join(", ", notes) + ")";
    }

    private static String key(RouteTarget t) {
        return t.serverOpt().or(t::routeOpt).or(t::clusterOpt).orElse(t.written().name());
    }

    private static Map<String, Integer> orders(Optional<Route> route) {
        Map<String, Integer> map = new LinkedHashMap<>();
        route.ifPresent(r -> {
            int order = 1;
            for (RouteTarget t : r.targets()) {
                map.putIfAbsent(key(t), order);
                order++;
            }
        });
        return map;
    }

    private static Node node(Topology side, String route) {
        return Changes.node(side, NodeKind.ROUTE, route);
    }

    private static Change.EdgeRef edge(Topology side, RouteTarget t, int order) {
        Node to = t.routeOpt().map(r -> Changes.node(side, NodeKind.ROUTE, r))
                .or(() -> t.clusterOpt().map(k -> Changes.node(side, NodeKind.CLUSTER, k)))
                .orElse(Changes.node(side, NodeKind.SERVER, t.serverOpt().orElse(t.written().name())));
        return new Change.EdgeRef(EdgeKind.ROUTING, to, order);
    }

    private static String checkLabel(HealthCheck h) {
        return h.method() + (h.path() == null ? "" : " " + h.path())
                + (h.port() == null ? "" : " port " + h.port()) + " every " + Durations.format(h.interval())
                + ", rise " + h.rise() + ", fall " + h.fall();
    }

    private static Map<String, Function<Route, String>> fields() {
        Map<String, Function<Route, String>> m = new LinkedHashMap<>();
        m.put("software", r -> r.kind().label());
        m.put("serves", r -> r.clusterOpt().map(Ref::name).orElse(null));
        m.put("access", r -> r.access().label());
        m.put("follows", r -> r.follow().label());
        m.put("listen", Route::listen);
        return m;
    }

    private static Map<String, Function<HealthCheck, String>> checkFields() {
        Map<String, Function<HealthCheck, String>> m = new LinkedHashMap<>();
        m.put("method", HealthCheck::method);
        m.put("path", HealthCheck::path);
        m.put("port", h -> h.port() == null ? null : h.port().toString());
        m.put("interval", h -> Durations.format(h.interval()));
        m.put("rise", h -> Integer.toString(h.rise()));
        m.put("fall", h -> Integer.toString(h.fall()));
        return m;
    }
}
