package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.RuleContext;
import dev.failscope.model.Durations;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.simulation.engine.Engines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Non-viable candidates come before the first viable one, each costing an attempt-timeout. */
public final class FailoverDelayedRule extends ContextRule {
    @Override
    public String id() {
        return "failover-delayed";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "non-viable failover candidates come before the first viable one and delay failover";
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (AssessedPolicy p : AssessedPolicy.of(context)) {
            if (!Engines.of(p.policy()).serial()) {
                continue; // real managers look at every candidate at once: a dead one costs no attempt-timeout
            }
            p.firstViable().filter(v -> v.order() > 1).ifPresent(v -> findings.add(delayed(p, v)));
        }
        return findings;
    }

    private Finding delayed(AssessedPolicy p, CandidateAssessment viable) {
        List<CandidateAssessment> skipped = p.before(viable);
        Duration timeout = p.policy().attemptTimeout();
        Duration delay = timeout.multipliedBy(skipped.size());
        String name = viable.candidate().name();
        String message = "failover of cluster '" + p.cluster().name() + "' reaches its first viable candidate '"
                + name + "' only after " + Durations.format(delay) + " (" + skipped.size() + " x attempt-timeout "
                + Durations.format(timeout) + ") skipping non-viable candidates ("
                + AssessedPolicy.reasons(skipped) + "): put '" + name + "' first or remove the candidates that cannot be promoted";
        return finding(message, p.cluster().name(), name, viable.candidate().position());
    }
}
