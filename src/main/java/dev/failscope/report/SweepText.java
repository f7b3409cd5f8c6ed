package dev.failscope.report;

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
    private SweepText() {}

    public static String render(SweepResult result) {
        StringBuilder out = new StringBuilder();
        List<SweepRow> rows = result.rows();
        String[] labels = new String[rows.size()];
        int w0 = "FAILURE".length();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(rows.get(i));
            w0 = Math.max(w0, labels[i].length());
        }
        int w1 = "degraded".length();
        out.append(TimelineText.pad("FAILURE", w0)).append("  ").append(TimelineText.pad("RESULT", w1))
                .append("  IMPACT\n");
        for (int i = 0; i < labels.length; i++) {
            SweepRow r = rows.get(i);
            out.append((TimelineText.pad(labels[i], w0) + "  " + TimelineText.pad(result(r), w1) + "  "
                    + Escaping.visible(impact(r)))
                    .stripTrailing()).append('\n');
        }
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
        return Escaping.textBlock(out.toString());
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

    static String impact(SweepRow r) {
        List<String> parts = new ArrayList<>();
        add(parts, "clusters down", r.clustersDown());
        add(parts, "clusters with writes blocked", r.clustersBlocked());
        add(parts, "services down", r.servicesDown());
        add(parts, "clusters degraded", r.clustersDegraded());
        add(parts, "services degraded", r.servicesDegraded());
        r.maxRtoOpt().ifPresent(d -> parts.add("RTO " + Durations.format(d)));
        r.promoted().forEach((cluster, who) -> parts.add("promoted in " + cluster + ": " + String.join(" or ", who)));
        r.routesStuck().forEach(s -> parts.add("route " + s));
        return parts.isEmpty() ? "-" : String.join("; ", parts);
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
