package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Server;

/** {@code same-region-only} is set and a candidate is in another region than the primary. */
public final class FailoverTargetOtherRegionRule extends CandidateRule {
    public FailoverTargetOtherRegionRule() {
        super(CandidateReason.OTHER_REGION);
    }

    @Override
    public String description() {
        return "same-region-only is set and a failover candidate is in another region";
    }

    @Override
    String message(CandidateContext c) {
        String region = c.server().map(Server::region).orElse("?");
        String primaryRegion = c.primary().map(Server::region).orElse("?");
        return c.subject() + " is in region " + region + " but primary '" + c.primaryName().orElse("?")
                + "' is in " + primaryRegion + " and the policy sets same-region-only: " + c.consequence()
                + "; list a replica in " + primaryRegion + " or drop same-region-only";
    }
}
