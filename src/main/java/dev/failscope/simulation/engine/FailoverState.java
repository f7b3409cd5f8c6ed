package dev.failscope.simulation.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a failover knows about the scenario when it starts.
 *
 * @param at         now
 * @param lostAt     when the primary was lost
 * @param primary    the lost primary
 * @param failedAt   every failed member of the cluster (and monitor) with the time it failed, up to now
 * @param failovers  promotions that already happened in this scenario
 * @param aliveMonitors monitors (sentinels, DCS members) still up
 */
public record FailoverState(Duration at, Duration lostAt, String primary, Map<String, Duration> failedAt,
                            int failovers, int aliveMonitors) {
    public FailoverState {
        Objects.requireNonNull(at, "at");
        failedAt = Map.copyOf(failedAt);
    }

    public boolean failed(String server) {
        return failedAt.containsKey(server);
    }

    public Set<String> failedServers() {
        return failedAt.keySet();
    }
}
