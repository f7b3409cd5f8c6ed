package dev.failscope.analysis;

import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where losing one thing is an outage, from the shared candidate evaluation (no scenario): clusters whose
 * primary cannot fail over, and the servers that are single points of failure. The monitoring metrics and
 * the audit table use it.
 *
 * <p>A cluster has no viable failover when it has no failover policy or none of its candidates is viable.
 * A single point of failure is a server whose loss alone takes something down: the primary of a cluster
 * without viable failover, or a server a service depends on directly (pinned).
 */
public record FailoverExposure(List<String> clustersWithoutViableFailover, List<String> singlePointsOfFailure) {
    public FailoverExposure {
        clustersWithoutViableFailover = List.copyOf(clustersWithoutViableFailover);
        singlePointsOfFailure = List.copyOf(singlePointsOfFailure);
    }

    public static FailoverExposure of(Topology topology) {
        CandidateEvaluator evaluator = new CandidateEvaluator(topology);
        Set<String> clusters = new TreeSet<>();
        Set<String> spofs = new TreeSet<>();
        for (Cluster c : topology.clusters()) {
            if (topology.cluster(c.name()).orElse(null) != c) {
                continue;
            }
            Optional<FailoverPolicy> policy = topology.policy(c.name());
            boolean viable = policy.isPresent()
                    && evaluator.assess(policy.get()).stream().anyMatch(CandidateAssessment::viable);
            if (!viable) {
                clusters.add(c.name());
                spofs.add(c.primary().name());
            }
        }
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                if (d.kind() == Dependency.Kind.SERVER) {
                    spofs.add(d.target().name());
                }
            }
        }
        return new FailoverExposure(List.copyOf(clusters), List.copyOf(spofs));
    }
}
