package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Patroni dynamic configuration that governs failover, read from Patroni's {@code bootstrap.dcs} or a
 * Zalando manifest's {@code spec.patroni}: {@code ttl}, {@code maximum_lag_on_failover},
 * {@code synchronous_mode}, {@code synchronous_mode_strict}, {@code synchronous_node_count}. Fact keys are the
 * native format's, so details panels read the same for every format.
 */
record PatroniSettings(Duration detection, long maxLagBytes, boolean syncMode, boolean strict, Integer syncCount,
                       SourcePosition syncModeAt, Map<String, SourcePosition> facts) {
    /** Patroni's defaults: ttl 30 s, maximum_lag_on_failover 1 MiB. */
    static final long DEFAULT_MAX_LAG_BYTES = 1_048_576;
    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    static PatroniSettings read(Optional<PMap> dcs, Tree tree) {
        Map<String, SourcePosition> facts = new LinkedHashMap<>();
        if (dcs.isEmpty()) {
            return new PatroniSettings(DEFAULT_TTL, DEFAULT_MAX_LAG_BYTES, false, false, null, null, facts);
        }
        PMap m = dcs.get();
        Duration ttl = tree.seconds(m, "ttl").filter(v -> v > 0).map(Duration::ofSeconds).orElse(DEFAULT_TTL);
        note(m, "ttl", "detection", facts);
        long maxLag = tree.integer(m, "maximum_lag_on_failover").filter(v -> v >= 0).orElse(DEFAULT_MAX_LAG_BYTES);
        note(m, "maximum_lag_on_failover", "max-lag-bytes", facts);
        boolean sync = Tree.scalar(m, "synchronous_mode").map(PScalar::text).filter(t -> "quorum".equalsIgnoreCase(
                t.trim())).isPresent() || tree.bool(m, "synchronous_mode").orElse(false);
        note(m, "synchronous_mode", "require-sync", facts);
        boolean strict = tree.bool(m, "synchronous_mode_strict").orElse(false);
        note(m, "synchronous_mode_strict", "strict-sync", facts);
        Integer count = tree.integer(m, "synchronous_node_count").filter(v -> v >= 0)
                .map(v -> (int) Math.min(v, Integer.MAX_VALUE)).orElse(sync ? 1 : null);
        note(m, "synchronous_node_count", "sync-replicas", facts);
        return new PatroniSettings(ttl, maxLag, sync, strict, count,
                Tree.at(m, "synchronous_mode").map(PNode::position).orElse(null), facts);
    }

    private static void note(PMap m, String key, String fact, Map<String, SourcePosition> facts) {
        m.get(key).ifPresent(n -> facts.put(fact, n.position()));
    }

    /** The failover policy of a Patroni-managed cluster with these settings. */
    FailoverPolicy policy(Cluster cluster, List<Ref> candidates) {
        return new FailoverPolicy(new Ref(cluster.name(), cluster.position()), candidates, detection,
                FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, syncMode, false, new Facts(facts), maxLagBytes,
                syncMode ? syncCount : null, strict, null, List.of());
    }
}
