package dev.failscope.live;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait and with which secrets.
 *
 * @param connectTimeout per connection
 * @param readTimeout    per request (an answer that takes longer is an unreachable member)
 * @param deadline       the whole snapshot: past it, every source not yet read is unreachable
 * @param credentials    secrets, never printed
 * @param clock          the time written into the snapshot (fixed in tests)
 */
public record LiveOptions(Duration connectTimeout, Duration readTimeout, Duration deadline, Credentials credentials,
                          Clock clock) {
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ = Duration.ofSeconds(3);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    public LiveOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static LiveOptions defaults() {
        return new LiveOptions(DEFAULT_CONNECT, DEFAULT_READ, DEFAULT_DEADLINE, Credentials.NONE, Clock.systemUTC());
    }

    public LiveOptions withCredentials(Credentials c) {
        return new LiveOptions(connectTimeout, readTimeout, deadline, c, clock);
    }

    public LiveOptions withClock(Clock c) {
        return new LiveOptions(connectTimeout, readTimeout, deadline, credentials, c);
    }
}
