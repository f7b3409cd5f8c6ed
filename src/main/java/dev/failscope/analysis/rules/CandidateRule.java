package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.analysis.CandidateReason;
import dev.failscope.analysis.RuleContext;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Base of the per-candidate rules: each reports one {@link CandidateReason} of the shared evaluation, at the
 * candidate's own scalar, with subject the cluster and target the candidate. Subclasses only word the message.
 */
abstract class CandidateRule extends ContextRule {
    private final CandidateReason reason;

    CandidateRule(CandidateReason reason) {
        this.reason = reason;
    }

    @Override
    public final String id() {
        return reason.rule();
    }

    @Override
    public final Severity severity() {
        return reason.severity();
    }

    @Override
    public final List<Finding> check(RuleContext context) {
        Topology topology = context.topology();
        List<Finding> findings = new ArrayList<>();
        for (FailoverPolicy policy : context.effectivePolicies()) {
            List<CandidateAssessment> all = context.evaluator().assess(policy);
            for (int i = 0; i < all.size(); i++) { // run per rule, policy and candidate: no iterator, no lambda
                CandidateAssessment a = all.get(i);
                Optional<CandidateIssue> issue = a.issue(reason);
                if (issue.isPresent()) {
                    findings.add(finding(message(new CandidateContext(topology, policy, all, a, issue.get())),
                            policy.cluster().name(), a.candidate().name(), a.candidate().position()));
                }
            }
        }
        return findings;
    }

    /** The message for one candidate with this issue. */
    abstract String message(CandidateContext c);
}
