package dev.failscope.analysis;

import dev.failscope.model.Severity;

/**
 * Why a failover candidate cannot be (or should not be) promoted. The first four are the candidate error
 * rules, checked in this order; at most one of them applies to a candidate. The rest are independent.
 * {@link #FAILED} and {@link #SOURCE_BROKEN} only arise in a simulated scenario.
 */
public enum CandidateReason {
    MISSING("failover-target-missing", Severity.ERROR, true, "not declared in any inventory"),
    DECOMMISSIONED("failover-target-decommissioned", Severity.ERROR, true, "decommissioned"),
    IS_PRIMARY("failover-target-is-primary", Severity.ERROR, true, "is the primary"),
    OUTSIDE_CLUSTER("failover-target-outside-cluster", Severity.ERROR, true, "not a replica of this cluster"),
    MAINTENANCE("failover-target-maintenance", Severity.WARNING, true, "in maintenance"),
    NO_FAILOVER("failover-target-no-failover", Severity.WARNING, true, "marked no-failover"),
    LAGGING("failover-target-lagging", Severity.WARNING, true, "lag over max-lag"),
    ASYNC("failover-target-async", Severity.WARNING, true, "async under require-sync"),
    OTHER_REGION("failover-target-other-region", Severity.WARNING, true, "other region under same-region-only"),
    SAME_ZONE("failover-target-same-zone", Severity.WARNING, false, "same failure domain as the primary"),
    FAILED(null, Severity.ERROR, true, "failed in this scenario"),
    SOURCE_BROKEN(null, Severity.ERROR, true, "its replication source chain is broken");

    private final String rule;
    private final Severity severity;
    private final boolean blocksPromotion;
    private final String label;

    CandidateReason(String rule, Severity severity, boolean blocksPromotion, String label) {
        this.rule = rule;
        this.severity = severity;
        this.blocksPromotion = blocksPromotion;
        this.label = label;
    }

    /** The rule id that reports this reason, or null for scenario-only reasons. */
    public String rule() {
        return rule;
    }

    public Severity severity() {
        return severity;
    }

    /** False only for reasons that warn but do not stop a promotion (same zone). */
    public boolean blocksPromotion() {
        return blocksPromotion;
    }

    /** Short words such as "decommissioned", for callouts. */
    public String label() {
        return label;
    }

    public boolean isError() {
        return ordinal() <= OUTSIDE_CLUSTER.ordinal();
    }
}
