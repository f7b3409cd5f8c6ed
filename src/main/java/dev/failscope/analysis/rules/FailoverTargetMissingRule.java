package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;

/** A candidate is declared in no inventory: the CatifyMe incident. */
public final class FailoverTargetMissingRule extends CandidateRule {
    public FailoverTargetMissingRule() {
        super(CandidateReason.MISSING);
    }

    @Override
    public String description() {
        return "a failover candidate is declared in no inventory";
    }

    @Override
    String message(CandidateContext c) {
        return c.subject() + " is declared in no inventory: failover would go to a server that does not "
                + "exist; fix the name or declare the server";
    }
}
