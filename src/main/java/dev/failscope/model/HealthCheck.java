package dev.failscope.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How a proxy decides that a backend is up.
 *
 * @param method   "http" or "tcp" (or the proxy's own word: "mysql", "pgsql")
 * @param path     the HTTP path checked ({@code /primary}, {@code /replica}), or null
 * @param port     the port checked when it differs from the backend's (Patroni's REST port), or null
 * @param interval time between checks
 * @param fall     consecutive failed checks before a backend is marked down
 * @param rise     consecutive passed checks before a backend is marked up
 * @param position where the check was written
 */
public record HealthCheck(String method, String path, Integer port, Duration interval, int fall, int rise,
                          SourcePosition position) {
    public HealthCheck {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(position, "position");
        if (fall < 1 || rise < 1) {
            throw new IllegalArgumentException("fall and rise must be at least 1");
        }
    }

    /** Time from a backend's change to the proxy acting on it: {@code interval × rise} for a new primary. */
    public Duration timeToMarkUp() {
        return interval.multipliedBy(rise);
    }

    /** Time from a backend's failure to the proxy marking it down: {@code interval × fall}. */
    public Duration timeToMarkDown() {
        return interval.multipliedBy(fall);
    }
}
