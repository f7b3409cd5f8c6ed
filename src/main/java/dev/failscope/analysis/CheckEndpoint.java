package dev.failscope.analysis;

import dev.failscope.model.HealthCheck;
import java.util.Locale;

/**
 * What a route's health check lets through, by Patroni's REST API health endpoints (GET returns 200 only when
 * the node is in that role, 503 otherwise): {@code /}, {@code /primary}, {@code /read-write} (and the older
 * {@code /master}) pass on the primary holding the leader lock; {@code /leader} on the lock holder (a standby
 * leader too); {@code /standby-leader} on a standby cluster's leader; {@code /replica} on a running replica
 * without {@code noloadbalance}; {@code /read-only} on the primary or a replica; {@code /sync} ({@code
 * /synchronous}) on a synchronous standby; {@code /async} ({@code /asynchronous}) on an asynchronous one;
 * {@code /health} whenever PostgreSQL is running.
 */
public enum CheckEndpoint {
    /** Passes on the primary only. */
    PRIMARY(true, false),
    /** Passes on the leader-lock holder: the primary (or a standby cluster's leader). */
    LEADER(true, false),
    /** Passes on a standby cluster's leader only: never on a primary. */
    STANDBY_LEADER(false, false),
    /** Passes on replicas only. */
    REPLICA(false, true),
    /** Passes on synchronous standbys only. */
    SYNC(false, true),
    /** Passes on asynchronous standbys only. */
    ASYNC(false, true),
    /** Passes on the primary and on replicas. */
    READ_ONLY(true, true),
    /** Passes whenever PostgreSQL runs: any member. */
    HEALTH(true, true),
    /** A TCP connect (or a protocol check on the database port): passes on any member that accepts connections. */
    CONNECT(true, true),
    /** An HTTP path Failscope does not know: what passes is unknown. */
    UNKNOWN(false, false);

    private final boolean primary;
    private final boolean replicas;

    CheckEndpoint(boolean primary, boolean replicas) {
        this.primary = primary;
        this.replicas = replicas;
    }

    /** True when the check passes on the primary. */
    public boolean passesOnPrimary() {
        return primary;
    }

    /** True when the check passes on replicas too. */
    public boolean passesOnReplicas() {
        return replicas;
    }

    /** True when only the primary passes: the check alone picks the new primary after a failover. */
    public boolean primaryOnly() {
        return primary && !replicas;
    }

    /** The endpoint of {@code check}: its HTTP path, or {@link #CONNECT} for a check without one. */
    public static CheckEndpoint of(HealthCheck check) {
        if (!isHttp(check)) {
            return CONNECT;
        }
        if (check.path() == null) {
            return PRIMARY; // HAProxy's httpchk without a URI asks for "/", which Patroni answers as /primary
        }
        String path = check.path().trim();
        int q = path.indexOf('?');
        path = (q >= 0 ? path.substring(0, q) : path).toLowerCase(Locale.ROOT);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return switch (path) {
            case "/", "/primary", "/read-write", "/master" -> PRIMARY;
            case "/leader" -> LEADER;
            case "/standby-leader", "/standby_leader" -> STANDBY_LEADER;
            case "/replica" -> REPLICA;
            case "/read-only" -> READ_ONLY;
            case "/sync", "/synchronous" -> SYNC;
            case "/async", "/asynchronous" -> ASYNC;
            case "/health", "/liveness", "/readiness" -> HEALTH;
            default -> UNKNOWN;
        };
    }

    /** True for an HTTP check ({@code option httpchk}). */
    public static boolean isHttp(HealthCheck check) {
        String m = check.method().toLowerCase(Locale.ROOT);
        return m.equals("http") || m.equals("https") || m.equals("httpchk");
    }

    /** Ports PostgreSQL, MySQL, Redis and the poolers listen on by default: none of them answers HTTP. */
    private static final java.util.Set<Integer> DATABASE_PORTS = java.util.Set.of(5432, 6432, 3306, 6379, 9999,
            6033);

    /**
     * True when an HTTP check goes to a database port rather than a REST API (Patroni's, 8008 by default): no
     * {@code port} written (HAProxy then checks the server's own port), a default database port, or the port of a
     * target as written ({@code 10.0.0.1:5432}). Such a check never passes.
     */
    public static boolean onDatabasePort(dev.failscope.model.Route route, HealthCheck check) {
        if (!isHttp(check)) {
            return false;
        }
        if (check.port() == null) {
            return true;
        }
        if (DATABASE_PORTS.contains(check.port())) {
            return true;
        }
        String suffix = ":" + check.port();
        return route.targets().stream().anyMatch(t -> t.written().name().endsWith(suffix));
    }

    /** The path as written, for messages: {@code GET /replica}, or the method for a check without a path. */
    public static String describe(HealthCheck check) {
        return isHttp(check) ? "GET " + (check.path() == null ? "/" : check.path()) : check.method() + " check";
    }
}
