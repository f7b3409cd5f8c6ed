package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Server;

/** A candidate shares the primary's zone or host: one outage can take both down. */
public final class FailoverTargetSameZoneRule extends CandidateRule {
    public FailoverTargetSameZoneRule() {
        super(CandidateReason.SAME_ZONE);
    }

    @Override
    public String description() {
        return "a failover candidate shares the primary's zone or host";
    }

    @Override
    String message(CandidateContext c) {
        // The evaluator reports this reason only when both servers are declared.
        Server candidate = c.server().orElseThrow();
        Server primary = c.primary().orElseThrow();
        boolean zone = candidate.zone() != null && candidate.zone().equals(primary.zone());
        String domain = zone ? "zone" : "host";
        return c.subject() + " is in the same " + domain + " '" + (zone ? candidate.zone() : candidate.host())
                + "' as primary '" + primary.name() + "': one " + domain
                + " outage takes both down; prefer a replica in another zone";
    }
}
