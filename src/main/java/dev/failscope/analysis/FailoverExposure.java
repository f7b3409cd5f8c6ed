package dev.failscope.analysis;

import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Clusters whose primary cannot fail over, from the shared candidate evaluation: no failover policy, or no
 * viable candidate in it. (The {@code no-viable-failover} rule reports the second case; a cluster without
 * a policy is reported by {@code no-failover-policy} when it has replicas.) Monitoring and the audit use it.
 */
public record FailoverExposure(List<String> clustersWithoutViableFailover) {
    public FailoverExposure {
        clustersWithoutViableFailover = List.copyOf(clustersWithoutViableFailover);
    }

    public static FailoverExposure of(Topology topology) {
        CandidateEvaluator evaluator = new CandidateEvaluator(topology);
        Set<String> clusters = new TreeSet<>();
        for (Cluster c : topology.clusters()) {
            Optional<FailoverPolicy> policy = topology.policy(c.name());
            boolean viable = policy.isPresent()
                    && evaluator.assess(policy.get()).stream().anyMatch(CandidateAssessment::viable);
            if (!viable) {
                clusters.add(c.name());
            }
        }
        return new FailoverExposure(List.copyOf(clusters));
    }
}
