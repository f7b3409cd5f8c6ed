package dev.failscope.diff;

import dev.failscope.model.Dependency;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Ref;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Services and their dependencies; a dependency is identified by its kind and target. */
final class ServiceDiff {
    private ServiceDiff() {}

    static void compare(Changes c) {
        for (String name : Changes.names(c.before().services(), c.after().services(), Service::name)) {
            Optional<Service> was = c.before().service(name);
            Optional<Service> now = c.after().service(name);
            if (was.isEmpty()) {
                c.added(ChangeElement.SERVICE, name, null, Changes.node(c.after(), NodeKind.SERVICE, name), null,
                        now.get().position(), "service " + name + " added");
            } else if (now.isEmpty()) {
                c.removed(ChangeElement.SERVICE, name, null, Changes.node(c.before(), NodeKind.SERVICE, name), null,
                        was.get().position(), "service " + name + " removed");
            }
            dependencies(c, name, was, now);
        }
    }

    private static void dependencies(Changes c, String service, Optional<Service> was, Optional<Service> now) {
        Map<String, Dependency> before = byTarget(was);
        Map<String, Dependency> after = byTarget(now);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Dependency b = before.get(key);
            Dependency a = after.get(key);
            if (b == null) {
                c.added(ChangeElement.DEPENDENCY, service, a.target().name(),
                        Changes.node(c.after(), NodeKind.SERVICE, service), edge(c.after(), a), a.target().position(),
                        "service " + service + ": now depends on " + describe(a));
            } else if (a == null) {
                c.removed(ChangeElement.DEPENDENCY, service, b.target().name(),
                        Changes.node(c.before(), NodeKind.SERVICE, service), edge(c.before(), b),
                        b.target().position(), "service " + service + ": no longer depends on " + describe(b));
            } else {
                if (a.access() != b.access()) {
                    c.changed(ChangeType.CHANGED, ChangeElement.DEPENDENCY, service, a.target().name(), "access",
                            b.access().label(), a.access().label(), b.target().position(), a.target().position(),
                            Changes.node(c.after(), NodeKind.SERVICE, service), edge(c.after(), a),
                            "service " + service + ": dependency on " + a.target().name());
                }
                via(c, service, b, a);
            }
        }
    }

    /** The route a dependency goes through; positioned at {@code via}, or at the target when it is not written. */
    private static void via(Changes c, String service, Dependency b, Dependency a) {
        String was = b.viaOpt().map(Ref::name).orElse(null);
        String now = a.viaOpt().map(Ref::name).orElse(null);
        if (!Objects.equals(was, now)) {
            c.changed(ChangeType.CHANGED, ChangeElement.DEPENDENCY, service, a.target().name(), "via", was, now,
                    b.viaOpt().map(Ref::position).orElse(b.target().position()),
                    a.viaOpt().map(Ref::position).orElse(a.target().position()),
                    Changes.node(c.after(), NodeKind.SERVICE, service), edge(c.after(), a),
                    "service " + service + ": dependency on " + a.target().name());
        }
    }

    private static String describe(Dependency d) {
        return d.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + d.target().name() + " ("
                + d.access().label() + d.viaOpt().map(v -> " via " + v.name()).orElse("") + ")";
    }

    private static Change.EdgeRef edge(Topology side, Dependency d) {
        NodeKind kind = d.kind() == Dependency.Kind.CLUSTER ? NodeKind.CLUSTER : NodeKind.SERVER;
        return new Change.EdgeRef(EdgeKind.DEPENDENCY, Changes.node(side, kind, d.target().name()), 0);
    }

    private static Map<String, Dependency> byTarget(Optional<Service> service) {
        Map<String, Dependency> map = new LinkedHashMap<>();
        service.ifPresent(s -> s.dependsOn().forEach(d -> map.putIfAbsent(d.kind() + ":" + d.target().name(), d)));
        return map;
    }
}
