package dev.failscope.live;

import dev.failscope.model.Durations;
import dev.failscope.report.Escaping;
import dev.failscope.report.NativeWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot as one native {@code failscope/v1} YAML file: a header naming the sources and the time, an inventory
 * whose servers carry {@code observed:}, then per cluster a {@code kind: cluster} (primary = the observed leader)
 * and a {@code kind: failover} (the manager and release the source reported, its timings and candidates in the
 * manager's order). Sorted and stable: the same snapshot gives the same bytes. Strings are double-quoted.
 */
public final class SnapshotWriter {
    private SnapshotWriter() {}

    public static String yaml(Snapshot s) {
        StringBuilder out = new StringBuilder();
        header(out, s);
        inventory(out, s);
        for (LiveCluster c : s.clusters()) {
            if (c.primary() == null) {
                continue;
            }
            out.append("---\n");
            cluster(out, c);
            if (c.members().size() > 1) {
                out.append("---\n");
                failover(out, c);
            }
        }
        return out.toString();
    }

    private static void header(StringBuilder out, Snapshot s) {
        out.append("# failscope snapshot, taken ").append(DateTimeFormatter.ISO_INSTANT.format(s.at())).append('\n');
        out.append("# sources:\n");
        for (Endpoint e : s.endpoints()) {
            out.append("#   ").append(comment(e.describe()));
            if (!e.origin().file().equals(Endpoint.COMMAND_LINE)) {
                out.append("   (from ").append(comment(e.origin().toString())).append(')');
            }
            out.append('\n');
        }
        for (LiveCluster c : s.clusters()) {
            out.append("# cluster ").append(comment(c.name())).append(": ").append(comment(c.manager()))
                    .append(", read from ").append(comment(c.source())).append('\n');
            if (c.primary() == null) {
                out.append("#   no leader observed: no cluster or failover document is written for it\n");
            }
        }
        if (s.unreachable().isEmpty()) {
            out.append("# unreachable: none\n");
        } else {
            out.append("# unreachable:\n");
            for (Unreachable u : s.unreachable()) {
                out.append("#   ").append(comment(u.describe())).append('\n');
            }
        }
    }

    private static void inventory(StringBuilder out, Snapshot s) {
        Map<String, String> servers = new TreeMap<>();
        String at = DateTimeFormatter.ISO_INSTANT.format(s.at());
        for (LiveCluster c : s.clusters()) {
            for (LiveMember m : c.members()) {
                servers.putIfAbsent(m.name(), member(m, at));
            }
            for (String monitor : c.monitors()) {
                servers.putIfAbsent(monitor, "  - name: " + q(monitor) + "\n    address: " + q(monitor)
                        + "\n    no-failover: true   # a " + (c.engine().equals("redis") ? "sentinel" : "DCS member")
                        + ", not a database\n");
            }
        }
        out.append("kind: inventory\n");
        out.append(servers.isEmpty() ? "servers: []\n" : "servers:\n");
        servers.values().forEach(out::append);
    }

    private static String member(LiveMember m, String at) {
        StringBuilder b = new StringBuilder("  - name: ").append(q(m.name())).append('\n');
        if (m.address() != null) {
            b.append("    address: ").append(q(m.address())).append('\n');
        }
        if (m.noFailover()) {
            b.append("    no-failover: true\n");
        }
        if (!m.tags().isEmpty()) {
            b.append("    tags:\n");
            m.tags().forEach((k, v) -> b.append("      ").append(q(k)).append(": ").append(q(v)).append('\n'));
        }
        b.append("    observed:\n");
        field(b, "role", m.role());
        field(b, "state", m.state());
        number(b, "timeline", m.timeline());
        field(b, "lsn", m.lsn());
        number(b, "lag-bytes", m.lagBytes());
        field(b, "sync", m.sync());
        number(b, "offset", m.offset());
        number(b, "priority", m.priority() == null ? null : m.priority().longValue());
        field(b, "at", at);
        return b.toString();
    }

    private static void cluster(StringBuilder out, LiveCluster c) {
        out.append("kind: cluster\nname: ").append(q(c.name())).append("\nengine: ").append(q(c.engine()))
                .append("\nprimary: ").append(q(c.primary())).append('\n');
        List<LiveMember> replicas = new ArrayList<>(c.members().stream().filter(m -> !m.name().equals(c.primary()))
                .toList());
        out.append(replicas.isEmpty() ? "replicas: []\n" : "replicas:\n");
        for (LiveMember r : replicas) {
            out.append("  - server: ").append(q(r.name())).append('\n');
            if (r.source() != null && !r.source().equals(c.primary())) {
                out.append("    source: ").append(q(r.source())).append('\n');
            }
            out.append("    mode: ").append("sync".equals(r.sync()) || "quorum".equals(r.sync()) ? "sync" : "async")
                    .append('\n');
        }
    }

    private static void failover(StringBuilder out, LiveCluster c) {
        out.append("kind: failover\ncluster: ").append(q(c.name())).append("\nmanager: ").append(q(c.manager()))
                .append('\n');
        if (c.detection() != null && !c.detection().isZero()) {
            out.append("detection: ").append(Durations.format(c.detection())).append(c.engine().equals("redis")
                    ? "   # down-after-milliseconds" : "   # ttl").append('\n');
        }
        if (c.attemptTimeout() != null && !c.attemptTimeout().isZero()) {
            out.append("attempt-timeout: ").append(Durations.format(c.attemptTimeout()))
                    .append("   # failover-timeout\n");
        }
        if (c.loopWait() != null) {
            out.append("# loop_wait: ").append(c.loopWait()).append(" (no native key)\n");
        }
        if (c.maxLagBytes() != null) {
            out.append("max-lag-bytes: ").append(c.maxLagBytes()).append("   # maximum_lag_on_failover\n");
        }
        if (c.requireSync()) {
            out.append("require-sync: true   # synchronous_mode\n");
        }
        if (c.strictSync()) {
            out.append("strict-sync: true   # synchronous_mode_strict\n");
        }
        if (c.quorum() != null && c.quorum() > 0) {
            out.append("quorum: ").append(c.quorum()).append('\n');
        }
        if (!c.monitors().isEmpty()) {
            out.append("monitors:\n");
            c.monitors().forEach(m -> out.append("  - ").append(q(m)).append('\n'));
        }
        out.append(c.candidates().isEmpty() ? "candidates: []\n" : "candidates:\n");
        c.candidates().forEach(m -> out.append("  - ").append(q(m)).append('\n'));
    }

    private static void field(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append("      ").append(key).append(": ").append(q(value)).append('\n');
        }
    }

    private static void number(StringBuilder b, String key, Long value) {
        if (value != null) {
            b.append("      ").append(key).append(": ").append(value).append('\n');
        }
    }

    private static String q(String s) {
        return NativeWriter.q(s);
    }

    private static String comment(String s) {
        return Escaping.visible(s);
    }
}
