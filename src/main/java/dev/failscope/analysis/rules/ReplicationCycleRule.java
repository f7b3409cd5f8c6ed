package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Cluster;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Replica sources form a cycle, so no server in it is fed by the primary. For each cluster with cascading
 * replication, the replication edges that cluster wrote (the same edges, with the same vertices, as in the
 * topology graph) form a small graph of their own, and each strongly connected set with a cycle (two or more servers, or a server that is its own
 * source) is reported once, at the replica {@code source} value that closes it: the last one written.
 *
 * <p>Strongly connected sets rather than an enumeration of simple cycles: they take linear time whatever the
 * input, and when each replica has one source (the format's normal case) each set is exactly one cycle.
 */
public final class ReplicationCycleRule implements Rule {
    @Override
    public String id() {
        return "replication-cycle";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "replica sources form a cycle";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        for (Cluster cluster : topology.clustersInForce()) {
            if (!mayCycle(cluster)) {
                continue;
            }
            Set<SourcePosition> explicit = new HashSet<>();
            Graph<Node, Edge> replication = replicationOf(topology, cluster, explicit);
            for (List<Edge> inside : cyclic(replication)) {
                findings.add(cycle(cluster, inside, explicit));
            }
        }
        return findings;
    }

    /** The edges inside each strongly connected set that has any: each such set holds a cycle. */
    private static Collection<List<Edge>> cyclic(Graph<Node, Edge> replication) {
        Map<Node, Integer> component = new HashMap<>();
        List<Set<Node>> sets = new KosarajuStrongConnectivityInspector<>(replication).stronglyConnectedSets();
        for (int i = 0; i < sets.size(); i++) {
            for (Node n : sets.get(i)) {
                component.put(n, i);
            }
        }
        Map<Integer, List<Edge>> inside = new HashMap<>();
        for (Edge e : replication.edgeSet()) {
            if (component.get(e.from()).equals(component.get(e.to()))) {
                inside.computeIfAbsent(component.get(e.from()), k -> new ArrayList<>()).add(e);
            }
        }
        return inside.values();
    }

    /**
     * The replication edges this cluster wrote, built from its replicas as {@link Topology#graph()} builds them
     * (from the explicit source, else the primary; at the source value, else at the replica), so that
     * {@code check} never needs the whole topology graph.
     */
    private static Graph<Node, Edge> replicationOf(Topology topology, Cluster cluster, Set<SourcePosition> explicit) {
        cluster.replicas().forEach(r -> r.sourceOpt().ifPresent(s -> explicit.add(s.position())));
        Graph<Node, Edge> graph = new DirectedPseudograph<>(null, null, false);
        for (Replica r : cluster.replicas()) {
            Ref source = r.source() != null ? r.source() : cluster.primary();
            SourcePosition pos = r.source() != null ? r.source().position() : r.server().position();
            Node from = server(topology, source.name());
            Node to = server(topology, r.server().name());
            graph.addVertex(from);
            graph.addVertex(to);
            graph.addEdge(from, to, new Edge(EdgeKind.REPLICATION, from, to, 0, pos));
        }
        return graph;
    }

    /** The server's vertex as the topology graph has it: declared, or a placeholder for a missing name. */
    private static Node server(Topology topology, String name) {
        return new Node(NodeKind.SERVER, name, !topology.serverNames().contains(name));
    }

    /**
     * False when the cluster's replication cannot hold a cycle, so that JGraphT is asked only about the clusters
     * that may. When each replica is listed once, each server has at most one source, so a cycle exists exactly
     * when following sources back from some replica comes round again instead of reaching a server that is no
     * replica (the primary, or a name outside the cluster). A replica listed twice, or a primary listed as a
     * replica, is left to JGraphT.
     */
    static boolean mayCycle(Cluster cluster) {
        String primary = cluster.primary().name();
        Map<String, String> sourceOf = new HashMap<>();
        for (Replica r : cluster.replicas()) {
            String server = r.server().name();
            if (server.equals(primary) || sourceOf.put(server, r.sourceName(primary)) != null) {
                return true;
            }
        }
        for (String start : sourceOf.keySet()) {
            String at = start;
            for (int steps = 0; sourceOf.containsKey(at); steps++) {
                if (steps > sourceOf.size()) {
                    return true;
                }
                at = sourceOf.get(at);
            }
        }
        return false;
    }

    private Finding cycle(Cluster cluster, List<Edge> inside, Set<SourcePosition> explicit) {
        Edge closing = inside.stream()
                .max(Comparator.comparing((Edge e) -> explicit.contains(e.position()))
                        .thenComparing(Edge::position))
                .orElseThrow();
        String replica = closing.to().name();
        return finding("replica sources of cluster '" + cluster.name() + "' form a cycle (" + path(closing, inside)
                        + "): none of these servers receives data from primary '" + cluster.primary().name()
                        + "'; point the source of '" + replica + "' at the primary or at a replica outside the cycle",
                cluster.name(), null, closing.position());
    }

    /**
     * {@code a -> b -> a}, streaming order, walking back from the closing edge along each server's one source;
     * the sorted names when some server in the cycle has several sources.
     */
    private static String path(Edge closing, List<Edge> inside) {
        Map<Node, List<Edge>> sourcesOf = new HashMap<>();
        inside.forEach(e -> sourcesOf.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e));
        List<String> backwards = new ArrayList<>(List.of(closing.to().name()));
        for (Node at = closing.from(); !at.equals(closing.to()); ) {
            List<Edge> sources = sourcesOf.get(at);
            if (sources.size() != 1 || backwards.size() > inside.size()) {
                return String.join(", ", sourcesOf.keySet().stream().map(Node::name).sorted().toList());
            }
            backwards.add(at.name());
            at = sources.get(0).from();
        }
        backwards.add(closing.to().name());
        Collections.reverse(backwards);
        return String.join(" -> ", backwards);
    }
}
