package dev.failscope.layout;

import static dev.failscope.layout.LayoutMetrics.ASPECT;
import static dev.failscope.layout.LayoutMetrics.UNIT_GAP;

import java.util.Arrays;
import java.util.List;

/**
 * Stacks units down their columns with a skyline per column (a unit sits as high as all the columns it uses
 * allow), then, when the result is much taller than wide, wraps the units into side-by-side groups so the
 * whole picture is roughly {@link LayoutMetrics#ASPECT} wide:high, searching the smallest group height that
 * needs no more groups (so the groups come out even). Each pass is linear in the number of pieces.
 */
final class Packer {
    /** Where each unit went: {@code group[i]}, {@code top[i]} (relative to the group's content top). */
    record Placement(int[] group, double[] top, double[] groupHeight) {
        int groups() {
            return groupHeight.length;
        }

        double maxHeight() {
            return Arrays.stream(groupHeight).max().orElse(0);
        }
    }

    private Packer() {}

    static Placement pack(List<Unit> units, int columns, double groupWidth) {
        Placement single = stack(units, columns, Double.POSITIVE_INFINITY);
        double h = single.maxHeight();
        int groups = (int) Math.round(Math.sqrt(ASPECT * h / Math.max(1, groupWidth)));
        groups = Math.max(1, Math.min(groups, units.size()));
        if (groups == 1) {
            return single;
        }
        double tallest = units.stream().mapToDouble(Unit::height).max().orElse(0);
        double lo = Math.max(tallest, h / groups);
        double hi = h;
        Placement best = single;
        for (int i = 0; i < 24 && hi - lo > Math.max(1, h * 0.004); i++) {
            double mid = (lo + hi) / 2;
            Placement p = stack(units, columns, mid);
            if (p.groups() <= groups) {
                best = p;
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if (best == single) {
            Placement p = stack(units, columns, hi);
            best = p.groups() <= groups ? p : single;
        }
        return best;
    }

    private static Placement stack(List<Unit> units, int columns, double limit) {
        int[] group = new int[units.size()];
        double[] top = new double[units.size()];
        double[] heights = new double[units.size() + 1];
        double[] skyline = new double[columns];
        int g = 0;
        boolean empty = true;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            double t = topFor(u, skyline);
            if (!empty && t + u.height() > limit) {
                g++;
                Arrays.fill(skyline, 0);
                t = topFor(u, skyline);
            }
            empty = false;
            group[i] = g;
            top[i] = t;
            int[] cols = u.columns();
            for (int k = 0; k < cols.length; k++) {
                skyline[cols[k]] = t + u.bottom(k) + UNIT_GAP;
            }
            heights[g] = Math.max(heights[g], t + u.height());
        }
        return new Placement(group, top, Arrays.copyOf(heights, units.isEmpty() ? 0 : g + 1));
    }

    private static double topFor(Unit u, double[] skyline) {
        double t = 0;
        int[] cols = u.columns();
        for (int k = 0; k < cols.length; k++) {
            t = Math.max(t, skyline[cols[k]] - u.top(k));
        }
        return t;
    }
}
