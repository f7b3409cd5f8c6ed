package dev.failscope.simulation;

import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a route sends its clients from time {@code at} on, as the simulation sees it. The viewers draw it
 * (following, pinned to a dead server); the service outcome depends on it.
 *
 * @param route    the route
 * @param at       from when
 * @param kind     following the primary, pinned elsewhere, reaching nothing, waiting for its check, or unknown
 * @param server   the server clients reach (or are pinned to), or null
 * @param reason   a sentence for people: "pins db-main-1, which failed"
 * @param position the fact that decides it: the pinning target, the check, the route
 */
public record RouteState(String route, Duration at, Kind kind, String server, String reason,
                         SourcePosition position) {
    /** What a route does with its clients. */
    public enum Kind {
        /** Clients reach the cluster's primary (or, for a read route, a live member). */
        FOLLOWING,
        /** Clients are sent to a fixed server that is not the primary, or that failed. */
        PINNED,
        /** The route has nowhere to send them: the primary is not among its targets, or its check never passes. */
        NOWHERE,
        /** The route has not noticed the new primary yet (its health check must pass {@code rise} times). */
        WAITING,
        /** The configs do not tell where the route sends clients; counted as not reaching the primary. */
        UNKNOWN;

        /** {@code following}: the spelling in text and JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RouteState {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when clients reach what they need through the route. */
    public boolean reaches() {
        return kind == Kind.FOLLOWING;
    }

    public Optional<String> serverOpt() {
        return Optional.ofNullable(server);
    }

    public Optional<SourcePosition> positionOpt() {
        return Optional.ofNullable(position);
    }

    boolean sameAs(RouteState o) {
        return kind == o.kind && Objects.equals(server, o.server) && reason.equals(o.reason);
    }

    RouteState at(Duration t) {
        return new RouteState(route, t, kind, server, reason, position);
    }
}
