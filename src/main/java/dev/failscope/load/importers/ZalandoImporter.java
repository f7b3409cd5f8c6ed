package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Cluster;
import dev.failscope.model.Ref;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Zalando postgres-operator {@code postgresql} objects ({@code apiVersion: acid.zalan.do/v1}). Instances are
 * {@code <name>-0..N-1}, run by Spilo (Patroni), so {@code spec.patroni} maps like Patroni's dynamic config.
 */
public final class ZalandoImporter implements Importer {
    static final String API = "acid.zalan.do";
    /** Spilo's default {@code maximum_lag_on_failover} (32 MiB). */
    static final long SPILO_MAX_LAG_BYTES = 33_554_432L;

    @Override
    public String id() {
        return "zalando";
    }

    @Override
    public String label() {
        return "Zalando postgres-operator postgresql";
    }

    @Override
    public boolean detect(SourceText source) {
        return source.anyMap(d -> Kubernetes.is(d, API, "postgresql"));
    }

    @Override
    public Session open(ImportContext context) {
        Tree tree = new Tree(context, "Zalando");
        return (source, forced) -> {
            List<PMap> docs = source.maps().stream().filter(d -> Kubernetes.is(d, API, "postgresql")).toList();
            if (docs.isEmpty()) {
                context.error("no Zalando postgresql (apiVersion " + API + "/v1, kind postgresql) in this file",
                        source.start());
            }
            docs.forEach(d -> read(d, context, tree));
        };
    }

    private void read(PMap doc, ImportContext ctx, Tree tree) {
        Optional<PScalar> name = Kubernetes.name(doc, "Zalando postgresql", ctx);
        if (name.isEmpty()) {
            return;
        }
        String n = name.get().text().trim();
        PNode spec = Tree.at(doc, "spec").orElse(doc);
        int instances = (int) Math.max(1, Math.min(1000, tree.integer(spec, "numberOfInstances").orElse(1L)));
        SourcePosition at = Tree.at(spec, "numberOfInstances").map(PNode::position).orElse(name.get().position());
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            pods.add(n + "-" + i);
        }
        Optional<PMap> patroni = Tree.map(spec, "patroni");
        PatroniSettings read = PatroniSettings.read(patroni, tree);
        long maxLag = patroni.flatMap(p -> p.get("maximum_lag_on_failover")).isPresent() ? read.maxLagBytes()
                : SPILO_MAX_LAG_BYTES;
        PatroniSettings settings = new PatroniSettings(read.detection(), maxLag, read.syncMode(), read.strict(),
                read.syncCount(), read.syncModeAt(), read.facts(), read.raw());
        Ref upstream = Tree.scalar(spec, "standby", "standby_host").map(h -> new Ref(Address.format(
                h.text().trim(), Tree.text(spec, "standby", "standby_port").filter(p -> p.matches("\\d{1,5}"))
                        .map(Integer::valueOf).orElse(null)), h.position())).orElse(null);
        Cluster c = Kubernetes.instances(ctx, name.get(), at, pods,
                i -> settings.syncMode() ? ReplicationMode.SYNC : ReplicationMode.ASYNC, upstream);
        ctx.assumed("primary", "Patroni (in Spilo) elects the leader of '" + n + "' at run time; Failscope assumes "
                + pods.get(0) + " is the primary", n, at);
        if (settings.syncMode() && settings.syncModeAt() != null) {
            ctx.assumed("sync-standby", "Patroni picks the synchronous standby(s) of '" + n + "' at run time; "
                    + "Failscope treats every replica as one", n, settings.syncModeAt());
        }
        if (!c.replicas().isEmpty()) {
            ctx.model().policy(settings.policy(c, c.replicas().stream().map(r -> r.server()).toList()));
        }
        if (instances > 1) {
            List<String> keys = new ArrayList<>();
            for (String k : List.of("topologySpreadConstraints", "topologySpreadConstraint")) {
                Tree.list(spec, k).forEach(x -> Tree.text(x, "topologyKey").ifPresent(keys::add));
            }
            if (keys.stream().noneMatch(Kubernetes::zoneKey)) {
                Kubernetes.unspread(ctx, n, "the manifest sets no zone topologySpreadConstraints, and the "
                        + "operator's pod anti-affinity (enable_pod_antiaffinity) is off by default", at);
            }
        }
    }
}
