package dev.failscope.analysis;

import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Topology;
import java.util.List;

/**
 * What one run of the rule catalogue shares: the topology and one candidate evaluation, so the dozen candidate
 * rules assess each failover policy once instead of once each. Made per run; safe to share between the threads of one run.
 */
public final class RuleContext {
    private final Topology topology;
    private final CandidateEvaluator evaluator;
    private List<FailoverPolicy> effectivePolicies;

    public RuleContext(Topology topology) {
        this.topology = topology;
        this.evaluator = new CandidateEvaluator(topology);
    }

    public Topology topology() {
        return topology;
    }

    /** The shared evaluator; it remembers each policy's assessment. */
    public CandidateEvaluator evaluator() {
        return evaluator;
    }

    /** {@link CandidateEvaluator#effectivePolicies(Topology)}, computed once. */
    public synchronized List<FailoverPolicy> effectivePolicies() {
        if (effectivePolicies == null) {
            effectivePolicies = CandidateEvaluator.effectivePolicies(topology);
        }
        return effectivePolicies;
    }
}
