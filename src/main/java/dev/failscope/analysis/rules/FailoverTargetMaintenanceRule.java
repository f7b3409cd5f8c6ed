package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** A candidate is in maintenance, so it is not promoted. */
public final class FailoverTargetMaintenanceRule extends CandidateRule {
    public FailoverTargetMaintenanceRule() {
        super(CandidateReason.MAINTENANCE);
    }

    @Override
    public String description() {
        return "a failover candidate is in maintenance";
    }

    @Override
    String message(CandidateContext c) {
        return c.subject() + " is in maintenance (" + c.issue().decidedBy().reference() + "): "
                + c.consequence() + "; finish the maintenance or put another replica first";
    }
}
