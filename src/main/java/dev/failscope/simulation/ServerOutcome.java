package dev.failscope.simulation;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server ends a scenario.
 *
 * @param name     the server
 * @param state    up, failed, or stale (alive, but its replication source chain is broken)
 * @param failedAt when it failed, or null
 */
public record ServerOutcome(String name, State state, Duration failedAt) {
    public enum State {
        UP, STALE, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ServerOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public Optional<Duration> failedAtOpt() {
        return Optional.ofNullable(failedAt);
    }
}
