package dev.failscope.layout;

import dev.failscope.model.Cluster;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Ref;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jgrapht.Graph;

/**
 * Decides which box each server goes in: a server belongs to the first cluster (by name) that lists it; a
 * server in no cluster is placed beside the first cluster whose failover points at it, else beside a cluster
 * it replicates with, else on its own. Returns the units in packing order: clusters by name, then lone
 * servers by column and name.
 */
final class UnitPlanner {
    private final Topology topology;
    private final Graph<Node, Edge> graph;
    private final ToIntFunction<Node> columnOf;
    private final ClusterUnitBuilder builder;

    UnitPlanner(Topology topology, ToIntFunction<Node> columnOf, int unknownColumn) {
        this.topology = topology;
        this.graph = topology.graph();
        this.columnOf = columnOf;
        this.builder = new ClusterUnitBuilder(columnOf, unknownColumn);
    }

    List<Unit> plan() {
        List<Node> clusters = vertices(NodeKind.CLUSTER);
        Map<String, Integer> clusterIndex = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            clusterIndex.put(clusters.get(i).name(), i);
        }
        Map<Node, List<Node>> members = new LinkedHashMap<>();
        Set<Node> owned = new HashSet<>();
        for (Node c : clusters) {
            List<Node> list = new ArrayList<>();
            Cluster decl = declaration(c);
            if (decl != null) {
                for (Ref m : decl.members()) {
                    Node server = topology.node(NodeKind.SERVER, m.name()).orElseThrow();
                    if (owned.add(server)) {
                        list.add(server);
                    }
                }
            }
            members.put(c, list);
        }
        Map<Node, List<Node>> satellites = new HashMap<>();
        List<Node> lone = new ArrayList<>();
        for (Node s : vertices(NodeKind.SERVER)) {
            if (owned.contains(s)) {
                continue;
            }
            Node anchor = anchor(s, clusterIndex, clusters);
            if (anchor == null) {
                lone.add(s);
            } else {
                satellites.computeIfAbsent(anchor, k -> new ArrayList<>()).add(s);
            }
        }
        List<Unit> units = new ArrayList<>();
        for (Node c : clusters) {
            units.add(builder.build(c, declaration(c), members.get(c), satellites.getOrDefault(c, List.of())));
        }
        lone.sort(Comparator.comparingInt(columnOf).thenComparing(Node::name));
        for (Node s : lone) {
            units.add(new Unit(List.of(Piece.single(s, NodeRole.STANDALONE, null, 0, columnOf.applyAsInt(s), 0, 1,
                    0))));
        }
        return units;
    }

    private Cluster declaration(Node cluster) {
        return cluster.missing() ? null : topology.cluster(cluster.name()).orElse(null);
    }

    /** The cluster a server in no cluster is drawn beside, or null. */
    private Node anchor(Node server, Map<String, Integer> clusterIndex, List<Node> clusters) {
        int best = Integer.MAX_VALUE;
        for (Edge e : graph.incomingEdgesOf(server)) {
            if (e.kind() == EdgeKind.FAILOVER) {
                best = Math.min(best, clusterIndex.get(e.from().name()));
            }
        }
        if (best == Integer.MAX_VALUE) {
            for (Edge e : graph.edgesOf(server)) {
                if (e.kind() == EdgeKind.REPLICATION) {
                    Node other = e.from().equals(server) ? e.to() : e.from();
                    best = Math.min(best, clusterOfMember(other, clusterIndex));
                }
            }
        }
        return best == Integer.MAX_VALUE ? null : clusters.get(best);
    }

    private int clusterOfMember(Node server, Map<String, Integer> clusterIndex) {
        int best = Integer.MAX_VALUE;
        for (Edge e : graph.outgoingEdgesOf(server)) {
            if (e.kind() == EdgeKind.MEMBERSHIP) {
                best = Math.min(best, clusterIndex.get(e.to().name()));
            }
        }
        return best;
    }

    /** Vertices of a kind sorted by name (declared before missing on a tie). */
    private List<Node> vertices(NodeKind kind) {
        return graph.vertexSet().stream().filter(n -> n.kind() == kind)
                .sorted(Comparator.comparing(Node::name).thenComparing(Node::missing))
                .toList();
    }
}
