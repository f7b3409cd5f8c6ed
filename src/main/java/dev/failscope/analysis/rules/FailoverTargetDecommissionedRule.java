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
        String at = " (" + c.issue().decidedBy().reference() + ")";
        boolean deletedByPlan = c.server().map(s -> "delete".equals(s.tags().get("terraform-plan"))).orElse(false);
        String what = deletedByPlan ? " is deleted by this Terraform plan" : " is decommissioned";
        return c.subject() + what + at + ": " + c.consequence() + "; point failover at an active replica";
    }
}
