package dev.failscope.live;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;

/** The findings of {@code failscope drift}: where the running cluster and the committed config disagree. */
public enum DriftRule {
    UNKNOWN_MEMBER("drift-unknown-member", Severity.ERROR,
            "The manager runs a member that the committed inventory does not declare."),
    DECOMMISSIONED_MEMBER("drift-decommissioned-member", Severity.ERROR,
            "The manager runs a member that the committed inventory calls decommissioned."),
    MISSING_MEMBER("drift-missing-member", Severity.WARNING,
            "A member of the committed cluster is not a member of the running one."),
    PRIMARY("drift-primary", Severity.WARNING,
            "The running primary is not the committed one (a failover happened, or the config is stale)."),
    NO_PRIMARY("drift-no-primary", Severity.ERROR, "The running cluster has no leader/master now."),
    NO_FAILOVER("drift-no-failover", Severity.ERROR,
            "no-failover differs: the Patroni nofailover tag or Redis replica-priority 0 is not what is committed."),
    PRIORITY("drift-priority", Severity.WARNING, "The running replica-priority is not the committed one."),
    TAG("drift-tag", Severity.WARNING, "A tag the committed inventory gives a server has another value live."),
    LAG("drift-lag", Severity.ERROR,
            "A replica lags further behind than the policy's max-lag-bytes: the manager would not promote it."),
    LAG_UNCOMPARED("drift-lag-uncompared", Severity.INFO,
            "A replica lags, and the policy limits lag only in time (max-lag): bytes cannot be compared with it."),
    UNREACHABLE("drift-unreachable", Severity.ERROR, "A member or source did not answer the snapshot."),
    CLUSTER_NOT_LIVE("drift-cluster-not-live", Severity.INFO,
            "A committed cluster was not among those the live sources reported.");

    private final String id;
    private final Severity severity;
    private final String description;

    DriftRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    Finding finding(String message, String subject, String target, SourcePosition at) {
        return new Finding(id, severity, message, subject, target, at);
    }
}
