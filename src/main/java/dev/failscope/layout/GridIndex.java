package dev.failscope.layout;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A uniform grid over a fixed area: each item is registered in every cell its rectangle touches. Queries
 * return item ids in ascending order (the order items were added), so results are deterministic.
 */
final class GridIndex {
    private final double originX;
    private final double originY;
    private final double cell;
    private final int cols;
    private final int rows;
    private final int[][] cells;
    private final int size;

    private GridIndex(double originX, double originY, double cell, int cols, int rows, int[][] cells, int size) {
        this.originX = originX;
        this.originY = originY;
        this.cell = cell;
        this.cols = cols;
        this.rows = rows;
        this.cells = cells;
        this.size = size;
    }

    /** Indexes {@code boxes} (id = list index) over {@code area}. */
    static GridIndex of(Box area, List<Box> boxes, double cellSize) {
        int[] ids = new int[boxes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return of(area, boxes, ids, boxes.size(), cellSize);
    }

    /**
     * Indexes {@code boxes} over {@code area}, box {@code i} standing for item {@code owners[i]} (an item may
     * own several boxes, e.g. the segments of one route); {@code items} is the number of items.
     */
    static GridIndex of(Box area, List<Box> boxes, int[] owners, int items, double cellSize) {
        int cols = Math.max(1, (int) Math.ceil(area.width() / cellSize));
        int rows = Math.max(1, (int) Math.ceil(area.height() / cellSize));
        int[] counts = new int[cols * rows];
        GridIndex probe = new GridIndex(area.x(), area.y(), cellSize, cols, rows, null, items);
        for (Box b : boxes) {
            probe.forCells(b.x(), b.y(), b.width(), b.height(), c -> counts[c]++);
        }
        int[][] cells = new int[cols * rows][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            int item = owners[i];
            probe.forCells(b.x(), b.y(), b.width(), b.height(), c -> cells[c][counts[c]++] = item);
        }
        return new GridIndex(area.x(), area.y(), cellSize, cols, rows, cells, items);
    }

    /** Ids of items whose cells meet the rectangle (a superset of the true hits), ascending. */
    BitSet candidates(double x, double y, double w, double h) {
        BitSet hits = new BitSet(size);
        forCells(x, y, w, h, c -> {
            for (int id : cells[c]) {
                hits.set(id);
            }
        });
        return hits;
    }

    List<Integer> candidateList(double x, double y, double w, double h) {
        BitSet hits = candidates(x, y, w, h);
        List<Integer> out = new ArrayList<>(hits.cardinality());
        hits.stream().forEach(out::add);
        return out;
    }

    private interface CellVisitor {
        void visit(int cellIndex);
    }

    private void forCells(double x, double y, double w, double h, CellVisitor visitor) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(w) || Double.isNaN(h)) {
            return;
        }
        int c0 = clamp((int) Math.floor((x - originX) / cell), cols);
        int c1 = clamp((int) Math.floor((x + w - originX) / cell), cols);
        int r0 = clamp((int) Math.floor((y - originY) / cell), rows);
        int r1 = clamp((int) Math.floor((y + h - originY) / cell), rows);
        if (x + w < originX || y + h < originY || x > originX + cols * cell || y > originY + rows * cell) {
            return;
        }
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                visitor.visit(r * cols + c);
            }
        }
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
