package dev.failscope.report;

import dev.failscope.load.ReadAhead;
import dev.failscope.model.Durations;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SweepResult;
import dev.failscope.simulation.SweepRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep as a survivability matrix (one row per failure: result and what it takes down or degrades), the
 * single points of failure, and a resilience summary.
 */
public final class SweepText {
    /** Matrix rows per piece rendered on a worker, at least: a piece's hand-over costs about as much as a row. */
    private static final int MIN_PIECE_ROWS = 512;
    /** Pieces per worker: enough for both workers to stay busy when a piece holds a zone's long line. */
    private static final int PIECES_PER_THREAD = 8;

    private SweepText() {}

    public static String render(SweepResult result) {
        return render(result, ReadAhead.defaultThreads());
    }

    /**
     * As {@link #render(SweepResult)}, the matrix's lines made in pieces on {@code threads} worker threads (one:
     * on the caller's). The text does not depend on the number: the pieces are joined in row order, and every
     * guard of {@link Escaping#textBlock} works line by line, so it gives the same for each piece as for the whole.
     */
    static String render(SweepResult result, int threads) {
        List<SweepRow> rows = result.rows();
        String[] labels = new String[rows.size()];
        int w0 = "FAILURE".length();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(rows.get(i));
            w0 = Math.max(w0, labels[i].length());
        }
        int width = w0;
        int w1 = "degraded".length();
        List<int[]> pieces = new ArrayList<>();
        int size = Math.max(MIN_PIECE_ROWS, rows.size() / Math.max(1, threads * PIECES_PER_THREAD) + 1);
        for (int from = 0; from < rows.size(); from += size) {
            pieces.add(new int[] {from, Math.min(rows.size(), from + size)});
        }
        StringBuilder out = new StringBuilder(Escaping.textBlock(TimelineText.pad("FAILURE", w0) + "  "
                + TimelineText.pad("RESULT", w1) + "  IMPACT\n"));
        try (ReadAhead<int[], String> ahead = new ReadAhead<>(pieces,
                p -> Escaping.textBlock(lines(rows, labels, p[0], p[1], width, w1)), threads)) {
            while (ahead.hasNext()) {
                out.append(ahead.next());
            }
        }
        out.append(Escaping.textBlock(summary(result)));
        return out.toString();
    }

    /** The matrix's lines of rows {@code [from, to)}, each ending in a line end. */
    private static String lines(List<SweepRow> rows, String[] labels, int from, int to, int w0, int w1) {
        StringBuilder out = new StringBuilder((to - from) * 96);
        for (int i = from; i < to; i++) {
            SweepRow r = rows.get(i);
            out.append(labels[i]);
            spaces(out, w0 - labels[i].length());
            out.append("  ");
            String result = result(r);
            out.append(result);
            spaces(out, w1 - result.length());
            out.append("  ");
            impact(out, r);
            stripTrailing(out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void spaces(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }

    /** What {@link String#stripTrailing} does to the line at the end of {@code out} (none of it is a line end). */
    private static void stripTrailing(StringBuilder out) {
        int end = out.length();
        while (end > 0) {
            int cp = Character.codePointBefore(out, end);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        out.setLength(end);
    }

    /** Everything after the matrix: a blank line, the single points of failure, the pairs' outages, the counts. */
    private static String summary(SweepResult result) {
        StringBuilder out = new StringBuilder();
        out.append('\n');
        List<SweepRow> spofs = result.singlePointsOfFailure();
        if (spofs.isEmpty()) {
            out.append("single points of failure: none\n");
        } else {
            out.append("single points of failure:\n");
            for (SweepRow r : spofs) {
                out.append("  ").append(label(r)).append(": ").append(Escaping.visible(downs(r))).append('\n');
            }
        }
        List<SweepRow> pairOutages = result.pairs().stream().filter(SweepRow::outage).toList();
        if (!pairOutages.isEmpty()) {
            out.append("pairs that cause an outage:\n");
            for (SweepRow r : pairOutages) {
                out.append("  ").append(label(r)).append(": ").append(Escaping.visible(downs(r))).append('\n');
            }
        }
        out.append(counts(result.singles(), "single failure"));
        if (!result.pairs().isEmpty()) {
            out.append(counts(result.pairs(), "pair failure"));
        }
        return out.toString();
    }

    private static String label(SweepRow r) {
        return Escaping.visible(r.label());
    }

    /** {@code 1 of 15 single failures cause an outage; 12 degrade, 2 have no effect}. */
    static String counts(List<SweepRow> rows, String what) {
        long outages = rows.stream().filter(SweepRow::outage).count();
        long degraded = rows.stream().filter(r -> r.result() == Health.DEGRADED).count();
        long ok = rows.size() - outages - degraded;
        return outages + " of " + rows.size() + " " + what + "s cause an outage; " + degraded
                + " degrade, " + ok + (ok == 1 ? " has" : " have") + " no effect\n";
    }

    static String result(SweepRow r) {
        return r.outage() ? "OUTAGE" : r.result().label();
    }

    /**
     * Appends what the row takes down or degrades, each name as {@link Escaping#visible} shows it ({@code -} for
     * nothing): the parts of {@code a; b}, straight into the line, without a string per part.
     */
    private static void impact(StringBuilder out, SweepRow r) {
        int start = out.length();
        names(out, start, "clusters down", r.clustersDown());
        names(out, start, "clusters with writes blocked", r.clustersBlocked());
        names(out, start, "services down", r.servicesDown());
        names(out, start, "clusters degraded", r.clustersDegraded());
        names(out, start, "services degraded", r.servicesDegraded());
        if (r.maxRto() != null) {
            part(out, start).append("RTO ").append(Escaping.visible(Durations.format(r.maxRto())));
        }
        r.promoted().forEach((cluster, who) -> {
            part(out, start).append("promoted in ").append(Escaping.visible(cluster)).append(": ");
            for (int i = 0; i < who.size(); i++) {
                out.append(i == 0 ? "" : " or ").append(Escaping.visible(who.get(i)));
            }
        });
        for (String stuck : r.routesStuck()) {
            part(out, start).append("route ").append(Escaping.visible(stuck));
        }
        if (out.length() == start) {
            out.append('-');
        }
    }

    /** Starts a part of the impact: {@code ; } before every part but the first. */
    private static StringBuilder part(StringBuilder out, int start) {
        return out.length() == start ? out : out.append("; ");
    }

    private static void names(StringBuilder out, int start, String label, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        part(out, start).append(label).append(": ");
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(Escaping.visible(names.get(i)));
        }
    }

    private static String downs(SweepRow r) {
        List<String> parts = new ArrayList<>();
        add(parts, "clusters down", r.clustersDown());
        add(parts, "clusters with writes blocked", r.clustersBlocked());
        add(parts, "services down", r.servicesDown());
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String label, List<String> names) {
        if (!names.isEmpty()) {
            parts.add(label + ": " + String.join(", ", names));
        }
    }
}
