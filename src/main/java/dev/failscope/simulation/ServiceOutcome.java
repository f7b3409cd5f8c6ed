package dev.failscope.simulation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a service ends a scenario.
 *
 * @param name       the service
 * @param health     ok, degraded or down
 * @param reason     why it is not ok at the end ("needs catify-main:write"), or null
 * @param downAt     when it first went down, or null if it never did
 * @param restoredAt when it last came back from down, or null (never down, or still down)
 */
public record ServiceOutcome(String name, Health health, String reason, Duration downAt, Duration restoredAt) {
    public ServiceOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
    }

    public static ServiceOutcome ok(String name) {
        return new ServiceOutcome(name, Health.OK, null, null, null);
    }

    public Optional<String> reasonOpt() {
        return Optional.ofNullable(reason);
    }

    public Optional<Duration> downAtOpt() {
        return Optional.ofNullable(downAt);
    }

    public Optional<Duration> restoredAtOpt() {
        return Optional.ofNullable(restoredAt);
    }
}
