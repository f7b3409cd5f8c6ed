package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.FailoverPolicy;

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
    String message(FailoverPolicy policy, CandidateAssessment a, CandidateIssue issue) {
        return subject(policy, a) + " is decommissioned (" + issue.decidedBy().shortForm()
                + "): point failover at an active replica";
    }
}
