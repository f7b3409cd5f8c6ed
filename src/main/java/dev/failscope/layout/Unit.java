package dev.failscope.layout;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the packer stacks: a cluster box with its members and the servers placed beside it, or a lone server.
 * Pieces are relative to the unit's top; {@link #extents()} gives, per column, the [top, bottom] used.
 */
final class Unit {
    private final List<Piece> pieces;
    private final Map<Integer, double[]> extents = new TreeMap<>();

    Unit(List<Piece> pieces) {
        this(pieces, Map.of());
    }

    /**
     * @param reserved extra space per column that no piece occupies but edges run through: column to
     *                 {top, bottom}
     */
    Unit(List<Piece> pieces, Map<Integer, double[]> reserved) {
        this.pieces = List.copyOf(pieces);
        for (Piece p : this.pieces) {
            for (int c = p.col0(); c <= p.col1(); c++) {
                extend(c, p.relY(), p.relY() + p.height());
            }
        }
        reserved.forEach((c, span) -> extend(c, span[0], span[1]));
    }

    private void extend(int column, double top, double bottom) {
        double[] e = extents.computeIfAbsent(column, k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
        e[0] = Math.min(e[0], top);
        e[1] = Math.max(e[1], bottom);
    }

    List<Piece> pieces() {
        return pieces;
    }

    /** Column index to {top, bottom} relative to the unit's top, ascending by column. */
    Map<Integer, double[]> extents() {
        return extents;
    }

    double height() {
        double h = 0;
        for (double[] e : extents.values()) {
            h = Math.max(h, e[1]);
        }
        return h;
    }
}
