package dev.failscope.load.importers;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
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
                       SourcePosition syncModeAt, Map<String, SourcePosition> facts,
                       Map<String, ManagerSpec.Setting> raw) {
    /** The keys the Patroni engine reads, as written. */
    static final List<String> RAW_KEYS = List.of("ttl", "loop_wait", "retry_timeout", "maximum_lag_on_failover",
            "synchronous_mode", "synchronous_mode_strict", "synchronous_node_count", "check_timeline",
            "failsafe_mode");

    PatroniSettings {
        raw = Map.copyOf(raw);
    }

    PatroniSettings(Duration detection, long maxLagBytes, boolean syncMode, boolean strict, Integer syncCount,
                    SourcePosition syncModeAt, Map<String, SourcePosition> facts) {
        this(detection, maxLagBytes, syncMode, strict, syncCount, syncModeAt, facts, Map.of());
    }
    /** Patroni's defaults: ttl 30 s, maximum_lag_on_failover 1 MiB. */
    static final long DEFAULT_MAX_LAG_BYTES = 1_048_576;
    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    static PatroniSettings read(Optional<PMap> dcs, Tree tree) {
        Map<String, SourcePosition> facts = new LinkedHashMap<>();
        if (dcs.isEmpty()) {
            return new PatroniSettings(DEFAULT_TTL, DEFAULT_MAX_LAG_BYTES, false, false, null, null, facts);
        }
        PMap m = dcs.get();
        Duration ttl = tree.integer(m, "ttl").filter(v -> v > 0).map(Duration::ofSeconds).orElse(DEFAULT_TTL);
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
        Map<String, ManagerSpec.Setting> raw = new LinkedHashMap<>();
        for (String key : RAW_KEYS) {
            m.get(key).filter(PScalar.class::isInstance).map(PScalar.class::cast).filter(s -> !s.isNull())
                    .ifPresent(s -> raw.put(key, new ManagerSpec.Setting(s.type() == ScalarType.STRING
                            && !s.text().trim().matches("-?\\d+") && !key.equals("synchronous_mode")
                            ? PatroniTags.truthy(s) : s.text().trim(), s.position())));
        }
        return new PatroniSettings(ttl, maxLag, sync, strict, count,
                Tree.at(m, "synchronous_mode").map(PNode::position).orElse(null), facts, raw);
    }

    private static void note(PMap m, String key, String fact, Map<String, SourcePosition> facts) {
        m.get(key).ifPresent(n -> facts.put(fact, n.position()));
    }

    /** The failover policy of a Patroni-managed cluster with these settings. */
    FailoverPolicy policy(Cluster cluster, List<Ref> candidates) {
        return policy(cluster, candidates, List.of(), ManagerSpec.of(ManagerKind.PATRONI, null, cluster.position()));
    }

    /** The policy, with the DCS endpoints as monitors and the manager spec holding these settings. */
    FailoverPolicy policy(Cluster cluster, List<Ref> candidates, List<Ref> dcs, ManagerSpec manager) {
        return new FailoverPolicy(new Ref(cluster.name(), cluster.position()), candidates, detection,
                FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, syncMode, false, new Facts(facts), maxLagBytes,
                syncMode ? syncCount : null, strict, null, dcs, new ManagerSpec(manager.kind(), manager.version(),
                manager.position(), raw, manager.members()));
    }
}
