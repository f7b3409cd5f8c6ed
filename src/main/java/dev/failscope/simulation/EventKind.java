package dev.failscope.simulation;

import java.util.Locale;

/** What happened at one point of a simulated failure. */
public enum EventKind {
    /** A server fails (the scenario says so). */
    FAILED,
    /** A cluster's writable primary fails: writes stop until a promotion. */
    PRIMARY_LOST,
    /** The failure of a cluster's primary is detected: failover starts. */
    DETECTED,
    /** A failover candidate cannot be promoted; the reason says why. */
    CANDIDATE_SKIPPED,
    /** The attempt on a skipped candidate costs its attempt-timeout. */
    ATTEMPT_TIMED_OUT,
    /** A candidate becomes the cluster's writable primary. */
    PROMOTED,
    /** A healthy replica follows the new primary. */
    REPOINTED,
    /** No candidate is viable: the cluster has no writable primary. */
    OUTAGE,
    /** A cluster loses a replica: redundancy is reduced. */
    DEGRADED,
    /** A cascading replica's source failed and it is not re-pointed: its reads are stale. */
    REPLICA_STALE,
    /** A service loses a required dependency. */
    SERVICE_DOWN,
    /** A service runs with some read paths lost or on reduced redundancy. */
    SERVICE_DEGRADED,
    /** A service that was down has all its required dependencies again. */
    SERVICE_RESTORED,
    /** A route (pooler, proxy, connection string) sends its clients to the primary again. */
    ROUTE_FOLLOWS,
    /** A route has not noticed the new primary yet: its health check must pass again. */
    ROUTE_WAITING,
    /** A route sends its clients to a server that is not the primary, or nowhere, or the configs do not say. */
    ROUTE_STUCK;

    /** {@code candidate-skipped}: the spelling used in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
