package dev.failscope.diff;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The semantic difference of two topology versions: servers, clusters, replication edges, failover
 * candidates, policy values, services and dependencies (with the route each goes {@code via}), routes and their
 * targets. Names identify elements; the first declaration of a
 * name is the one compared, as everywhere else. Pure: neither topology is touched.
 */
public final class TopologyDiff {
    private static final Map<String, Function<Server, String>> SERVER_FIELDS = serverFields();

    private TopologyDiff() {}

    /** Every change from {@code before} to {@code after}, sorted by {@link Change#ORDER}. */
    public static List<Change> compare(Topology before, Topology after) {
        Changes changes = new Changes(before, after);
        servers(changes);
        clusters(changes);
        PolicyDiff.compare(changes);
        ServiceDiff.compare(changes);
        RouteDiff.compare(changes);
        return changes.sorted();
    }

    private static void servers(Changes c) {
        for (String name : Changes.names(c.before().servers(), c.after().servers(), Server::name)) {
            Optional<Server> was = c.before().server(name);
            Optional<Server> now = c.after().server(name);
            if (was.isEmpty()) {
                Server s = now.get();
                c.added(ChangeElement.SERVER, name, null, Changes.node(c.after(), NodeKind.SERVER, name), null,
                        s.position(), "server " + name + " added (" + s.status().label()
                                + s.zoneOpt().map(z -> ", zone " + z).orElse("") + ")");
            } else if (now.isEmpty()) {
                c.removed(ChangeElement.SERVER, name, null, Changes.node(c.before(), NodeKind.SERVER, name), null,
                        was.get().position(), "server " + name + " removed");
            } else {
                serverFields(c, was.get(), now.get());
            }
        }
    }

    private static void serverFields(Changes c, Server was, Server now) {
        Node node = Changes.node(c.after(), NodeKind.SERVER, now.name());
        SERVER_FIELDS.forEach((field, value) -> {
            String a = value.apply(was);
            String b = value.apply(now);
            if (!java.util.Objects.equals(a, b)) {
                c.changed(ChangeType.CHANGED, ChangeElement.SERVER, now.name(), null, field, a, b,
                        was.facts().orElse(field, was.position()), now.facts().orElse(field, now.position()),
                        node, null, "server " + now.name());
            }
        });
    }

    private static void clusters(Changes c) {
        for (String name : Changes.names(c.before().clusters(), c.after().clusters(), Cluster::name)) {
            Optional<Cluster> was = c.before().cluster(name);
            Optional<Cluster> now = c.after().cluster(name);
            if (was.isEmpty()) {
                Cluster k = now.get();
                c.added(ChangeElement.CLUSTER, name, null, Changes.node(c.after(), NodeKind.CLUSTER, name), null,
                        k.position(), "cluster " + name + " added (primary " + k.primary().name() + ")");
            } else if (now.isEmpty()) {
                c.removed(ChangeElement.CLUSTER, name, null, Changes.node(c.before(), NodeKind.CLUSTER, name),
                        null, was.get().position(), "cluster " + name + " removed");
            } else {
                clusterFields(c, was.get(), now.get());
            }
            replication(c, name, was, now);
        }
    }

    private static void clusterFields(Changes c, Cluster was, Cluster now) {
        Node node = Changes.node(c.after(), NodeKind.CLUSTER, now.name());
        if (!was.primary().name().equals(now.primary().name())) {
            c.changed(ChangeType.CHANGED, ChangeElement.CLUSTER, now.name(), null, "primary", was.primary().name(),
                    now.primary().name(), was.primary().position(), now.primary().position(), node, null,
                    "cluster " + now.name());
        }
        if (!java.util.Objects.equals(was.engine(), now.engine())) {
            c.changed(ChangeType.CHANGED, ChangeElement.CLUSTER, now.name(), null, "engine", was.engine(),
                    now.engine(), was.facts().orElse("engine", was.position()),
                    now.facts().orElse("engine", now.position()), node, null, "cluster " + now.name());
        }
    }

    /** Replication edges of one cluster, keyed by replica server. */
    private static void replication(Changes c, String cluster, Optional<Cluster> was, Optional<Cluster> now) {
        Map<String, Replica> before = replicas(was);
        Map<String, Replica> after = replicas(now);
        java.util.TreeSet<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String server : names) {
            Replica b = before.get(server);
            Replica a = after.get(server);
            if (b == null) {
                String source = a.sourceName(now.get().primary().name());
                c.added(ChangeElement.REPLICATION, cluster, server, Changes.node(c.after(), NodeKind.SERVER, source),
                        edge(c.after(), server), a.server().position(), cluster + ": replica " + server + " added ("
                                + a.mode().label() + " from " + source + ")");
            } else if (a == null) {
                String source = b.sourceName(was.get().primary().name());
                c.removed(ChangeElement.REPLICATION, cluster, server,
                        Changes.node(c.before(), NodeKind.SERVER, source), edge(c.before(), server),
                        b.server().position(), cluster + ": replica " + server + " removed");
            } else {
                replicaFields(c, cluster, was.get(), now.get(), b, a);
            }
        }
    }

    private static void replicaFields(Changes c, String cluster, Cluster wasC, Cluster nowC, Replica b, Replica a) {
        String server = a.server().name();
        String wasSource = b.sourceName(wasC.primary().name());
        String nowSource = a.sourceName(nowC.primary().name());
        Node node = Changes.node(c.after(), NodeKind.SERVER, nowSource);
        Change.EdgeRef edge = edge(c.after(), server);
        String what = cluster + ": replica " + server;
        if (!wasSource.equals(nowSource)) {
            c.changed(ChangeType.CHANGED, ChangeElement.REPLICATION, cluster, server, "source", wasSource, nowSource,
                    sourcePosition(b), sourcePosition(a), node, edge, what);
        }
        if (b.mode() != a.mode()) {
            c.changed(ChangeType.CHANGED, ChangeElement.REPLICATION, cluster, server, "mode", b.mode().label(),
                    a.mode().label(), b.facts().orElse("mode", b.server().position()),
                    a.facts().orElse("mode", a.server().position()), node, edge, what);
        }
        String wasLag = b.lagOpt().map(Durations::format).orElse(null);
        String nowLag = a.lagOpt().map(Durations::format).orElse(null);
        if (!java.util.Objects.equals(wasLag, nowLag)) {
            c.changed(ChangeType.CHANGED, ChangeElement.REPLICATION, cluster, server, "lag", wasLag, nowLag,
                    b.facts().orElse("lag", b.server().position()), a.facts().orElse("lag", a.server().position()),
                    node, edge, what);
        }
    }

    private static SourcePosition sourcePosition(Replica r) {
        return r.sourceOpt().map(dev.failscope.model.Ref::position).orElse(r.server().position());
    }

    private static Change.EdgeRef edge(Topology side, String replica) {
        return new Change.EdgeRef(EdgeKind.REPLICATION, Changes.node(side, NodeKind.SERVER, replica), 0);
    }

    private static Map<String, Replica> replicas(Optional<Cluster> cluster) {
        Map<String, Replica> map = new LinkedHashMap<>();
        cluster.ifPresent(k -> k.replicas().forEach(r -> map.putIfAbsent(r.server().name(), r)));
        return map;
    }

    private static Map<String, Function<Server, String>> serverFields() {
        Map<String, Function<Server, String>> m = new LinkedHashMap<>();
        m.put("status", s -> s.status().label());
        m.put("region", Server::region);
        m.put("zone", Server::zone);
        m.put("host", Server::host);
        m.put("address", Server::address);
        m.put("no-failover", s -> Boolean.toString(s.noFailover()));
        return m;
    }
}
