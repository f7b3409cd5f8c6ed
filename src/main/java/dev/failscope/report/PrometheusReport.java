package dev.failscope.report;

import dev.failscope.analysis.Rule;
import dev.failscope.analysis.WaivedFinding;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * node_exporter textfile-collector metrics: findings by rule and severity (every catalogue rule, zeros
 * included, so an alert can compare), waived findings, clusters without viable failover, single points of
 * failure and the time of the check.
 */
public final class PrometheusReport {
    private PrometheusReport() {}

    public static String render(List<Finding> findings, List<WaivedFinding> waived, ResilienceMetrics exposure,
                                List<Rule> catalogue, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP failscope_findings Findings of the last failscope check, by rule and severity.\n");
        out.append("# TYPE failscope_findings gauge\n");
        for (Map.Entry<String, Long> e : counts(findings, catalogue).entrySet()) {
            String[] key = e.getKey().split("\u0000");
            out.append("failscope_findings{rule=\"").append(label(key[0])).append("\",severity=\"")
                    .append(label(key[1])).append("\"} ").append(e.getValue()).append('\n');
        }
        out.append("# HELP failscope_findings_waived Findings accepted by a live waiver, by rule and severity.\n");
        out.append("# TYPE failscope_findings_waived gauge\n");
        for (Map.Entry<String, Long> e : counts(waived.stream().map(WaivedFinding::finding).toList(), List.of())
                .entrySet()) {
            String[] key = e.getKey().split("\u0000");
            out.append("failscope_findings_waived{rule=\"").append(label(key[0])).append("\",severity=\"")
                    .append(label(key[1])).append("\"} ").append(e.getValue()).append('\n');
        }
        gauge(out, "failscope_single_points_of_failure",
                "Single failures whose simulation ends in an outage (failscope sweep).",
                exposure.singlePointsOfFailure().size());
        gauge(out, "failscope_clusters_without_viable_failover",
                "Clusters whose primary loss is an outage: no failover policy, or no viable candidate.",
                exposure.clustersWithoutViableFailover().size());
        gauge(out, "failscope_load_errors", "Load errors of the last failscope check: the topology could not be read.",
                0);
        gauge(out, "failscope_last_check_timestamp_seconds", "When failscope last checked, in Unix seconds.",
                now.getEpochSecond());
        return out.toString();
    }

    /**
     * When loading failed: no findings metrics (they would read as "all clear"), only the load error count
     * and the time, so an alert on {@code failscope_load_errors > 0} or on absent findings fires.
     */
    public static String errors(List<LoadError> errors, Instant now) {
        StringBuilder out = new StringBuilder();
        gauge(out, "failscope_load_errors", "Load errors of the last failscope check: the topology could not be read.",
                errors.size());
        gauge(out, "failscope_last_check_timestamp_seconds", "When failscope last checked, in Unix seconds.",
                now.getEpochSecond());
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static Map<String, Long> counts(List<Finding> findings, List<Rule> catalogue) {
        Map<String, Long> counts = new TreeMap<>();
        for (Rule r : catalogue) {
            counts.put(r.id() + "\u0000" + r.severity().label(), 0L);
        }
        for (Finding f : findings) {
            counts.merge(f.rule() + "\u0000" + f.severity().label(), 1L, Long::sum);
        }
        return counts;
    }

    /** A label value: backslash, double quote and newline escaped. */
    static String label(String s) {
        return Escaping.prometheusLabel(s);
    }
}
