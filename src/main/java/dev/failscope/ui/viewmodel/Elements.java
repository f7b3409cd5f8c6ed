package dev.failscope.ui.viewmodel;

import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.Optional;

/** Maps between graph elements, findings and source positions. Pure functions over a topology. */
public final class Elements {
    private Elements() {}

    /**
     * The element a finding is about: its subject when the graph has it (a cluster, server or service of
     * that name, in that order), else its target.
     */
    public static Optional<Node> of(Topology topology, Finding finding) {
        Optional<Node> subject = byName(topology, finding.subject());
        if (subject.isPresent()) {
            return subject;
        }
        return finding.targetOpt().flatMap(t -> byName(topology, t));
    }

    /** The vertex named {@code name}, trying clusters, servers, then services. */
    public static Optional<Node> byName(Topology topology, String name) {
        for (NodeKind kind : new NodeKind[] {NodeKind.CLUSTER, NodeKind.SERVER, NodeKind.SERVICE}) {
            Optional<Node> node = topology.node(kind, name);
            if (node.isPresent()) {
                return node;
            }
        }
        return Optional.empty();
    }

    /**
     * The element best matching a search: an exact name (clusters, servers, services, then missing names),
     * else the first name, in sorted order, that starts with the query, else one that contains it;
     * case-insensitive.
     */
    public static Optional<Node> find(Topology topology, String query) {
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        java.util.List<Node> nodes = topology.graph().vertexSet().stream()
                .sorted(java.util.Comparator.comparing(Node::missing).thenComparing(Node::kind)
                        .thenComparing(Node::name))
                .toList();
        for (java.util.function.Predicate<String> test : java.util.List.<java.util.function.Predicate<String>>of(
                n -> n.equals(q), n -> n.startsWith(q), n -> n.contains(q))) {
            Optional<Node> hit = nodes.stream().filter(n -> test.test(n.name().toLowerCase(java.util.Locale.ROOT)))
                    .findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /** Where the element was declared; for a missing placeholder, where it was first referenced. */
    public static Optional<SourcePosition> declaration(Topology topology, Node node) {
        if (node.missing()) {
            return topology.graph().incomingEdgesOf(node).stream().map(e -> e.position()).sorted().findFirst();
        }
        return switch (node.kind()) {
            case SERVER -> topology.server(node.name()).map(Server::position);
            case CLUSTER -> topology.cluster(node.name()).map(Cluster::position)
                    .or(() -> topology.policy(node.name()).map(FailoverPolicy::position));
            case SERVICE -> topology.service(node.name()).map(Service::position);
            case ROUTE -> topology.route(node.name()).map(dev.failscope.model.Route::position);
        };
    }

    /** The element declared on the position's line, if any. */
    public static Optional<Node> declaredAt(Topology topology, SourcePosition position) {
        for (Server s : topology.servers()) {
            if (sameLine(s.position(), position)) {
                return Optional.of(Node.server(s.name()));
            }
        }
        for (Cluster c : topology.clusters()) {
            if (sameLine(c.position(), position)) {
                return Optional.of(Node.cluster(c.name()));
            }
        }
        for (Service s : topology.services()) {
            if (sameLine(s.position(), position)) {
                return Optional.of(Node.service(s.name()));
            }
        }
        return Optional.empty();
    }

    private static boolean sameLine(SourcePosition a, SourcePosition b) {
        return a.file().equals(b.file()) && a.line() == b.line();
    }
}
