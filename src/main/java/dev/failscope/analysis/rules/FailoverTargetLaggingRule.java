package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** A candidate's expected lag exceeds the policy's {@code max-lag}, so it is not promoted. */
public final class FailoverTargetLaggingRule extends CandidateRule {
    public FailoverTargetLaggingRule() {
        super(CandidateReason.LAGGING);
    }

    @Override
    public String description() {
        return "a failover candidate's lag exceeds max-lag";
    }

    @Override
    String message(CandidateContext c) {
        return c.subject() + " has " + c.issue().detail() + " (" + c.issue().decidedBy().reference() + "): "
                + c.consequence() + "; reduce its lag, raise max-lag or put a closer replica first";
    }
}
