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
 */
public record FailoverPolicy(Ref cluster, List<Ref> candidates, Duration detection, Duration attemptTimeout,
                             Duration maxLag, boolean requireSync, boolean sameRegionOnly, Facts facts) {
    public static final Duration DEFAULT_DETECTION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

    public FailoverPolicy {
        Objects.requireNonNull(cluster, "cluster");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(facts, "facts");
    }

    public Optional<Duration> maxLagOpt() {
        return Optional.ofNullable(maxLag);
    }

    public SourcePosition position() {
        return cluster.position();
    }
}
