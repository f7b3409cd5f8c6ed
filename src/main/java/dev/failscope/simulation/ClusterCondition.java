package dev.failscope.simulation;

import java.time.Duration;
import java.util.List;

/**
 * What a cluster offers from time {@code at} on.
 *
 * @param writable a writable primary is up
 * @param readable some member is up
 * @param degraded some member failed or reads stale data, or the failover quorum is lost
 * @param blocked  the primary is up but its writes block (strict synchronous replication without a standby)
 * @param primary  the primary (writable or blocked), or null without one
 * @param possible every server that may be that primary when run time decides (sorted, several), else
 *                 {@code [primary]}, or empty without a primary
 */
record ClusterCondition(Duration at, boolean writable, boolean readable, boolean degraded, boolean blocked,
                        String primary, List<String> possible) {
    ClusterCondition {
        possible = List.copyOf(possible);
    }

    static ClusterCondition healthy(String primary) {
        return new ClusterCondition(Duration.ZERO, true, true, false, false, primary,
                primary == null ? List.of() : List.of(primary));
    }

    Health health() {
        return blocked ? Health.WRITES_BLOCKED : !writable ? Health.DOWN : degraded ? Health.DEGRADED : Health.OK;
    }

    boolean sameAs(ClusterCondition o) {
        return writable == o.writable && readable == o.readable && degraded == o.degraded && blocked == o.blocked
                && java.util.Objects.equals(primary, o.primary) && possible.equals(o.possible);
    }
}
