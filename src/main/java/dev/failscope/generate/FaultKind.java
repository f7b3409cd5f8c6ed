package dev.failscope.generate;

/** Defects {@code generate --faults} injects, in the order they are handed out. */
public enum FaultKind {
    DECOMMISSIONED_TARGET("failover points at a decommissioned server (the CatifyMe incident)"),
    MISSING_TARGET("failover points at a server declared in no inventory"),
    SAME_ZONE_CANDIDATE("the first candidate sits in the primary's zone"),
    LAGGING_CANDIDATE("the first candidate lags beyond max-lag"),
    MAINTENANCE_CANDIDATE("the first candidate is in maintenance"),
    OUTSIDE_CLUSTER_TARGET("failover names a replica of another cluster"),
    PRIMARY_AS_CANDIDATE("failover names the cluster's own primary"),
    MISSING_POLICY("a replicated cluster has no failover document"),
    PINNED_SERVICE("a service pins the primary server, bypassing failover"),
    MISSING_CLUSTER("a service depends on a cluster declared nowhere");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True when the defect needs the cluster to have a replica. */
    boolean needsReplica() {
        return this == SAME_ZONE_CANDIDATE || this == LAGGING_CANDIDATE || this == MAINTENANCE_CANDIDATE
                || this == MISSING_POLICY;
    }
}
