package dev.failscope.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text widths estimated from per-character advances of DejaVu Sans (Debian's default face), so that every
 * backend fits text the same way and the scene stays deterministic without a font system.
 */
public final class TextFit {
    private TextFit() {}

    /** The estimated advance of one character, in em. */
    static double advance(char c) {
        if ("il.,:;|!'`ıj".indexOf(c) >= 0) {
            return 0.30;
        }
        if ("ftr()[]{}/\\- ".indexOf(c) >= 0) {
            return 0.40;
        }
        if ("mwMW".indexOf(c) >= 0) {
            return 0.92;
        }
        if (Character.isUpperCase(c)) {
            return 0.70;
        }
        if (c >= 0x2190) {
            return 0.84; // arrows, ✖ ▲ ♛ ⟳ and friends
        }
        return 0.62;
    }

    /** Estimated width of {@code text} at {@code size} (bold faces are about 8 % wider). */
    public static double width(String text, double size, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += advance(text.charAt(i));
        }
        return em * size * (bold ? 1.08 : 1.0);
    }

    /** The largest size from {@code size} down to {@code min} (whole steps) at which the text fits, else min. */
    public static double shrink(String text, double max, double size, double min, boolean bold) {
        double s = size;
        while (s > min && width(text, s, bold) > max) {
            s--;
        }
        return s;
    }

    /** Text shortened at its end with an ellipsis to fit {@code max} ("async · lag 2…"). */
    public static String end(String text, double max, double size, boolean bold) {
        if (width(text, size, bold) <= max) {
            return text;
        }
        int n = text.length();
        while (n > 1 && width(text.substring(0, n) + "…", size, bold) > max) {
            n--;
        }
        if (n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
            n--;
        }
        return n <= 0 ? "…" : text.substring(0, n) + "…";
    }

    /**
     * A name shortened in its middle: names in a fleet differ at their ends ({@code mysql-accounts-1},
     * {@code mysql-accounts-2}), so about two fifths of the room keeps the end ({@code mysql-…nts-2}).
     */
    public static String name(String text, double max, double size, boolean bold) {
        return middle(text, max, size, bold, 0.4);
    }

    static String middle(String text, double max, double size, boolean bold, double tailShare) {
        if (width(text, size, bold) <= max) {
            return text;
        }
        int len = text.length();
        for (int keep = len - 1; keep >= 1; keep--) {
            int tail = Math.max(1, (int) Math.round(keep * tailShare));
            int head = Math.max(0, keep - tail);
            String s = text.substring(0, head) + "…" + text.substring(len - tail);
            if (width(s, size, bold) <= max || keep == 1) {
                return s;
            }
        }
        return "…";
    }

    /**
     * Names fitted so that different names stay different: where two shortened names collide, they keep more
     * of their ends (the part that tells them apart), down to the end alone ({@code …ounts-12}).
     *
     * @return the fitted names, in the order given
     */
    public static List<String> distinct(List<String> names, double max, double size, boolean bold) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(name(n, max, size, bold));
        }
        for (double share : new double[] {0.6, 0.8, 1.0}) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < out.size(); i++) {
                seen.merge(out.get(i), 1, Integer::sum);
            }
            boolean clash = false;
            for (int i = 0; i < out.size(); i++) {
                if (seen.get(out.get(i)) > 1 && !out.get(i).equals(names.get(i))) {
                    out.set(i, middle(names.get(i), max, size, bold, share));
                    clash = true;
                }
            }
            if (!clash) {
                return out;
            }
        }
        // Same start and same end: show the part where they differ ("…eu-primar…").
        Map<String, List<Integer>> clashes = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            clashes.computeIfAbsent(out.get(i), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : clashes.values()) {
            if (group.size() < 2) {
                continue;
            }
            int common = Integer.MAX_VALUE;
            String first = names.get(group.get(0));
            for (int i : group) {
                String n = names.get(i);
                int k = 0;
                while (k < Math.min(first.length(), n.length()) && first.charAt(k) == n.charAt(k)) {
                    k++;
                }
                if (!n.equals(first)) {
                    common = Math.min(common, k);
                }
            }
            if (common == Integer.MAX_VALUE) {
                continue; // the same name twice
            }
            for (int i : group) {
                String n = names.get(i);
                int start = Math.max(0, Math.min(common, n.length()) - 1);
                out.set(i, "…" + end(n.substring(start), max - width("…", size, bold), size, bold));
            }
        }
        return out;
    }
}
