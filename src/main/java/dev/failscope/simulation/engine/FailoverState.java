package dev.failscope.simulation.engine;

import dev.failscope.model.Observation;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param observed   what a live source saw of the cluster's members ({@code observed:} in a snapshot), by name
 */
public record FailoverState(Duration at, Duration lostAt, String primary, Map<String, Duration> failedAt,
                            int failovers, int aliveMonitors, Map<String, Observation> observed) {
    public FailoverState {
        Objects.requireNonNull(at, "at");
        failedAt = Map.copyOf(failedAt);
        observed = Map.copyOf(observed);
    }

    public FailoverState(Duration at, Duration lostAt, String primary, Map<String, Duration> failedAt,
                         int failovers, int aliveMonitors) {
        this(at, lostAt, primary, failedAt, failovers, aliveMonitors, Map.of());
    }

    /**
     * What was observed of {@code server}, if it still describes this failover: observations were taken before
     * the scenario, so after a first promotion (new primary, new positions) none of them applies.
     */
    public Optional<Observation> observation(String server) {
        return failovers > 0 ? Optional.empty() : Optional.ofNullable(observed.get(server));
    }

    /** True when some member of the cluster has an observation that applies to this failover. */
    public boolean hasObservations() {
        return failovers == 0 && !observed.isEmpty();
    }

    public boolean failed(String server) {
        return failedAt.containsKey(server);
    }

    public Set<String> failedServers() {
        return failedAt.keySet();
    }
}
