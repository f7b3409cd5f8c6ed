package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** {@code require-sync} is set and a candidate replicates asynchronously, so it is not promoted. */
public final class FailoverTargetAsyncRule extends CandidateRule {
    public FailoverTargetAsyncRule() {
        super(CandidateReason.ASYNC);
    }

    @Override
    public String description() {
        return "require-sync is set and a failover candidate is async";
    }

    @Override
    String message(CandidateContext c) {
        return c.subject() + " is async but the policy sets require-sync: " + c.consequence()
                + "; make it a sync replica or list a sync one";
    }
}
