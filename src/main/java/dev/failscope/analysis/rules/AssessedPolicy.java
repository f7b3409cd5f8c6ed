package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.RuleContext;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A policy in force for a declared cluster, with the shared verdict on each of its candidates. Policies of
 * undeclared clusters are left to {@code cluster-missing}: there is no primary to lose.
 */
record AssessedPolicy(FailoverPolicy policy, Cluster cluster, List<CandidateAssessment> candidates) {
    AssessedPolicy {
        candidates = List.copyOf(candidates);
    }

    static List<AssessedPolicy> of(RuleContext context) {
        List<AssessedPolicy> result = new ArrayList<>();
        for (FailoverPolicy policy : context.effectivePolicies()) {
            Optional<Cluster> cluster = context.topology().cluster(policy.cluster().name()); // per policy: no lambda
            if (cluster.isPresent()) {
                result.add(new AssessedPolicy(policy, cluster.get(), context.evaluator().assess(policy)));
            }
        }
        return result;
    }

    /** The first candidate that can be promoted. */
    Optional<CandidateAssessment> firstViable() {
        for (CandidateAssessment a : candidates) {
            if (a.viable()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The candidates tried, and skipped, before {@code viable}. */
    List<CandidateAssessment> before(CandidateAssessment viable) {
        return candidates.subList(0, viable.order() - 1);
    }

    /** {@code db-legacy-2: decommissioned; db-3: in maintenance}: each candidate with why it is skipped. */
    static String reasons(List<CandidateAssessment> skipped) {
        return String.join("; ", skipped.stream().map(a -> a.candidate().name() + ": "
                + a.blocker().map(i -> i.detail()).orElse("viable")).toList());
    }
}
