package dev.failscope.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a service ends a scenario.
 *
 * @param name      the service
 * @param health    ok, degraded or down
 * @param reason    why it is not ok at the end ("needs catify-main:write"), or null
 * @param downtimes every period it was down, in time order; the last one is open when it is still down
 */
public record ServiceOutcome(String name, Health health, String reason, List<Downtime> downtimes) {
    /** One period without a required dependency; {@code to} is null when it never came back. */
    public record Downtime(Duration from, Duration to) {
        public Downtime {
            Objects.requireNonNull(from, "from");
        }

        public Optional<Duration> toOpt() {
            return Optional.ofNullable(to);
        }
    }

    public ServiceOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
        downtimes = List.copyOf(downtimes);
    }

    public static ServiceOutcome ok(String name) {
        return new ServiceOutcome(name, Health.OK, null, List.of());
    }

    public Optional<String> reasonOpt() {
        return Optional.ofNullable(reason);
    }

    /** When it first went down, or null if it never did. */
    public Duration downAt() {
        return downtimes.isEmpty() ? null : downtimes.get(0).from();
    }

    public Optional<Duration> downAtOpt() {
        return Optional.ofNullable(downAt());
    }

    /** When it last came back from down, or null (never down, or still down). */
    public Duration restoredAt() {
        return downtimes.isEmpty() ? null : downtimes.get(downtimes.size() - 1).to();
    }

    public Optional<Duration> restoredAtOpt() {
        return Optional.ofNullable(restoredAt());
    }
}
