package dev.failscope.report;

import dev.failscope.model.Server;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SweepResult;
import dev.failscope.simulation.SweepRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sweep for CI: JUnit XML with one testcase per simulated failure (failing when it ends at or worse than
 * the threshold), and GitHub workflow commands for those failures, at the failed server's declaration.
 */
public final class SweepCi {
    private SweepCi() {}

    /** {@code threshold} empty: nothing fails (--fail-on never). */
    public static String junit(SweepResult result, Optional<Health> threshold) {
        StringBuilder body = new StringBuilder();
        int failures = 0;
        for (SweepRow r : result.rows()) {
            body.append("    <testcase classname=\"failscope.sweep.").append(r.pair() ? "pair" : kind(r))
                    .append("\" name=\"").append(JUnitReport.attr(r.label())).append("\">\n");
            if (fails(r, threshold)) {
                failures++;
                body.append("      <failure type=\"").append(r.result().label()).append("\" message=\"")
                        .append(JUnitReport.attr(impact(r))).append("\"/>\n");
            } else {
                body.append("      <system-out>").append(JUnitReport.text(impact(r))).append("</system-out>\n");
            }
            body.append("    </testcase>\n");
        }
        int n = result.rows().size();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"failscope\" tests=\"" + n + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">\n"
                + "  <testsuite name=\"failscope sweep\" tests=\"" + n + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">\n" + body + "  </testsuite>\n</testsuites>\n";
    }

    /** An {@code ::error} per failing row; an outage below the threshold is a {@code ::warning}. */
    public static String github(SweepResult result, Optional<Health> threshold, Topology topology) {
        List<String> lines = new ArrayList<>();
        for (SweepRow r : result.rows()) {
            String level = fails(r, threshold) ? "error" : r.outage() ? "warning" : null;
            if (level == null) {
                continue;
            }
            Optional<SourcePosition> at = position(r, topology);
            String props = at.map(p -> "file=" + GithubReport.property(p.file()) + ",line=" + p.line() + ",col="
                    + p.column() + ",").orElse("");
            lines.add("::" + level + " " + props + "title=" + GithubReport.property("sweep: " + r.label()) + "::"
                    + GithubReport.data(impact(r)));
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static boolean fails(SweepRow r, Optional<Health> threshold) {
        return threshold.map(t -> r.result().ordinal() >= t.ordinal()).orElse(false);
    }

    private static String kind(SweepRow r) {
        return r.scenario().targets().get(0).kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<SourcePosition> position(SweepRow r, Topology topology) {
        if (r.pair() || r.scenario().targets().isEmpty()) {
            return Optional.empty();
        }
        FailureTarget t = r.scenario().targets().get(0);
        return t.kind() == FailureTarget.Kind.SERVER ? topology.server(t.name()).map(Server::position)
                : Optional.empty();
    }

    /** "losing db-main-1: outage; clusters down: catify-main; services down: cat-posting". */
    static String impact(SweepRow r) {
        StringBuilder s = new StringBuilder("losing " + r.label() + ": ")
                .append(r.outage() ? "outage" : r.result().label());
        if (!r.clustersDown().isEmpty()) {
            s.append("; clusters down: ").append(String.join(", ", r.clustersDown()));
        }
        if (!r.servicesDown().isEmpty()) {
            s.append("; services down: ").append(String.join(", ", r.servicesDown()));
        }
        if (!r.clustersDegraded().isEmpty()) {
            s.append("; clusters degraded: ").append(String.join(", ", r.clustersDegraded()));
        }
        return s.toString();
    }
}
