package dev.failscope.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a cluster ends a scenario.
 *
 * @param name       the cluster
 * @param health     ok, degraded (lost members, stale replicas) or down (no writable primary)
 * @param primary    the writable primary at the end, or null when down
 * @param rto        time without a writable primary, summed over its failovers; null when none completed
 * @param rpoRisk    the largest lag of a promoted async replica (zero for sync); null when nothing was
 *                   promoted or the lag is unknown
 * @param downSince  when it lost its writable primary for good, or null
 * @param failovers  how many promotions happened
 * @param possiblePrimaries every member that may end as primary, sorted: one when the configs decide, several
 *                   when run time decides (WAL positions, offsets), none when down
 * @param rtoRange   the range the real manager's RTO falls in, summed over its failovers; null when none completed
 */
public record ClusterOutcome(String name, Health health, String primary, Duration rto, Duration rpoRisk,
                             Duration downSince, int failovers, List<String> possiblePrimaries, Range rtoRange) {
    public ClusterOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
        possiblePrimaries = List.copyOf(possiblePrimaries);
    }

    /** The outcome with the configs deciding: {@code [primary]}, or none when down. */
    public ClusterOutcome(String name, Health health, String primary, Duration rto, Duration rpoRisk,
                          Duration downSince, int failovers) {
        this(name, health, primary, rto, rpoRisk, downSince, failovers,
                primary == null ? List.of() : List.of(primary), rto == null ? null : new Range(rto, rto));
    }

    /** An untouched cluster. */
    public static ClusterOutcome ok(String name, String primary) {
        return new ClusterOutcome(name, Health.OK, primary, null, null, null, 0);
    }

    /** A closed time range, {@code min <= max}. */
    public record Range(Duration min, Duration max) {
        public Range {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }
    }

    public Optional<Range> rtoRangeOpt() {
        return Optional.ofNullable(rtoRange);
    }

    public Optional<String> primaryOpt() {
        return Optional.ofNullable(primary);
    }

    public Optional<Duration> rtoOpt() {
        return Optional.ofNullable(rto);
    }

    public Optional<Duration> rpoRiskOpt() {
        return Optional.ofNullable(rpoRisk);
    }

    public Optional<Duration> downSinceOpt() {
        return Optional.ofNullable(downSince);
    }
}
