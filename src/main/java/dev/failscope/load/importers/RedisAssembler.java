package dev.failscope.load.importers;

import dev.failscope.load.importers.RedisImporter.DataNode;
import dev.failscope.load.importers.RedisImporter.Located;
import dev.failscope.load.importers.RedisImporter.MasterView;
import dev.failscope.load.importers.RedisImporter.SentinelFile;
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
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges every sentinel.conf and redis.conf of a run: one cluster per sentinel master name (its primary from
 * {@code sentinel monitor}, replicas from {@code known-replica} lines and from redis.conf {@code replicaof}),
 * candidates ordered by {@code replica-priority}, and the sentinels as the policy's monitors. Replication
 * chains found only in redis.conf files become clusters without a failover policy (nothing promotes them).
 */
final class RedisAssembler {
    static final String ENGINE = "redis";
    static final Duration DEFAULT_DOWN_AFTER = Duration.ofMillis(30_000);
    static final Duration DEFAULT_FAILOVER_TIMEOUT = Duration.ofMillis(180_000);
    static final int DEFAULT_PRIORITY = 100;

    private final ImportContext ctx;
    private final List<SentinelFile> sentinels;
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> monitorHosts = new java.util.LinkedHashSet<>();

    /** A redis.conf with the name it is known by. */
    private record NodeInfo(DataNode node, String name, SourcePosition at, String address) {
        int priority() {
            return node.priority == null ? DEFAULT_PRIORITY : Integer.parseInt(node.priority.text());
        }
    }

    RedisAssembler(ImportContext ctx, List<SentinelFile> sentinels, List<DataNode> dataNodes) {
        this.ctx = ctx;
        this.sentinels = sentinels;
        for (SentinelFile f : sentinels) {
            f.masters.values().stream().filter(v -> v.primary != null)
                    .forEach(v -> Address.parse(v.primary.text()).ifPresent(a -> monitorHosts.add(a.host())));
        }
        dataNodes.forEach(this::identify);
    }

    /**
     * Names a redis.conf by the address Sentinel sees it at: {@code replica-announce-ip}, else {@code bind}
     * (loopback too), with {@code replica-announce-port} or {@code port}. Without either, and when every
     * {@code sentinel monitor} of the run names one host, the host is that one (a stock redis.conf on the
     * monitored machine, or a lab on one host), said as an {@code assumed-address} info.
     */
    private void identify(DataNode n) {
        Located ip = n.announceIp != null ? n.announceIp : n.bind;
        Located port = n.announcePort != null ? n.announcePort : n.port;
        int p = port == null ? 6379 : Integer.parseInt(port.text());
        NodeInfo info;
        if (ip != null) {
            String address = Address.format(ip.text(), p);
            info = new NodeInfo(n, address, ip.at(), address);
        } else if (monitorHosts.size() == 1 && !selfReplica(n, Address.format(monitorHosts.iterator().next(), p))) {
            String address = Address.format(monitorHosts.iterator().next(), p);
            SourcePosition at = port != null ? port.at() : SourcePosition.ofFile(n.display);
            info = new NodeInfo(n, address, at, address);
            ctx.assumed("address", "this redis.conf has no bind or replica-announce-ip line: Failscope assumes it "
                    + "runs on " + monitorHosts.iterator().next() + " (the host every 'sentinel monitor' names) at "
                    + "port " + p + ", so it is " + address, address, at);
        } else {
            String stem = n.display.substring(Math.max(n.display.lastIndexOf('/'), n.display.lastIndexOf('\\')) + 1)
                    .replaceFirst("\\.[^.]*$", "");
            SourcePosition at = SourcePosition.ofFile(n.display);
            info = new NodeInfo(n, "redis@" + stem, at, null);
            ctx.assumed("address", "this redis.conf does not say its own address (no replica-announce-ip or "
                    + "bind): Failscope names it '" + info.name() + "' and cannot match it to sentinels "
                    + "or the inventory", info.name(), at);
        }
        if (nodes.putIfAbsent(info.name(), info) != null) {
            ctx.error("a second redis.conf for " + info.name() + " (first in " + nodes.get(info.name()).node().display
                    + ")", info.at());
        }
    }

    /** True when the node would replicate from its own address (so it is not on that host). */
    private static boolean selfReplica(DataNode n, String address) {
        return n.replicaOf != null && n.replicaOf.text().equals(address);
    }

    void assemble() {
        Map<String, List<SentinelFile>> byMaster = new LinkedHashMap<>();
        for (SentinelFile f : sentinels) {
            f.masters.keySet().forEach(m -> byMaster.computeIfAbsent(m, k -> new ArrayList<>()).add(f));
        }
        byMaster.forEach(this::master);
        standalone();
    }

    private void master(String name, List<SentinelFile> files) {
        List<MasterView> views = files.stream().map(f -> f.masters.get(name)).toList();
        MasterView chosen = views.stream().filter(v -> v.primary != null)
                .max(Comparator.comparingLong((MasterView v) -> v.epoch).thenComparing(v -> -views.indexOf(v)))
                .orElse(null);
        if (chosen == null) {
            ctx.error("sentinel lines for master '" + name + "' but no 'sentinel monitor " + name
                    + "' in any sentinel file", views.get(0).firstSeen);
            return;
        }
        if (views.stream().anyMatch(v -> v.primary != null && !v.primary.text().equals(chosen.primary.text()))) {
            ctx.assumed("primary", "the sentinel files disagree about the primary of '" + name + "'; Failscope "
                    + "uses " + chosen.primary.text() + " from the file with the highest config-epoch", name,
                    chosen.primary.at());
        }
        String primary = chosen.primary.text();
        declare(primary, chosen.primary.at(), nodes.get(primary));
        Map<String, Located> replicaRefs = new LinkedHashMap<>();
        views.forEach(v -> v.replicas.stream().filter(r -> !r.text().equals(primary))
                .forEach(r -> replicaRefs.putIfAbsent(r.text(), r)));
        attachDataNodes(primary, replicaRefs);
        List<Replica> replicas = new ArrayList<>();
        List<Located> candidates = new ArrayList<>();
        Map<String, Map<String, ManagerSpec.Setting>> memberSettings = new LinkedHashMap<>();
        if (nodes.get(primary) != null && !writeSettings(nodes.get(primary)).isEmpty()) {
            memberSettings.put(primary, writeSettings(nodes.get(primary)));
        }
        for (Located r : replicaRefs.values()) {
            NodeInfo node = nodes.get(r.text());
            if (node != null) {
                Map<String, ManagerSpec.Setting> settings = writeSettings(node);
                if (node.node().priority != null) {
                    settings.put("replica-priority", new ManagerSpec.Setting(node.node().priority.text(),
                            node.node().priority.at()));
                }
                if (!settings.isEmpty()) {
                    memberSettings.put(r.text(), settings);
                }
            }
            Located source = node == null || node.node().replicaOf == null
                    || node.node().replicaOf.text().equals(primary) ? null : node.node().replicaOf;
            int priority = node == null ? DEFAULT_PRIORITY : node.priority();
            declare(r.text(), r.at(), node);
            Map<String, SourcePosition> facts = new HashMap<>();
            if (source != null) {
                facts.put("source", source.at());
            }
            replicas.add(new Replica(new Ref(r.text(), r.at()), source == null ? null
                    : new Ref(source.text(), source.at()), ReplicationMode.ASYNC, null, new Facts(facts)));
            if (priority != 0) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.comparingInt(r -> nodes.containsKey(r.text())
                ? nodes.get(r.text()).priority() : DEFAULT_PRIORITY));
        if (replicas.isEmpty()) {
            ctx.assumed("no-replicas", "no sentinel file lists a known replica of '" + name + "' and no redis.conf "
                    + "replicates from " + primary + ": Sentinel discovers replicas at run time, Failscope sees none",
                    name, chosen.name.at());
        }
        Map<String, SourcePosition> facts = new HashMap<>();
        facts.put("name", chosen.name.at());
        facts.put("primary", chosen.primary.at());
        Cluster cluster = new Cluster(name, chosen.name.at(), ENGINE, new Ref(primary, chosen.primary.at()),
                replicas, new Facts(facts));
        ctx.model().cluster(cluster);
        ctx.model().policy(policy(chosen, views, files, candidates).withManager(new ManagerSpec(
                ManagerKind.SENTINEL, null, chosen.name.at(), Map.of("quorum", new ManagerSpec.Setting(
                        chosen.quorum.text(), chosen.quorum.at())), memberSettings)));
    }

    /** Adds redis.conf nodes that replicate from the primary or from one of its replicas, transitively. */
    private void attachDataNodes(String primary, Map<String, Located> replicaRefs) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (NodeInfo n : nodes.values()) {
                Located of = n.node().replicaOf;
                if (of != null && !replicaRefs.containsKey(n.name()) && !n.name().equals(primary)
                        && (of.text().equals(primary) || replicaRefs.containsKey(of.text()))) {
                    replicaRefs.put(n.name(), new Located(n.name(), n.at()));
                    grew = true;
                }
            }
        }
    }

    private FailoverPolicy policy(MasterView chosen, List<MasterView> views, List<SentinelFile> files,
                                  List<Located> candidates) {
        Map<String, SourcePosition> facts = new HashMap<>();
        facts.put("quorum", chosen.quorum.at());
        Located down = chosen.downAfter != null ? chosen.downAfter
                : views.stream().map(v -> v.downAfter).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Located timeout = chosen.failoverTimeout != null ? chosen.failoverTimeout
                : views.stream().map(v -> v.failoverTimeout).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        if (down != null) {
            facts.put("detection", down.at());
        }
        if (timeout != null) {
            facts.put("attempt-timeout", timeout.at());
        }
        return new FailoverPolicy(new Ref(chosen.name.text(), chosen.name.at()),
                candidates.stream().map(c -> new Ref(c.text(), c.at())).toList(),
                down == null ? DEFAULT_DOWN_AFTER : Duration.ofMillis(Long.parseLong(down.text())),
                timeout == null ? DEFAULT_FAILOVER_TIMEOUT : Duration.ofMillis(Long.parseLong(timeout.text())),
                null, false, false, new Facts(facts), null, null, false, toInt(chosen.quorum.text()),
                monitors(chosen.name.text(), files));
    }

    /**
     * The sentinels watching a master, each counted once ({@link SentinelMonitors}); each is also a server of the
     * topology, so that its zone (from the inventory) decides the quorum.
     */
    private List<Ref> monitors(String master, List<SentinelFile> files) {
        List<Ref> monitors = SentinelMonitors.of(master, files);
        for (Ref m : monitors) {
            String name = m.name();
            if (!ctx.model().declares(name)) {
                boolean addressed = !name.startsWith("sentinel-") && !name.startsWith("sentinel@");
                ctx.model().server(new Server(name, m.position(), addressed ? name : null, null, null,
                        null, ServerStatus.ACTIVE, true, Map.of(), new Facts(Map.of("name", m.position()))));
            }
        }
        return monitors;
    }

    /** redis.conf replication that no sentinel watches: clusters without failover, or single servers. */
    private void standalone() {
        Map<String, List<NodeInfo>> byRoot = new LinkedHashMap<>();
        for (NodeInfo n : nodes.values()) {
            if (used.contains(n.name())) {
                continue;
            }
            if (!sentinels.isEmpty()) {
                unjoined(n);
            }
            if (n.node().replicaOf == null) {
                declare(n.name(), n.at(), n);
                continue;
            }
            byRoot.computeIfAbsent(root(n), k -> new ArrayList<>()).add(n);
        }
        byRoot.forEach((root, members) -> {
            Located first = members.get(0).node().replicaOf;
            NodeInfo rootNode = nodes.get(root);
            SourcePosition rootAt = rootNode != null ? rootNode.at() : first.at();
            declare(root, rootAt, rootNode);
            List<Replica> replicas = new ArrayList<>();
            for (NodeInfo n : members) {
                declare(n.name(), n.at(), n);
                Located of = n.node().replicaOf;
                replicas.add(new Replica(new Ref(n.name(), n.at()), of.text().equals(root) ? null
                        : new Ref(of.text(), of.at()), ReplicationMode.ASYNC, null,
                        new Facts(Map.of("source", of.at()))));
            }
            ctx.model().cluster(new Cluster(root, rootAt, ENGINE, new Ref(root, rootAt), replicas,
                    new Facts(Map.of("primary", rootAt))));
        });
    }

    /**
     * A redis.conf that sentinels are configured beside but that joins none of their masters: its replication
     * and {@code replica-priority} are not part of any monitored cluster, which silently changes who Sentinel
     * would promote. Said at the line that fails to join (its replicaof, else where its address comes from).
     */
    private void unjoined(NodeInfo n) {
        Located of = n.node().replicaOf;
        SourcePosition at = of != null ? of.at() : n.at();
        String monitored = String.join(", ", sentinels.stream().flatMap(f -> f.masters.values().stream())
                .filter(v -> v.primary != null).map(v -> v.primary.text()).distinct().sorted().toList());
        ctx.finding("redis-conf-unjoined", dev.failscope.model.Severity.WARNING, "this redis.conf ("
                + n.name() + (of != null ? ", replicaof " + of.text() : "") + ") joins no sentinel master: no "
                + "'sentinel monitor' or known-replica address matches it (monitored: " + monitored + "), so its "
                + "replication and replica-priority are not applied; write the address Sentinel uses "
                + "(replica-announce-ip, bind, port) or the replicaof target as the sentinel names it",
                n.name(), null, at);
    }

    private static int toInt(String digits) {
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(digits));
    }

    private String root(NodeInfo n) {
        String at = n.node().replicaOf.text();
        Set<String> seen = new HashSet<>();
        while (nodes.containsKey(at) && nodes.get(at).node().replicaOf != null && seen.add(at)) {
            at = nodes.get(at).node().replicaOf.text();
        }
        return at;
    }

    private void declare(String name, SourcePosition at, NodeInfo node) {
        used.add(name);
        Map<String, SourcePosition> facts = new HashMap<>();
        facts.put("name", at);
        boolean noFailover = node != null && node.priority() == 0;
        if (noFailover) {
            facts.put("no-failover", node.node().priority.at());
        }
        String address = node != null ? node.address() : Address.parse(name).isPresent() && name.contains(":")
                ? name : null;
        ctx.model().server(new Server(name, at, address, null, null, null, ServerStatus.ACTIVE, noFailover,
                Map.of(), new Facts(facts)));
    }

    /**
     * A data node's {@code min-replicas-to-write} and {@code min-replicas-max-lag} (also the {@code min-slaves-}
     * spellings), which its master role applies to writes (replication.c {@code checkGoodReplicasStatus}).
     */
    private static Map<String, ManagerSpec.Setting> writeSettings(NodeInfo node) {
        Map<String, ManagerSpec.Setting> out = new LinkedHashMap<>();
        if (node.node().minReplicasToWrite != null) {
            out.put("min-replicas-to-write", new ManagerSpec.Setting(node.node().minReplicasToWrite.text(),
                    node.node().minReplicasToWrite.at()));
        }
        if (node.node().minReplicasMaxLag != null) {
            out.put("min-replicas-max-lag", new ManagerSpec.Setting(node.node().minReplicasMaxLag.text(),
                    node.node().minReplicasMaxLag.at()));
        }
        return out;
    }
}
