package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** A candidate's inventory status is decommissioned. */
public final class FailoverTargetDecommissionedRule extends CandidateRule {
    public FailoverTargetDecommissionedRule() {
        super(CandidateReason.DECOMMISSIONED);
    }

    @Override
    public String description() {
        return "a failover candidate is decommissioned";
    }

    @Override
    String message(CandidateContext c) {
        String declared = " (" + c.issue().decidedBy().shortForm() + ")";
        return c.subject() + " is decommissioned" + declared + ": " + c.consequence()
                + "; point failover at an active replica";
    }
}
