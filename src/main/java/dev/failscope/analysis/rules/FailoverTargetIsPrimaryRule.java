package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** A candidate is the cluster's own primary, which cannot take over from itself. */
public final class FailoverTargetIsPrimaryRule extends CandidateRule {
    public FailoverTargetIsPrimaryRule() {
        super(CandidateReason.IS_PRIMARY);
    }

    @Override
    public String description() {
        return "a failover candidate is the cluster's own primary";
    }

    @Override
    String message(CandidateContext c) {
        return c.subject() + " is the cluster's own primary (" + c.issue().decidedBy().reference()
                + "): it cannot take over from itself; " + c.consequence() + "; list a replica instead";
    }
}
