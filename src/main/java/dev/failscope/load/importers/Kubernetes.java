package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/** What the Kubernetes operator importers share: detection by apiVersion and kind, and instance sets. */
final class Kubernetes {
    /** Rule id of the warning that failover may land in the failure domain of the primary. */
    static final String UNSPREAD = "failure-domain-unspread";

    private Kubernetes() {}

    static boolean is(PMap doc, String apiGroup, String kind) {
        Optional<String> api = Tree.text(doc, "apiVersion"); // asked of every document: no lambdas
        if (api.isEmpty() || !api.get().startsWith(apiGroup + "/")) {
            return false;
        }
        Optional<String> k = Tree.text(doc, "kind");
        return k.isPresent() && k.get().equals(kind);
    }

    /** True for a label or topology key that names a zone (or region) rather than a node. */
    static boolean zoneKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("zone") || k.contains("region") || k.matches("(.*/)?(az|availability-zone)");
    }

    /** The object's metadata.name, or a load error. */
    static Optional<PScalar> name(PMap doc, String kind, ImportContext ctx) {
        Optional<PScalar> name = Tree.scalar(doc, "metadata", "name");
        if (name.isEmpty()) {
            ctx.error(kind + " has no metadata.name", doc.position());
        }
        return name;
    }

    /**
     * Declares the pods {@code names} of one operator-managed cluster, the first being the assumed primary, and
     * adds the cluster (replicas streaming from the primary, with the given modes).
     */
    static Cluster instances(ImportContext ctx, PScalar name, SourcePosition at, List<String> pods,
                             IntFunction<ReplicationMode> modeOfReplica, Ref upstream) {
        for (String pod : pods) {
            ctx.model().server(new Server(pod, at, null, null, null, null, ServerStatus.ACTIVE, false, Map.of(),
                    new Facts(Map.of("name", at))));
        }
        List<Replica> replicas = new ArrayList<>();
        for (int i = 1; i < pods.size(); i++) {
            replicas.add(new Replica(new Ref(pods.get(i), at), null, modeOfReplica.apply(i - 1), null,
                    new Facts(Map.of("server", at))));
        }
        java.util.HashMap<String, SourcePosition> facts = new java.util.HashMap<>();
        facts.put("name", name.position());
        facts.put("primary", at);
        if (upstream != null) {
            facts.put("upstream", upstream.position());
        }
        Cluster c = new Cluster(name.text().trim(), name.position(), "postgresql", new Ref(pods.get(0), at),
                replicas, new Facts(facts), upstream);
        ctx.model().cluster(c);
        return c;
    }

    static void unspread(ImportContext ctx, String cluster, String why, SourcePosition at) {
        ctx.finding(UNSPREAD, Severity.WARNING, "failover of cluster '" + cluster + "' may land in the failure "
                + "domain of its primary: " + why, cluster, null, at);
    }
}
