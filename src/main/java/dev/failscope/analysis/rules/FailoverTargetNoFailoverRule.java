package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** A candidate is marked {@code no-failover: true}, so it is never promoted. */
public final class FailoverTargetNoFailoverRule extends CandidateRule {
    public FailoverTargetNoFailoverRule() {
        super(CandidateReason.NO_FAILOVER);
    }

    @Override
    public String description() {
        return "a failover candidate is marked no-failover";
    }

    @Override
    String message(CandidateContext c) {
        return c.subject() + " is marked no-failover (" + c.issue().decidedBy().reference() + "): "
                + c.consequence() + "; remove it from the candidates or clear the flag";
    }
}
