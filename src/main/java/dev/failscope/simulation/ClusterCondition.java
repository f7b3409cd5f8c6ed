package dev.failscope.simulation;

import java.time.Duration;

/**
 * What a cluster offers from time {@code at} on.
 *
 * @param writable a writable primary is up
 * @param readable some member is up
 * @param degraded some member failed or reads stale data
 */
record ClusterCondition(Duration at, boolean writable, boolean readable, boolean degraded) {
    static final ClusterCondition HEALTHY = new ClusterCondition(Duration.ZERO, true, true, false);

    Health health() {
        return !writable ? Health.DOWN : degraded ? Health.DEGRADED : Health.OK;
    }

    boolean sameAs(ClusterCondition o) {
        return writable == o.writable && readable == o.readable && degraded == o.degraded;
    }
}
