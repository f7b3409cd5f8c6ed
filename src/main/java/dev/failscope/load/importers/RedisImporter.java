package dev.failscope.load.importers;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Redis Sentinel configs ({@code sentinel monitor ...}) and redis.conf files ({@code replicaof},
 * {@code replica-priority}). Directive names are case-insensitive, values may be quoted, and line order does not
 * matter (CONFIG REWRITE reorders lines). All files of one run are merged by master name in
 * {@link RedisAssembler}.
 */
public final class RedisImporter implements Importer {
    /** Directives that only a redis.conf has (so a HAProxy or pgpool file is never taken for one). */
    static final Set<String> REDIS_DIRECTIVES = Set.of("replicaof", "slaveof", "replica-priority", "slave-priority",
            "masterauth", "masteruser", "replica-announce-ip", "slave-announce-ip", "replica-announce-port",
            "slave-announce-port", "replica-read-only", "slave-read-only", "replica-serve-stale-data",
            "slave-serve-stale-data", "appendonly", "appendfilename", "appendfsync", "dbfilename", "requirepass",
            "maxmemory-policy", "cluster-enabled", "repl-diskless-sync", "repl-backlog-size",
            "min-replicas-to-write", "min-slaves-to-write", "protected-mode", "daemonize");

    @Override
    public String id() {
        return "redis";
    }

    @Override
    public String label() {
        return "Redis sentinel.conf or redis.conf";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        boolean redis = false;
        for (ConfLine l : ConfLine.parse(source.lines())) {
            String d = l.directive();
            if (d.startsWith("[") || d.startsWith("{") || d.contains("=") || l.word(1).equals("=")) {
                return false;
            }
            if ("sentinel".equals(d) && "monitor".equals(l.word(1)) || REDIS_DIRECTIVES.contains(d)) {
                redis = true;
            }
        }
        return redis;
    }

    @Override
    public Session open(ImportContext context) {
        return new RedisSession(context);
    }

    /** A value and where it was written. */
    record Located(String text, SourcePosition at) {}

    /** One sentinel's view of one master. */
    static final class MasterView {
        Located name;
        Located primary;
        Located quorum;
        long epoch;
        Located downAfter;
        Located failoverTimeout;
        final List<Located> replicas = new ArrayList<>();
        /** runid (may be "") and address of each known sentinel. */
        final List<Located[]> sentinels = new ArrayList<>();
        /** The first line mentioning the master, for errors when the monitor line is missing. */
        SourcePosition firstSeen;
    }

    /** One sentinel.conf. */
    static final class SentinelFile {
        String display;
        Located myid;
        Located announceIp;
        Located port;
        Located bind;
        final Map<String, MasterView> masters = new java.util.LinkedHashMap<>();
    }

    /** One redis.conf. */
    static final class DataNode {
        String display;
        Located announceIp;
        Located announcePort;
        Located bind;
        Located port;
        Located replicaOf;
        Located priority;
        Located minReplicasToWrite;
        Located minReplicasMaxLag;
    }

    private static final class RedisSession implements Session {
        private final ImportContext ctx;
        private final List<SentinelFile> sentinels = new ArrayList<>();
        private final List<DataNode> nodes = new ArrayList<>();

        RedisSession(ImportContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void read(SourceText source, boolean forced) {
            List<ConfLine> lines = ConfLine.parse(source.lines());
            if (forced && !new RedisImporter().detect(source) && lines.stream().anyMatch(l -> l.directive()
                    .endsWith(":") || l.directive().startsWith("[") || l.directive().startsWith("{")
                    || l.directive().contains("="))) {
                ctx.error("not Redis config syntax (directive arguments separated by spaces)", source.start());
                return;
            }
            if (forced && !new RedisImporter().detect(source)) {
                Optional<ConfLine> foreign = lines.stream()
                        .filter(l -> !RedisDirectives.ALL.contains(l.directive())).findFirst();
                if (foreign.isPresent() || lines.isEmpty()) {
                    ctx.error(foreign.map(l -> "not a Redis config: '" + l.text(0) + "' is not a redis.conf or "
                            + "sentinel.conf directive (Redis refuses to start on it)").orElse("not a Redis config: "
                            + "no directive in this file"), foreign.map(l -> l.at(source, 0)).orElse(source.start()));
                    return;
                }
            }
            boolean sentinel = lines.stream().anyMatch(l -> "sentinel".equals(l.directive()));
            if (sentinel) {
                sentinels.add(new SentinelParser(ctx, source).parse(lines));
            } else {
                nodes.add(dataNode(source, lines));
            }
        }

        private DataNode dataNode(SourceText source, List<ConfLine> lines) {
            DataNode n = new DataNode();
            n.display = source.display();
            for (ConfLine l : lines) {
                switch (l.directive()) {
                    case "replicaof", "slaveof" -> {
                        if (l.args().size() < 3 || !l.text(2).matches("\\d{1,5}")) {
                            ctx.error(l.directive() + " needs a host and a port", l.at(source, 0));
                        } else {
                            n.replicaOf = new Located(Address.format(l.text(1), Integer.parseInt(l.text(2))),
                                    l.at(source, 1));
                        }
                    }
                    case "replica-priority", "slave-priority" -> n.priority = number(source, l, 1);
                    case "min-replicas-to-write", "min-slaves-to-write" -> n.minReplicasToWrite = number(source, l, 1);
                    case "min-replicas-max-lag", "min-slaves-max-lag" -> n.minReplicasMaxLag = number(source, l, 1);
                    case "replica-announce-ip", "slave-announce-ip" -> n.announceIp = located(source, l, 1);
                    case "replica-announce-port", "slave-announce-port" -> n.announcePort = number(source, l, 1);
                    case "bind" -> n.bind = firstRoutable(source, l);
                    case "port" -> n.port = number(source, l, 1);
                    default -> { }
                }
            }
            return n;
        }

        private Located number(SourceText source, ConfLine l, int index) {
            if (!l.text(index).matches("\\d{1,9}")) {
                ctx.error(l.directive() + " needs a whole number, got '" + l.text(index) + "'", l.at(source, index));
                return null;
            }
            return located(source, l, index);
        }

        @Override
        public void finish() {
            new RedisAssembler(ctx, sentinels, nodes).assemble();
        }
    }

    static Located located(SourceText source, ConfLine l, int index) {
        return l.arg(index).map(t -> new Located(t.text(), source.at(l.line(), t.column()))).orElse(null);
    }

    /**
     * The address a {@code bind} line says the server is reached at: the first that is not loopback or a
     * wildcard, else the first loopback one ({@code bind 127.0.0.1}: a lab on one host, where Sentinel monitors
     * 127.0.0.1 too). Null when the line binds only wildcards.
     */
    static Located firstRoutable(SourceText source, ConfLine l) {
        Located loopback = null;
        for (int i = 1; i < l.args().size(); i++) {
            String a = l.text(i).replaceFirst("^-", "");
            if (a.equals("*") || a.equals("0.0.0.0") || a.equals("::") || a.equals("::*")) {
                continue;
            }
            Located here = new Located(a.equals("localhost") ? "127.0.0.1" : a,
                    source.at(l.line(), l.args().get(i).column()));
            if (!a.startsWith("127.") && !a.equals("::1") && !a.equals("localhost")) {
                return here;
            }
            loopback = loopback == null ? here : loopback;
        }
        return loopback;
    }

    static Optional<Located> opt(Located l) {
        return Optional.ofNullable(l);
    }
}
