package dev.failscope.live;

import dev.failscope.model.Finding;
import dev.failscope.report.Escaping;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live half of {@code failscope watch}'s textfile: drift findings per cluster, rule and severity (every drift
 * rule of every cluster read, zeros included), reachability per member and per source, replica lag, and the
 * snapshot's time. Labels are escaped. Appended to what {@code check --format prometheus} writes.
 */
public final class LivePrometheus {
    private LivePrometheus() {}

    public static String render(Snapshot s, List<Finding> drift) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP failscope_live_up 1 when the last snapshot read at least one cluster, else 0.\n");
        out.append("# TYPE failscope_live_up gauge\n");
        out.append("failscope_live_up ").append(s.empty() ? 0 : 1).append('\n');
        out.append("# HELP failscope_live_clusters Clusters the last snapshot read.\n");
        out.append("# TYPE failscope_live_clusters gauge\n");
        out.append("failscope_live_clusters ").append(s.clusters().size()).append('\n');
        out.append("# HELP failscope_live_unreachable Sources and members that did not answer the last snapshot.\n");
        out.append("# TYPE failscope_live_unreachable gauge\n");
        out.append("failscope_live_unreachable ").append(s.unreachable().size()).append('\n');
        out.append("# HELP failscope_live_member_reachable 1 when the member answered the last snapshot, else 0.\n");
        out.append("# TYPE failscope_live_member_reachable gauge\n");
        for (LiveCluster c : s.clusters()) {
            for (LiveMember m : c.members()) {
                boolean down = m.unreachable() || s.unreachable().stream().anyMatch(u -> m.name().equals(u.member())
                        && c.name().equals(u.cluster()));
                out.append("failscope_live_member_reachable{cluster=\"").append(l(c.name())).append("\",member=\"")
                        .append(l(m.name())).append("\",role=\"").append(l(m.role() == null ? "" : m.role()))
                        .append("\"} ").append(down ? 0 : 1).append('\n');
            }
        }
        out.append("# HELP failscope_live_has_primary 1 when the cluster has a leader/master now, else 0.\n");
        out.append("# TYPE failscope_live_has_primary gauge\n");
        for (LiveCluster c : s.clusters()) {
            out.append("failscope_live_has_primary{cluster=\"").append(l(c.name())).append("\"} ")
                    .append(c.primary() == null ? 0 : 1).append('\n');
        }
        out.append("# HELP failscope_live_replica_lag_bytes Replication lag in bytes as the manager reports it.\n");
        out.append("# TYPE failscope_live_replica_lag_bytes gauge\n");
        for (LiveCluster c : s.clusters()) {
            for (LiveMember m : c.members()) {
                if (m.lagBytes() != null) {
                    out.append("failscope_live_replica_lag_bytes{cluster=\"").append(l(c.name()))
                            .append("\",member=\"").append(l(m.name())).append("\"} ").append(m.lagBytes())
                            .append('\n');
                }
            }
        }
        out.append("# HELP failscope_drift_findings Drift between the committed config and the running cluster, "
                + "by cluster, rule and severity.\n");
        out.append("# TYPE failscope_drift_findings gauge\n");
        Map<String, Long> counts = new TreeMap<>();
        for (LiveCluster c : s.clusters()) {
            for (DriftRule r : DriftRule.values()) {
                counts.put(key(c.name(), r.id(), r.severity().label()), 0L);
            }
        }
        for (Finding f : drift) {
            counts.merge(key(f.subject(), f.rule(), f.severity().label()), 1L, Long::sum);
        }
        counts.forEach((k, v) -> {
            String[] p = k.split("\u0000");
            out.append("failscope_drift_findings{cluster=\"").append(l(p[0])).append("\",rule=\"").append(l(p[1]))
                    .append("\",severity=\"").append(l(p[2])).append("\"} ").append(v).append('\n');
        });
        out.append("# HELP failscope_live_snapshot_timestamp_seconds When the last snapshot was taken, in Unix "
                + "seconds.\n");
        out.append("# TYPE failscope_live_snapshot_timestamp_seconds gauge\n");
        out.append("failscope_live_snapshot_timestamp_seconds ").append(s.at().getEpochSecond()).append('\n');
        return out.toString();
    }

    private static String key(String cluster, String rule, String severity) {
        return cluster + "\u0000" + rule + "\u0000" + severity;
    }

    private static String l(String s) {
        return Escaping.prometheusLabel(s);
    }
}
