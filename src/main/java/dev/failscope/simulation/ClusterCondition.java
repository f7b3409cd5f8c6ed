package dev.failscope.simulation;

import java.time.Duration;

/**
 * What a cluster offers from time {@code at} on.
 *
 * @param writable a writable primary is up
 * @param readable some member is up
 * @param degraded some member failed or reads stale data, or the failover quorum is lost
 * @param blocked  the primary is up but its writes block (strict synchronous replication without a standby)
 */
record ClusterCondition(Duration at, boolean writable, boolean readable, boolean degraded, boolean blocked) {
    static final ClusterCondition HEALTHY = new ClusterCondition(Duration.ZERO, true, true, false, false);

    Health health() {
        return blocked ? Health.WRITES_BLOCKED : !writable ? Health.DOWN : degraded ? Health.DEGRADED : Health.OK;
    }

    boolean sameAs(ClusterCondition o) {
        return writable == o.writable && readable == o.readable && degraded == o.degraded && blocked == o.blocked;
    }
}
