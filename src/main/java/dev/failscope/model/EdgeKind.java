package dev.failscope.model;

/** The typed relations of a topology graph. */
public enum EdgeKind {
    /** source server to replica server. */
    REPLICATION,
    /** cluster to failover candidate, carrying its order. */
    FAILOVER,
    /** server to the cluster it is a member of. */
    MEMBERSHIP,
    /** service to the cluster or server it depends on. */
    DEPENDENCY,
    /**
     * the client path: service to the route it goes through, route to each target (a server, a cluster, or a route
     * it forwards to), carrying the target's 1-based order.
     */
    ROUTING
}
