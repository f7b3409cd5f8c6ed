package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One failover manager's algorithm, as far as the configs decide it: who is eligible, how the survivors are
 * ordered and who may win, when the failure is detected and how long promotion takes, whether writes block,
 * and which coordination quorum must hold. One small class per manager; {@link Engines#of} picks it from the
 * policy's {@link dev.failscope.model.ManagerSpec}. The candidate rules ({@code CandidateEvaluator}), the
 * simulator (and so {@code simulate}, {@code sweep}, {@code diff} and the GUI) all ask the same engine.
 *
 * <p>Engines are stateless: everything they need comes from the policy, the cluster and the failover state.
 */
public interface FailoverEngine {
    ManagerKind kind();

    /**
     * True for the native semantics: candidates are tried one after another and each unusable one costs the
     * policy's {@code attempt-timeout}. False for real managers, which look at every candidate in one pass.
     */
    boolean serial();

    /** Reasons beyond the common ones (missing, decommissioned, no-failover, ...) why a member is never promoted. */
    default List<Exclusion> exclusions(Topology topology, FailoverPolicy policy, Cluster cluster, String server) {
        return List.of();
    }

    /** Settings this release ignores or adjusts, each at the position of the setting. */
    default List<SettingNote> settingNotes(FailoverPolicy policy) {
        return List.of();
    }

    /** True when a candidate whose replication source (not the primary) failed is out (native, MHA). */
    default boolean needsUnbrokenChain() {
        return true;
    }

    /** When the failure is detected, how long promotion takes, and the range the real RTO falls in. */
    Timing timing(FailoverPolicy policy, FailoverState state);

    /**
     * Why no failover can be agreed with only {@code alive} of the {@code total} monitors (sentinels, DCS
     * members) up, if so. Empty when the quorum holds or the manager has none.
     */
    default Optional<Block> coordination(FailoverPolicy policy, int alive, int total) {
        return Optional.empty();
    }

    /**
     * What a writable primary does when the coordination quorum is lost (Patroni demotes itself), if anything.
     *
     * @param allMembersAlive every member of the cluster is still up (Patroni's failsafe_mode needs it)
     */
    default Optional<Block> onCoordinationLoss(FailoverPolicy policy, int alive, int total, boolean allMembersAlive) {
        return Optional.empty();
    }

    /** Why the manager does not start a failover at all (MHA's preconditions), if so. */
    default Optional<Block> precondition(FailoverPolicy policy, Cluster cluster, FailoverState state) {
        return Optional.empty();
    }

    /**
     * Who may end as primary among the candidates that survive, given in configured order. An empty selection
     * says why nothing is promoted.
     */
    Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable);

    /** Why writes block while the primary is up, given the replicas still up (strict synchronous replication). */
    default Optional<Block> writesBlocked(FailoverPolicy policy, Cluster cluster, String primary,
                                          Set<String> aliveReplicas) {
        return Optional.empty();
    }
}
