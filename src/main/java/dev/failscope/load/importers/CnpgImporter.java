package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CloudNativePG {@code Cluster} objects ({@code apiVersion: postgresql.cnpg.io/v1}). Instances are
 * {@code <name>-1..N}; other Kubernetes kinds in the same file are ignored.
 */
public final class CnpgImporter implements Importer {
    static final String API = "postgresql.cnpg.io";
    /** Rule id of the error for a source or primary that names no externalClusters entry. */
    static final String EXTERNAL_MISSING = "external-cluster-missing";

    @Override
    public String id() {
        return "cnpg";
    }

    @Override
    public String label() {
        return "CloudNativePG Cluster";
    }

    @Override
    public boolean detect(SourceText source) {
        return source.anyMap(d -> Kubernetes.is(d, API, "Cluster"));
    }

    @Override
    public Session open(ImportContext context) {
        Tree tree = new Tree(context, "CloudNativePG");
        return (source, forced) -> {
            List<PMap> docs = source.maps().stream().filter(d -> Kubernetes.is(d, API, "Cluster")).toList();
            if (docs.isEmpty()) {
                context.error("no CloudNativePG Cluster (apiVersion " + API + "/v1, kind Cluster) in this file",
                        source.start());
            }
            docs.forEach(d -> read(d, context, tree));
        };
    }

    private void read(PMap doc, ImportContext ctx, Tree tree) {
        Optional<PScalar> name = Kubernetes.name(doc, "CloudNativePG Cluster", ctx);
        if (name.isEmpty()) {
            return;
        }
        String n = name.get().text().trim();
        PNode spec = Tree.at(doc, "spec").orElse(doc);
        int instances = (int) Math.max(1, Math.min(1000, tree.integer(spec, "instances").orElse(1L)));
        SourcePosition at = Tree.position(spec, "instances");
        if (Tree.at(spec, "instances").isEmpty()) {
            at = name.get().position();
        }
        List<String> pods = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            pods.add(n + "-" + i);
        }
        checkExternals(spec, n, ctx);
        Ref upstream = upstream(spec, n, tree);
        Sync sync = sync(spec, tree);
        Cluster c = Kubernetes.instances(ctx, name.get(), at, pods,
                i -> sync.first() && i < sync.count() ? ReplicationMode.SYNC : ReplicationMode.ASYNC, upstream);
        ctx.assumed("primary", "CloudNativePG picks the primary of '" + n + "' at run time (on failover the most "
                + "advanced replica); Failscope assumes " + pods.get(0) + " is the primary and tries the replicas "
                + "in instance order", n, at);
        if (sync.count() > 0 && !sync.first()) {
            ctx.assumed("sync-standby", "quorum-based synchronous replication: which standby confirmed a commit "
                    + "is decided at run time; Failscope models the replicas of '" + n + "' as async", n, sync.at());
        }
        Map<String, SourcePosition> facts = new HashMap<>();
        Optional<Long> delay = tree.integer(spec, "failoverDelay").filter(v -> v >= 0);
        Tree.at(spec, "failoverDelay").ifPresent(d -> facts.put("detection", d.position()));
        if (sync.count() > 0) {
            facts.put("sync-replicas", sync.at());
        }
        Duration detection = FailoverPolicy.DEFAULT_DETECTION.plusSeconds(delay.orElse(0L));
        if (!c.replicas().isEmpty()) {
            ctx.model().policy(new FailoverPolicy(new Ref(n, name.get().position()),
                    c.replicas().stream().map(r -> r.server()).toList(), detection,
                    FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, false, false, new Facts(facts), null,
                    sync.count() > 0 ? sync.count() : null, false, null, List.of(), manager(spec, doc,
                    name.get().position(), ctx)));
        }
        if (instances > 1) {
            spread(spec, n, tree, ctx, at);
        }
    }

    /** CloudNativePG with the settings its engine reads: failoverDelay, synchronous method, dataDurability, quorum. */
    private static ManagerSpec manager(PNode spec, PMap doc, SourcePosition at, ImportContext ctx) {
        Map<String, ManagerSpec.Setting> s = new LinkedHashMap<>();
        put(s, "failoverDelay", Tree.scalar(spec, "failoverDelay"));
        put(s, "method", Tree.scalar(spec, "postgresql", "synchronous", "method"));
        put(s, "dataDurability", Tree.scalar(spec, "postgresql", "synchronous", "dataDurability"));
        put(s, "failoverQuorum", Tree.scalar(spec, "postgresql", "synchronous", "failoverQuorum")
                .or(() -> Tree.scalar(doc, "metadata", "annotations", "alpha.cnpg.io/failoverQuorum")));
        return new ManagerSpec(ManagerKind.CNPG, ctx.version(ManagerKind.CNPG), at, s, Map.of());
    }

    private static void put(Map<String, ManagerSpec.Setting> s, String key, Optional<PScalar> v) {
        v.ifPresent(x -> s.put(key, new ManagerSpec.Setting(x.text().trim(), x.position())));
    }

    /** {@code synchronous.number} (or legacy {@code minSyncReplicas}) and whether the first N are the sync ones. */
    private record Sync(int count, boolean first, SourcePosition at) {}

    private Sync sync(PNode spec, Tree tree) {
        Optional<PMap> s = Tree.map(spec, "postgresql", "synchronous");
        if (s.isPresent()) {
            int number = (int) Math.max(0, Math.min(1000, tree.integer(s.get(), "number").orElse(0L)));
            boolean first = Tree.text(s.get(), "method").map("first"::equalsIgnoreCase).orElse(false);
            return new Sync(number, first, Tree.position(s.get(), "number"));
        }
        long min = tree.integer(spec, "minSyncReplicas").orElse(0L);
        return new Sync((int) Math.max(0, Math.min(1000, min)), false, Tree.position(spec, "minSyncReplicas"));
    }

    private void checkExternals(PNode spec, String cluster, ImportContext ctx) {
        Set<String> externals = new LinkedHashSet<>();
        for (PNode e : Tree.list(spec, "externalClusters")) {
            Tree.text(e, "name").ifPresent(externals::add);
        }
        List<Optional<PScalar>> refs = new ArrayList<>(List.of(Tree.scalar(spec, "replica", "source"),
                Tree.scalar(spec, "replica", "primary")));
        Tree.map(spec, "bootstrap").ifPresent(b -> b.entries()
                .forEach(e -> refs.add(Tree.scalar(e.value(), "source"))));
        for (Optional<PScalar> ref : refs) {
            ref.filter(r -> !externals.contains(r.text().trim())).ifPresent(r -> ctx.finding(EXTERNAL_MISSING,
                    Severity.ERROR, "'" + r.text().trim() + "' of cluster '" + cluster + "' names no "
                            + "externalClusters entry" + (externals.isEmpty() ? " (there are none)"
                            : " (have: " + String.join(", ", externals) + ")")
                            + ": replication and recovery would have no source", cluster, r.text().trim(),
                    r.position()));
        }
    }

    /** The external cluster this one replicates from, when it is a replica cluster. */
    private Ref upstream(PNode spec, String name, Tree tree) {
        Optional<PScalar> source = Tree.scalar(spec, "replica", "source");
        if (source.isEmpty()) {
            return null;
        }
        boolean enabled = tree.bool(spec, "replica", "enabled").orElse(false);
        Optional<String> primary = Tree.text(spec, "replica", "primary");
        String self = Tree.text(spec, "replica", "self").orElse(name);
        boolean replica = enabled || primary.isPresent() && !primary.get().equals(self);
        return replica ? new Ref(source.get().text().trim(), source.get().position()) : null;
    }

    private void spread(PNode spec, String name, Tree tree, ImportContext ctx, SourcePosition at) {
        Optional<Boolean> anti = tree.bool(spec, "affinity", "enablePodAntiAffinity");
        if (anti.isPresent() && !anti.get()) {
            Kubernetes.unspread(ctx, name, "enablePodAntiAffinity is false, so instances may share a node",
                    Tree.position(spec, "affinity", "enablePodAntiAffinity"));
            return;
        }
        List<String> keys = new ArrayList<>();
        Tree.text(spec, "affinity", "topologyKey").ifPresent(keys::add);
        Tree.list(spec, "topologySpreadConstraints").forEach(c -> Tree.text(c, "topologyKey").ifPresent(keys::add));
        Tree.list(spec, "postgresql", "syncReplicaElectionConstraint", "nodeLabelsAntiAffinity")
                .forEach(k -> Tree.text(k).ifPresent(keys::add));
        Tree.list(spec, "postgresql", "synchronous", "podFailureDomainKeys")
                .forEach(k -> Tree.text(k).ifPresent(keys::add));
        if (keys.stream().noneMatch(Kubernetes::zoneKey)) {
            Kubernetes.unspread(ctx, name, "no zone topology key (pod anti-affinity defaults to "
                    + "kubernetes.io/hostname: one node per instance, not one zone); set affinity.topologyKey: "
                    + "topology.kubernetes.io/zone", Tree.at(spec, "affinity", "topologyKey")
                    .map(PNode::position).orElse(at));
        }
    }
}
