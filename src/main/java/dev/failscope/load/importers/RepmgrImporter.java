package dev.failscope.load.importers;

import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * repmgr ({@code repmgr.conf}, one per node): {@code node_id}, {@code node_name}, {@code conninfo} (its
 * {@code host} and {@code port}), {@code priority}, {@code location}, {@code failover}, {@code upstream_node_id},
 * and the {@code reconnect_*} timing. All repmgr.conf files of a run are one cluster (per {@code cluster=} where
 * an old repmgr.conf still names one). The candidates are the primary's own standbys repmgrd may promote, listed
 * in {@link RepmgrNode#compareForElection} order; who wins (LSN first), the location and majority rules are the
 * simulator's {@code RepmgrEngine}.
 */
public final class RepmgrImporter implements Importer {
    static final int DEFAULT_PRIORITY = 100;
    static final int DEFAULT_RECONNECT_ATTEMPTS = 6;
    static final int DEFAULT_RECONNECT_INTERVAL = 10;

    @Override
    public String id() {
        return "repmgr";
    }

    @Override
    public String label() {
        return "repmgr.conf (node_id, node_name, conninfo)";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        boolean id = false;
        boolean conninfo = false;
        for (String l : source.lines()) {
            String t = l.strip().toLowerCase(Locale.ROOT);
            id |= t.matches("node_id\\s*=.*");
            conninfo |= t.matches("conninfo\\s*=.*");
            if (t.startsWith("[")) {
                return false;
            }
        }
        return id && conninfo;
    }

    @Override
    public Session open(ImportContext context) {
        return new RepmgrSession(context);
    }

    private static final class RepmgrSession implements Session {
        private final ImportContext ctx;
        private final Map<String, List<RepmgrNode>> byCluster = new LinkedHashMap<>();

        RepmgrSession(ImportContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void read(SourceText source, boolean forced) {
            RepmgrNode.parse(source, ctx).ifPresent(n -> byCluster.computeIfAbsent(n.cluster(),
                    k -> new ArrayList<>()).add(n));
        }

        @Override
        public void finish() {
            byCluster.forEach(this::cluster);
        }

        private void cluster(String name, List<RepmgrNode> all) {
            Map<Integer, RepmgrNode> byId = new LinkedHashMap<>();
            for (RepmgrNode n : all) {
                RepmgrNode first = byId.putIfAbsent(n.nodeId(), n);
                if (first != null) {
                    ctx.error("node_id " + n.nodeId() + " is also the node_id of " + first.name() + " ("
                            + first.source().display() + "): repmgr node ids are unique", n.nodeIdAt());
                }
            }
            List<RepmgrNode> nodes = new ArrayList<>(byId.values());
            nodes.forEach(n -> ctx.model().server(server(n)));
            List<RepmgrNode> data = nodes.stream().filter(n -> !n.witness()).toList();
            if (data.isEmpty()) {
                return;
            }
            RepmgrNode primary = data.stream().filter(n -> n.upstream().isEmpty())
                    .min(Comparator.comparingInt(RepmgrNode::nodeId)).orElse(data.get(0));
            ctx.assumed("primary", "repmgr records the primary in its metadata, not in repmgr.conf; Failscope "
                    + "assumes " + primary.name() + " (node_id " + primary.nodeId() + ", the lowest without "
                    + "upstream_node_id) is the primary of '" + name + "'", name, primary.nodeIdAt());
            List<Replica> replicas = new ArrayList<>();
            List<RepmgrNode> siblings = new ArrayList<>();
            for (RepmgrNode n : data) {
                if (n == primary) {
                    continue;
                }
                Optional<RepmgrNode> up = n.upstream().map(byId::get);
                if (n.upstream().isPresent() && up.isEmpty()) {
                    ctx.finding("repmgr-upstream-missing", Severity.ERROR, "upstream_node_id " + n.upstream().get()
                            + " of " + n.name() + " is no node of '" + name + "' (no repmgr.conf has that node_id)",
                            n.name(), null, n.upstreamAt());
                }
                boolean direct = up.isEmpty() || up.get() == primary;
                replicas.add(new Replica(new Ref(n.name(), n.nameAt()), direct ? null
                        : new Ref(up.get().name(), n.upstreamAt()), ReplicationMode.ASYNC, null,
                        n.upstream().isPresent() ? new Facts(Map.of("source", n.upstreamAt())) : Facts.NONE));
                if (direct) {
                    siblings.add(n);
                }
            }
            SourcePosition at = primary.nodeIdAt();
            ctx.model().cluster(new Cluster(name, at, "postgresql", new Ref(primary.name(), primary.nameAt()),
                    replicas, new Facts(Map.of("primary", primary.nodeIdAt()))));
            ctx.model().policy(policy(name, at, primary, siblings, nodes));
        }

        private FailoverPolicy policy(String name, SourcePosition at, RepmgrNode primary, List<RepmgrNode> siblings,
                                      List<RepmgrNode> nodes) {
            List<RepmgrNode> candidates = new ArrayList<>(siblings.stream().filter(RepmgrNode::candidate).toList());
            candidates.sort(RepmgrNode::compareForElection);
            boolean locationSeen = nodes.stream().filter(n -> n != primary)
                    .anyMatch(n -> n.location().equals(primary.location()));
            if (!locationSeen && !siblings.isEmpty()) {
                ctx.finding("repmgr-location-split", Severity.WARNING, "no standby or witness of '" + name
                        + "' is in the primary's location '" + primary.location() + "': repmgrd then assumes a "
                        + "network split and promotes nobody (do_election: \"no nodes from the primary location "
                        + "... visible\"); put a witness in location '" + primary.location() + "'", name, null,
                        primary.locationAt());
            }
            RepmgrNode timing = primary;
            Duration detection = Duration.ofSeconds((long) timing.reconnectAttempts() * timing.reconnectInterval());
            Map<String, SourcePosition> facts = new HashMap<>();
            timing.reconnectAt().ifPresent(p -> facts.put("detection", p));
            List<Ref> monitors = nodes.stream().filter(RepmgrNode::witness).map(n -> new Ref(n.name(), n.nameAt()))
                    .toList();
            return new FailoverPolicy(new Ref(name, at), candidates.stream().map(c -> new Ref(c.name(), c.nameAt()))
                    .toList(), detection, FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, false, false,
                    new Facts(facts), null, null, false, null, monitors)
                    .withManager(manager(primary, nodes));
        }

        /** What a RepmgrEngine needs: each node's id, priority, location, failover mode and role. */
        private static ManagerSpec manager(RepmgrNode primary, List<RepmgrNode> nodes) {
            Map<String, Map<String, ManagerSpec.Setting>> members = new LinkedHashMap<>();
            for (RepmgrNode n : nodes) {
                Map<String, ManagerSpec.Setting> m = new LinkedHashMap<>();
                m.put("node_id", new ManagerSpec.Setting(String.valueOf(n.nodeId()), n.nodeIdAt()));
                m.put("priority", new ManagerSpec.Setting(String.valueOf(n.priority()), n.priorityAt()));
                m.put("location", new ManagerSpec.Setting(n.location(), n.locationAt()));
                m.put("failover", new ManagerSpec.Setting(n.automatic() ? "automatic" : "manual", n.failoverAt()));
                if (n.witness()) {
                    m.put("witness", new ManagerSpec.Setting("true", n.nameAt()));
                }
                members.put(n.name(), m);
            }
            return new ManagerSpec(ManagerKind.REPMGR, null, primary.nodeIdAt(), Map.of(), members);
        }

        private static Server server(RepmgrNode n) {
            Map<String, SourcePosition> facts = new HashMap<>();
            facts.put("name", n.nameAt());
            n.addressAt().ifPresent(a -> facts.put("address", a));
            boolean never = !n.witness() && !n.candidate();
            if (never) {
                facts.put("no-failover", n.priority() <= 0 ? n.priorityAt() : n.failoverAt());
            }
            String zone = n.location().equals("default") ? null : n.location();
            if (zone != null) {
                facts.put("zone", n.locationAt());
            }
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("repmgr-node-id", String.valueOf(n.nodeId()));
            if (n.witness()) {
                tags.put("role", "witness");
            }
            return new Server(n.name(), n.nameAt(), n.address().orElse(null), null, zone, null, ServerStatus.ACTIVE,
                    never, tags, new Facts(facts));
        }
    }
}
