package dev.failscope.layout;

import dev.failscope.model.Node;

/**
 * One box of a {@link Unit} before it has absolute coordinates: it occupies columns {@code col0..col1};
 * inside a single column it takes {@code slot} of a row of {@code rowSlots} boxes, centred in the lane.
 */
record Piece(Node node, NodeRole role, String cluster, int depth, int col0, int col1, int slot, int rowSlots,
             double relY, double height) {
    static Piece single(Node node, NodeRole role, String cluster, int depth, int col, int slot, int rowSlots,
                        double relY) {
        return new Piece(node, role, cluster, depth, col, col, slot, rowSlots, relY, LayoutMetrics.SERVER_H);
    }
}
