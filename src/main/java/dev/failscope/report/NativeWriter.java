package dev.failscope.report;

import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Observation;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a topology (native or imported) as native {@code failscope/v1} YAML that loads back to the same servers,
 * clusters, policies and services: one file per kind ({@code inventory.yaml}, {@code clusters.yaml},
 * {@code failover.yaml}, {@code services.yaml}; empty kinds are left out). Every element carries a comment
 * naming where it was read from. Strings are always double-quoted, so no value is re-typed on the way back.
 * Output is deterministic: the topology's order, the same bytes for the same input.
 */
public final class NativeWriter {
    private NativeWriter() {}

    /** File name to YAML text, in write order. */
    public static Map<String, String> write(Topology t) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!t.servers().isEmpty() || t.authoritativeInventory().isPresent()) {
            files.put("inventory.yaml", inventory(t));
        }
        if (!t.clusters().isEmpty()) {
            files.put("clusters.yaml", documents(t.clusters().stream().map(NativeWriter::cluster).toList()));
        }
        if (!t.policies().isEmpty()) {
            files.put("failover.yaml", documents(t.policies().stream().map(NativeWriter::policy).toList()));
        }
        if (!t.services().isEmpty()) {
            files.put("services.yaml", documents(t.services().stream().map(NativeWriter::service).toList()));
        }
        if (!t.routes().isEmpty()) {
            files.put("routes.yaml", documents(t.routes().stream().map(NativeWriter::route).toList()));
        }
        return files;
    }

    private static String documents(List<String> docs) {
        return String.join("---\n", docs);
    }

    private static String inventory(Topology t) {
        StringBuilder sb = new StringBuilder("kind: inventory\n");
        t.authoritativeInventory().ifPresent(p -> sb.append("authoritative: true   # ").append(comment(p)).append('\n'));
        sb.append(t.servers().isEmpty() ? "servers: []\n" : "servers:\n");
        for (Server s : t.servers()) {
            sb.append("  # from ").append(comment(s.position())).append('\n');
            sb.append("  - name: ").append(q(s.name())).append('\n');
            opt(sb, "    ", "address", s.address());
            opt(sb, "    ", "region", s.region());
            opt(sb, "    ", "zone", s.zone());
            opt(sb, "    ", "host", s.host());
            if (s.status() != ServerStatus.ACTIVE) {
                sb.append("    status: ").append(s.status().label());
                if (!s.statusPosition().equals(s.position())) {
                    sb.append("   # ").append(comment(s.statusPosition()));
                }
                sb.append('\n');
            }
            if (s.noFailover()) {
                sb.append("    no-failover: true\n");
            }
            if (!s.tags().isEmpty()) {
                sb.append("    tags:\n");
                new TreeMap<>(s.tags()).forEach((k, v) -> sb.append("      ").append(q(k)).append(": ").append(q(v))
                        .append('\n'));
            }
            t.observation(s.name()).ifPresent(o -> observed(sb, o));
        }
        return sb.toString();
    }

    /** A server's {@code observed:} mapping, the known keys only, in the format's order. */
    private static void observed(StringBuilder sb, Observation o) {
        sb.append("    observed:   # ").append(comment(o.position())).append('\n');
        opt(sb, "      ", "role", o.role());
        opt(sb, "      ", "state", o.state());
        number(sb, "timeline", o.timeline());
        opt(sb, "      ", "lsn", o.lsn());
        number(sb, "lag-bytes", o.lagBytes());
        opt(sb, "      ", "sync", o.sync());
        number(sb, "offset", o.offset());
        number(sb, "priority", o.priority() == null ? null : o.priority().longValue());
        opt(sb, "      ", "at", o.at());
    }

    private static void number(StringBuilder sb, String key, Long value) {
        if (value != null) {
            sb.append("      ").append(key).append(": ").append(value).append('\n');
        }
    }

    private static String cluster(Cluster c) {
        StringBuilder sb = from(c.position()).append("kind: cluster\nname: ").append(q(c.name())).append('\n');
        opt(sb, "", "engine", c.engine());
        sb.append("primary: ").append(q(c.primary().name())).append('\n');
        if (c.upstream() != null) {
            sb.append("upstream: ").append(q(c.upstream().name())).append('\n');
        }
        sb.append(c.replicas().isEmpty() ? "replicas: []\n" : "replicas:\n");
        for (Replica r : c.replicas()) {
            sb.append("  - server: ").append(q(r.server().name())).append('\n');
            if (r.source() != null) {
                sb.append("    source: ").append(q(r.source().name())).append('\n');
            }
            sb.append("    mode: ").append(r.mode().label()).append('\n');
            if (r.lag() != null) {
                sb.append("    lag: ").append(Durations.format(r.lag())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String policy(FailoverPolicy p) {
        StringBuilder sb = from(p.position()).append("kind: failover\ncluster: ").append(q(p.cluster().name()))
                .append('\n');
        sb.append("detection: ").append(Durations.format(p.detection())).append('\n');
        sb.append("attempt-timeout: ").append(Durations.format(p.attemptTimeout())).append('\n');
        if (p.maxLag() != null) {
            sb.append("max-lag: ").append(Durations.format(p.maxLag())).append('\n');
        }
        if (p.maxLagBytes() != null) {
            sb.append("max-lag-bytes: ").append(p.maxLagBytes()).append('\n');
        }
        if (p.requireSync()) {
            sb.append("require-sync: true\n");
        }
        if (p.strictSync()) {
            sb.append("strict-sync: true\n");
        }
        if (p.syncCount() != null) {
            sb.append("sync-replicas: ").append(p.syncCount()).append('\n');
        }
        if (p.sameRegionOnly()) {
            sb.append("same-region-only: true\n");
        }
        if (p.quorum() != null) {
            sb.append("quorum: ").append(p.quorum()).append('\n');
        }
        names(sb, "monitors", p.monitors(), false);
        names(sb, "candidates", p.candidates(), true);
        return sb.toString();
    }

    private static void names(StringBuilder sb, String key, List<Ref> refs, boolean always) {
        if (refs.isEmpty()) {
            if (always) {
                sb.append(key).append(": []\n");
            }
            return;
        }
        sb.append(key).append(":\n");
        for (Ref r : refs) {
            sb.append("  - ").append(q(r.name())).append("   # ").append(comment(r.position())).append('\n');
        }
    }

    private static String service(Service s) {
        StringBuilder sb = from(s.position()).append("kind: service\nname: ").append(q(s.name())).append('\n');
        sb.append("depends-on:\n");
        for (Dependency d : s.dependsOn()) {
            sb.append("  - ").append(d.kind() == Dependency.Kind.CLUSTER ? "cluster" : "server").append(": ")
                    .append(q(d.target().name())).append('\n');
            sb.append("    access: ").append(d.access().label()).append('\n');
            if (d.via() != null) {
                sb.append("    via: ").append(q(d.via().name())).append('\n');
            }
        }
        return sb.toString();
    }

    /** A route with its targets as written, so they resolve again on load. */
    private static String route(Route r) {
        StringBuilder sb = from(r.position()).append("kind: route\nname: ").append(q(r.name())).append('\n');
        sb.append("software: ").append(r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append('\n');
        if (r.cluster() != null) {
            sb.append("serves: ").append(q(r.cluster().name())).append('\n');
        }
        sb.append("access: ").append(r.access().label()).append('\n');
        sb.append("follows: ").append(r.follow().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append('\n');
        r.checkOpt().ifPresent(c -> {
            sb.append("check:\n    method: ").append(q(c.method())).append('\n');
            opt(sb, "    ", "path", c.path());
            if (c.port() != null) {
                sb.append("    port: ").append(c.port()).append('\n');
            }
            sb.append("    interval: ").append(q(Durations.format(c.interval()))).append('\n');
            sb.append("    fall: ").append(c.fall()).append("\n    rise: ").append(c.rise()).append('\n');
        });
        opt(sb, "", "listen", r.listen());
        sb.append("targets:\n");
        for (RouteTarget t : r.targets()) {
            String key = t.route() != null && t.server() == null ? "route" : t.cluster() != null && t.server() == null
                    ? "cluster" : "server";
            String name = key.equals("route") ? t.route() : key.equals("cluster") ? t.cluster() : t.written().name();
            sb.append("  - ").append(key).append(": ").append(q(name)).append("   # ")
                    .append(comment(t.position())).append('\n');
            if (t.backup()) {
                sb.append("    backup: true\n");
            }
            if (t.readOnly()) {
                sb.append("    read-only: true\n");
            }
        }
        names(sb, "clients", r.clients(), false);
        return sb.toString();
    }

    private static StringBuilder from(SourcePosition p) {
        return new StringBuilder("# from ").append(comment(p)).append('\n');
    }

    /** A comment's text: shown visibly, so a file name with a line break cannot start a YAML line. */
    private static String comment(Object o) {
        return Escaping.visible(String.valueOf(o));
    }

    private static void opt(StringBuilder sb, String indent, String key, String value) {
        if (value != null) {
            sb.append(indent).append(key).append(": ").append(q(value)).append('\n');
        }
    }

    /** A YAML double-quoted scalar (JSON escaping is valid YAML). */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (pair) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Escaping.hidden(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
