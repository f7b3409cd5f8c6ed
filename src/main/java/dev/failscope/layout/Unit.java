package dev.failscope.layout;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the packer stacks: a cluster box with its members and the servers placed beside it, or a lone server.
 * Pieces are relative to the unit's top; {@link #columns()} with {@link #top(int)} and {@link #bottom(int)}
 * give, per column used, the [top, bottom] span.
 */
final class Unit {
    private final List<Piece> pieces;
    private final Map<Integer, double[]> extents = new TreeMap<>();
    private final int[] columns;
    private final double[] tops;
    private final double[] bottoms;
    private final double height;

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
        int n = extents.size();
        columns = new int[n];
        tops = new double[n];
        bottoms = new double[n];
        int i = 0;
        double h = 0;
        for (Map.Entry<Integer, double[]> e : extents.entrySet()) {
            columns[i] = e.getKey();
            tops[i] = e.getValue()[0];
            bottoms[i] = e.getValue()[1];
            h = Math.max(h, bottoms[i]);
            i++;
        }
        height = h;
    }

    private void extend(int column, double top, double bottom) {
        double[] e = extents.computeIfAbsent(column, k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
        e[0] = Math.min(e[0], top);
        e[1] = Math.max(e[1], bottom);
    }

    List<Piece> pieces() {
        return pieces;
    }

    double height() {
        return height;
    }

    /** The columns used, ascending; {@link #top(int)} and {@link #bottom(int)} take an index into it. */
    int[] columns() {
        return columns;
    }

    double top(int i) {
        return tops[i];
    }

    double bottom(int i) {
        return bottoms[i];
    }
}
