package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CloudNativePG (cloudnative-pg/cloudnative-pg).
 * <ul>
 *   <li>Selection: the instances are sorted with failed ones last, then by received and replayed LSN
 *       ({@code pkg/postgres/status.go}, {@code PostgresqlStatusList.Less}: {@code // Compare received LSN (bigger
 *       LSN orders first)}), and the first becomes the target primary ({@code internal/controller/replicas.go}:
 *       {@code mostAdvancedInstance := status.Items[0]}). LSNs are run time: every surviving replica may win.</li>
 *   <li>{@code failoverDelay} seconds pass before the failover ({@code enforceFailoverDelay}).</li>
 *   <li>{@code synchronous.failoverQuorum}: promotion only when {@code R + W > N} ({@code replicas_quorum.go}:
 *       {@code isStronglyConsistent := (readSetCardinality + writeSetCardinality) > nodeSetCardinality}).</li>
 *   <li>{@code synchronous.dataDurability: required} (the default): writes block when fewer healthy replicas
 *       than {@code synchronous.number} are left ({@code api/v1/cluster_types.go}: "Write operations ... will
 *       block if there are insufficient healthy replicas"); {@code preferred} adjusts the number instead.</li>
 * </ul>
 * Timing is not measured: the range spans the operator noticing a failed instance quickly (its status check)
 * to Kubernetes noticing a lost node (about 40 s), after failoverDelay.
 */
final class CnpgEngine implements FailoverEngine {
    static final Duration NOTICE_MIN = Duration.ofSeconds(1);
    static final Duration NOTICE_MAX = Duration.ofSeconds(45);

    @Override
    public ManagerKind kind() {
        return ManagerKind.CNPG;
    }

    @Override
    public boolean serial() {
        return false;
    }

    @Override
    public boolean needsUnbrokenChain() {
        return false;
    }

    @Override
    public List<SettingNote> settingNotes(FailoverPolicy policy) {
        ManagerSpec m = policy.manager();
        List<SettingNote> notes = new ArrayList<>();
        m.setting("dataDurability").filter(s -> !m.atLeast(1, 25)).ifPresent(s -> notes.add(new SettingNote(
                "dataDurability arrived in CloudNativePG 1.25; " + m.label() + " ignores it", s.at())));
        m.setting("failoverQuorum").filter(s -> !m.atLeast(1, 27)).ifPresent(s -> notes.add(new SettingNote(
                "synchronous.failoverQuorum arrived in CloudNativePG 1.27; " + m.label() + " ignores it", s.at())));
        return notes;
    }

    @Override
    public Timing timing(FailoverPolicy policy, FailoverState state) {
        Duration delay = delay(policy.manager());
        return new Timing(policy.detection(), Duration.ZERO, delay.plus(NOTICE_MIN), delay.plus(NOTICE_MAX),
                "failoverDelay " + Durations.format(delay) + " after the operator sees the primary fail "
                        + "(estimated, not measured)");
    }

    @Override
    public Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable) {
        if (viable.isEmpty()) {
            return Selection.none("no instance left to promote", null);
        }
        ManagerSpec m = policy.manager();
        if (bool(m, "failoverQuorum") && m.atLeast(1, 27)) {
            int n = cluster.replicas().size();
            int w = policy.syncCountOpt().orElse(0);
            int r = viable.size();
            if (w <= 0 || r + w <= n) {
                return Selection.none("failoverQuorum: R + W > N does not hold (R " + r + " healthy of N " + n
                        + " synchronous candidates, W " + w + "; replicas_quorum.go): no instance is sure to have "
                        + "the last commit", m.setting("failoverQuorum").map(ManagerSpec.Setting::at).orElse(null));
            }
        }
        String why = "whichever has received more WAL (CloudNativePG promotes the most advanced instance; "
                + "pkg/postgres/status.go PostgresqlStatusList.Less)";
        if (state.hasObservations()) {
            return observed(state, viable, why);
        }
        if (viable.size() == 1) {
            return Selection.one(viable.get(0));
        }
        return new Selection(viable, why, null, false);
    }

    /**
     * PostgresqlStatusList.Less on observed state: instances seen down sort last (an instance whose status has
     * an error never comes first), then {@code // Compare received LSN (bigger LSN orders first)}, then the
     * replay LSN, then the pod name. A snapshot's {@code lsn} is the received position; the replay LSN is not in
     * it, so an equal lsn stays a tie.
     */
    private static Selection observed(FailoverState state, List<String> viable, String why) {
        List<String> notes = new ArrayList<>();
        List<String> up = Ranking.observedDown(state, viable, notes);
        if (up.isEmpty()) {
            return Selection.none(String.join("; ", notes) + ": no instance left to promote", null);
        }
        Ranking.Result r = Ranking.rank(up, List.of(Ranking.lsn(state, "is ahead of")), "an equal received "
                + "LSN: the replay LSN (not observed), then the pod name, decide");
        return Ranking.verdict(r, notes, why, "pkg/postgres/status.go PostgresqlStatusList.Less", null, false);
    }

    @Override
    public Optional<Block> writesBlocked(FailoverPolicy policy, Cluster cluster, String primary,
                                         Set<String> aliveReplicas) {
        int w = policy.syncCountOpt().orElse(0);
        ManagerSpec m = policy.manager();
        boolean required = m.setting("dataDurability").map(s -> !s.value().equalsIgnoreCase("preferred"))
                .orElse(true) && m.setting("method").isPresent();
        if (w <= 0 || !required || aliveReplicas.size() >= w) {
            return Optional.empty();
        }
        return Optional.of(new Block("dataDurability required: commits wait for " + w + " synchronous standby(s), "
                + aliveReplicas.size() + " left (CloudNativePG synchronous replication)",
                m.setting("dataDurability").or(() -> m.setting("method")).map(ManagerSpec.Setting::at)
                        .orElse(policy.position())));
    }

    private static Duration delay(ManagerSpec m) {
        return m.setting("failoverDelay").map(ManagerSpec.Setting::value).filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(Duration.ZERO);
    }

    private static boolean bool(ManagerSpec m, String key) {
        return m.setting(key).map(s -> s.value().equalsIgnoreCase("true")).orElse(false);
    }
}
