package dev.failscope.layout;

import static dev.failscope.layout.LayoutMetrics.CLUSTER_HEADER;
import static dev.failscope.layout.LayoutMetrics.CLUSTER_PAD;
import static dev.failscope.layout.LayoutMetrics.LAYER_GAP;
import static dev.failscope.layout.LayoutMetrics.MAX_SLOTS;
import static dev.failscope.layout.LayoutMetrics.SATELLITE_GAP;
import static dev.failscope.layout.LayoutMetrics.SERVER_H;
import static dev.failscope.layout.LayoutMetrics.SUBROW_GAP;

import dev.failscope.model.Cluster;
import dev.failscope.model.Node;
import dev.failscope.model.Replica;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Lays out one cluster box: members in layers by replication depth (primary on top, each replica one layer
 * below its source), each member in its own lane's column; the box spans the columns of its members.
 * Servers placed beside the cluster (satellites) go in their own column at the box's top, or under the box
 * when their column is inside it.
 */
final class ClusterUnitBuilder {
    private final ToIntFunction<Node> columnOf;
    private final int unknownColumn;

    ClusterUnitBuilder(ToIntFunction<Node> columnOf, int unknownColumn) {
        this.columnOf = columnOf;
        this.unknownColumn = unknownColumn;
    }

    /**
     * @param cluster    the cluster vertex
     * @param decl       its first declaration, or null for a missing cluster
     * @param members    the member vertices this box owns, primary first, in declaration order
     * @param satellites servers placed beside the box, in order
     */
    Unit build(Node cluster, Cluster decl, List<Node> members, List<Node> satellites) {
        Map<String, String> sources = sources(decl, members);
        Map<String, Integer> depth = depths(sources, members);
        List<List<Node>> byDepth = new ArrayList<>();
        for (Node m : members) {
            int d = depth.get(m.name());
            while (byDepth.size() <= d) {
                byDepth.add(new ArrayList<>());
            }
            byDepth.get(d).add(m);
        }
        List<Piece> pieces = new ArrayList<>();
        int maxDepth = byDepth.size() - 1;
        Map<String, Integer> rank = new HashMap<>();
        double y = CLUSTER_HEADER + CLUSTER_PAD;
        int col0 = Integer.MAX_VALUE;
        int col1 = Integer.MIN_VALUE;
        for (int d = 0; d <= maxDepth; d++) {
            List<Node> layer = layer(byDepth.get(d), sources, rank);
            Map<Integer, List<Node>> cells = new TreeMap<>();
            for (Node n : layer) {
                cells.computeIfAbsent(columnOf.applyAsInt(n), k -> new ArrayList<>()).add(n);
            }
            int subrows = 0;
            for (Map.Entry<Integer, List<Node>> cell : cells.entrySet()) {
                int col = cell.getKey();
                col0 = Math.min(col0, col);
                col1 = Math.max(col1, col);
                List<Node> items = cell.getValue();
                for (int i = 0; i < items.size(); i++) {
                    int sub = i / MAX_SLOTS;
                    int rowSlots = Math.min(MAX_SLOTS, items.size() - sub * MAX_SLOTS);
                    Node n = items.get(i);
                    NodeRole role = d == 0 ? NodeRole.PRIMARY : NodeRole.REPLICA;
                    pieces.add(Piece.single(n, role, cluster.name(), d, col, i % MAX_SLOTS, rowSlots,
                            y + sub * (SERVER_H + SUBROW_GAP)));
                    rank.put(n.name(), col * 1_000_000 + sub * 1_000 + i % MAX_SLOTS);
                }
                subrows = Math.max(subrows, (items.size() + MAX_SLOTS - 1) / MAX_SLOTS);
            }
            if (subrows > 0) {
                y += subrows * SERVER_H + (subrows - 1) * SUBROW_GAP + LAYER_GAP;
            }
        }
        if (col0 > col1) {
            col0 = unknownColumn;
            col1 = unknownColumn;
            y += SERVER_H * 0.6 + LAYER_GAP;
        }
        double boxH = y - LAYER_GAP + CLUSTER_PAD;
        pieces.add(0, new Piece(cluster, NodeRole.CLUSTER, cluster.name(), 0, col0, col1, 0, 1, 0, boxH));
        Map<Integer, double[]> reserved = new HashMap<>();
        addSatellites(pieces, cluster.name(), satellites, col0, col1, boxH, reserved);
        return new Unit(pieces, reserved);
    }

    /** Stacks satellites in their columns; reserves the header strip of the columns their edges cross. */
    private void addSatellites(List<Piece> pieces, String cluster, List<Node> satellites, int col0, int col1,
                               double boxH, Map<Integer, double[]> reserved) {
        Map<Integer, Integer> stacked = new HashMap<>();
        for (Node s : satellites) {
            int col = columnOf.applyAsInt(s);
            double base = col >= col0 && col <= col1 ? boxH + SATELLITE_GAP : 0;
            int k = stacked.merge(col, 1, Integer::sum) - 1;
            pieces.add(Piece.single(s, NodeRole.STANDALONE, cluster, 0, col, 0, 1,
                    base + k * (SERVER_H + SATELLITE_GAP)));
            int from = col < col0 ? col + 1 : col1 + 1;
            int to = col < col0 ? col0 - 1 : col - 1;
            for (int c = from; c <= to; c++) {
                reserved.put(c, new double[] {0, CLUSTER_HEADER});
            }
        }
    }

    /** Members at depth {@code d}, ordered under their sources, then by declaration. */
    private static List<Node> layer(List<Node> atDepth, Map<String, String> sources, Map<String, Integer> rank) {
        List<Node> layer = new ArrayList<>(atDepth);
        layer.sort(Comparator.comparingInt((Node n) -> rank.getOrDefault(sources.get(n.name()), Integer.MAX_VALUE)));
        return layer;
    }

    /** Member name to the name it replicates from ("" for the primary and for missing clusters). */
    static Map<String, String> sources(Cluster decl, List<Node> members) {
        Map<String, String> sources = new HashMap<>();
        if (decl != null) {
            String primary = decl.primary().name();
            for (Replica r : decl.replicas()) {
                sources.putIfAbsent(r.server().name(), r.sourceName(primary));
            }
            sources.put(primary, "");
        }
        for (Node m : members) {
            sources.putIfAbsent(m.name(), "");
        }
        return sources;
    }

    /**
     * Replication depth of each owned member: the primary 0, else one more than its source; 1 when the source
     * is not an owned member or the chain loops. Iterative, so long cascades cannot overflow the stack.
     */
    static Map<String, Integer> depths(Map<String, String> sources, List<Node> members) {
        Set<String> owned = new HashSet<>();
        members.forEach(m -> owned.add(m.name()));
        Map<String, Integer> depth = new HashMap<>();
        for (Node m : members) {
            List<String> chain = new ArrayList<>();
            Set<String> onChain = new HashSet<>();
            String cur = m.name();
            int base;
            while (true) {
                Integer known = depth.get(cur);
                if (known != null) {
                    base = known;
                    break;
                }
                String src = sources.get(cur);
                chain.add(cur);
                onChain.add(cur);
                if (src.isEmpty()) {
                    base = -1;
                    break;
                }
                if (!owned.contains(src) || onChain.contains(src)) {
                    base = 0;
                    break;
                }
                cur = src;
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                depth.put(chain.get(i), ++base);
            }
        }
        return depth;
    }
}
