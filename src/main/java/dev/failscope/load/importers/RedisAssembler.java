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

    /** A redis.conf with the name it is known by. */
    private record NodeInfo(DataNode node, String name, SourcePosition at, String address) {
        int priority() {
            return node.priority == null ? DEFAULT_PRIORITY : Integer.parseInt(node.priority.text());
        }
    }

    RedisAssembler(ImportContext ctx, List<SentinelFile> sentinels, List<DataNode> dataNodes) {
        this.ctx = ctx;
        this.sentinels = sentinels;
        dataNodes.forEach(this::identify);
    }

    private void identify(DataNode n) {
        Located ip = n.announceIp != null ? n.announceIp : n.bind;
        Located port = n.announcePort != null ? n.announcePort : n.port;
        int p = port == null ? 6379 : Integer.parseInt(port.text());
        NodeInfo info;
        if (ip != null) {
            String address = Address.format(ip.text(), p);
            info = new NodeInfo(n, address, ip.at(), address);
        } else {
            String stem = n.display.substring(Math.max(n.display.lastIndexOf('/'), n.display.lastIndexOf('\\')) + 1)
                    .replaceFirst("\\.[^.]*$", "");
            SourcePosition at = SourcePosition.ofFile(n.display);
            info = new NodeInfo(n, "redis@" + stem, at, null);
            ctx.assumed("address", "this redis.conf does not say its own address (no replica-announce-ip or "
                    + "routable bind): Failscope names it '" + info.name() + "' and cannot match it to sentinels "
                    + "or the inventory", info.name(), at);
        }
        if (nodes.putIfAbsent(info.name(), info) != null) {
            ctx.error("a second redis.conf for " + info.name() + " (first in " + nodes.get(info.name()).node().display
                    + ")", info.at());
        }
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
        for (Located r : replicaRefs.values()) {
            NodeInfo node = nodes.get(r.text());
            if (node != null && node.node().priority != null) {
                memberSettings.put(r.text(), Map.of("replica-priority", new ManagerSpec.Setting(
                        node.node().priority.text(), node.node().priority.at())));
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
     * The sentinels watching a master: each file's own sentinel ({@code myid}) and every {@code known-sentinel},
     * one per run id, named by address where any file gives it.
     */
    private List<Ref> monitors(String master, List<SentinelFile> files) {
        Map<String, Located> byKey = new LinkedHashMap<>();
        Map<String, String> addressOf = new HashMap<>();
        for (SentinelFile f : files) {
            String own = f.myid != null ? f.myid.text() : "file:" + f.display;
            SourcePosition ownAt = f.myid != null ? f.myid.at() : f.masters.get(master).primary != null
                    ? f.masters.get(master).name.at() : SourcePosition.ofFile(f.display);
            byKey.putIfAbsent(own, new Located(own, ownAt));
            Located ip = f.announceIp != null ? f.announceIp : f.bind;
            if (ip != null) {
                addressOf.putIfAbsent(own, Address.format(ip.text(), f.port == null
                        || !f.port.text().matches("\\d{1,5}") ? 26379 : Integer.parseInt(f.port.text())));
            }
            for (Located[] s : f.masters.get(master).sentinels) {
                String key = s[0].text().isEmpty() ? "addr:" + s[1].text() : s[0].text();
                byKey.putIfAbsent(key, s[1]);
                addressOf.putIfAbsent(key, s[1].text());
            }
        }
        List<Ref> monitors = new ArrayList<>();
        byKey.forEach((key, at) -> {
            String name = addressOf.getOrDefault(key, key.startsWith("file:") ? "sentinel@" + key.substring(5)
                    : "sentinel-" + key.substring(0, Math.min(8, key.length())));
            monitors.add(new Ref(name, at.at()));
            if (!ctx.model().declares(name)) {
                // a sentinel is a server of the topology: its zone (from the inventory) decides the quorum
                ctx.model().server(new Server(name, at.at(), addressOf.containsKey(key) ? name : null, null, null,
                        null, ServerStatus.ACTIVE, true, Map.of(), new Facts(Map.of("name", at.at()))));
            }
        });
        return monitors;
    }

    /** redis.conf replication that no sentinel watches: clusters without failover, or single servers. */
    private void standalone() {
        Map<String, List<NodeInfo>> byRoot = new LinkedHashMap<>();
        for (NodeInfo n : nodes.values()) {
            if (used.contains(n.name())) {
                continue;
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
}
