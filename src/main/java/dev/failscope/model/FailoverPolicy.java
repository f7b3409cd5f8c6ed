package dev.failscope.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a cluster fails over: an ordered list of candidates and the constraints on promotion.
 *
 * @param cluster        the cluster this policy governs (position of the {@code cluster:} value)
 * @param candidates     ordered candidates, tried first to last
 * @param detection      time from primary loss to failover start
 * @param attemptTimeout time lost on each candidate that cannot be promoted
 * @param maxLag         a candidate with larger lag is not promoted; null when unset
 * @param requireSync    only sync replicas are promoted
 * @param sameRegionOnly never promote outside the primary's region
 * @param facts          positions of each key written
 * @param maxLagBytes    a candidate further behind than this many bytes of WAL/replication offset is not promoted
 *                       (Patroni {@code maximum_lag_on_failover}); null when unset
 * @param syncCount      how many synchronous standbys the cluster keeps; null when unset
 * @param strictSync     writes stop when no synchronous standby is available (Patroni
 *                       {@code synchronous_mode_strict})
 * @param quorum         how many monitors must agree that the primary is down (Redis Sentinel); null when unset
 * @param monitors       the processes that watch the primary and vote on failover (sentinels), or hold its
 *                       coordination quorum (Patroni's etcd, Consul or ZooKeeper members), in order
 * @param manager        the manager that governs failover, its version and its own settings
 */
public record FailoverPolicy(Ref cluster, List<Ref> candidates, Duration detection, Duration attemptTimeout,
                             Duration maxLag, boolean requireSync, boolean sameRegionOnly, Facts facts,
                             Long maxLagBytes, Integer syncCount, boolean strictSync, Integer quorum,
                             List<Ref> monitors, ManagerSpec manager) {
    public static final Duration DEFAULT_DETECTION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

    public FailoverPolicy {
        Objects.requireNonNull(cluster, "cluster");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(facts, "facts");
        monitors = List.copyOf(monitors);
        Objects.requireNonNull(manager, "manager");
    }

    /** A policy under the native ordered-candidate semantics. */
    public FailoverPolicy(Ref cluster, List<Ref> candidates, Duration detection, Duration attemptTimeout,
                          Duration maxLag, boolean requireSync, boolean sameRegionOnly, Facts facts,
                          Long maxLagBytes, Integer syncCount, boolean strictSync, Integer quorum,
                          List<Ref> monitors) {
        this(cluster, candidates, detection, attemptTimeout, maxLag, requireSync, sameRegionOnly, facts,
                maxLagBytes, syncCount, strictSync, quorum, monitors, ManagerSpec.NATIVE);
    }

    /** A policy with none of the importer-specific settings (byte lag, sync count, quorum, monitors). */
    public FailoverPolicy(Ref cluster, List<Ref> candidates, Duration detection, Duration attemptTimeout,
                          Duration maxLag, boolean requireSync, boolean sameRegionOnly, Facts facts) {
        this(cluster, candidates, detection, attemptTimeout, maxLag, requireSync, sameRegionOnly, facts,
                null, null, false, null, List.of(), ManagerSpec.NATIVE);
    }

    public Optional<Long> maxLagBytesOpt() {
        return Optional.ofNullable(maxLagBytes);
    }

    public Optional<Integer> syncCountOpt() {
        return Optional.ofNullable(syncCount);
    }

    public Optional<Integer> quorumOpt() {
        return Optional.ofNullable(quorum);
    }

    /** This policy with other candidates and monitors (names resolved by an importer), all else equal. */
    public FailoverPolicy withRefs(Ref cluster, List<Ref> candidates, List<Ref> monitors) {
        return new FailoverPolicy(cluster, candidates, detection, attemptTimeout, maxLag, requireSync,
                sameRegionOnly, facts, maxLagBytes, syncCount, strictSync, quorum, monitors, manager);
    }

    /** This policy governed by another manager spec, all else equal. */
    public FailoverPolicy withManager(ManagerSpec spec) {
        return new FailoverPolicy(cluster, candidates, detection, attemptTimeout, maxLag, requireSync,
                sameRegionOnly, facts, maxLagBytes, syncCount, strictSync, quorum, monitors, spec);
    }

    public Optional<Duration> maxLagOpt() {
        return Optional.ofNullable(maxLag);
    }

    public SourcePosition position() {
        return cluster.position();
    }
}
