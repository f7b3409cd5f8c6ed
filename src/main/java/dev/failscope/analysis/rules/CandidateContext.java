package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Server;
import dev.failscope.model.Topology;
import java.util.List;
import java.util.Optional;

/**
 * Everything a per-candidate rule may name in its message: the topology, the policy, every assessment of the
 * policy (to tell whether anything else could be promoted), the candidate and its issue.
 */
record CandidateContext(Topology topology, FailoverPolicy policy, List<CandidateAssessment> all,
                        CandidateAssessment candidate, CandidateIssue issue) {

    /** {@code failover candidate 'x' of cluster 'c'}. */
    String subject() {
        return "failover candidate '" + candidate.candidate().name() + "' of cluster '" + clusterName() + "'";
    }

    String name() {
        return candidate.candidate().name();
    }

    String clusterName() {
        return policy.cluster().name();
    }

    /** The candidate's server declaration (first one). */
    Optional<Server> server() {
        return topology.server(name());
    }

    Optional<Cluster> cluster() {
        return topology.cluster(clusterName());
    }

    /** The primary's name, when the cluster is declared. */
    Optional<String> primaryName() {
        return cluster().map(c -> c.primary().name());
    }

    Optional<Server> primary() {
        return primaryName().flatMap(topology::server);
    }

    /** True when some candidate of the policy can be promoted. */
    boolean anyViable() {
        return all.stream().anyMatch(CandidateAssessment::viable);
    }

    /**
     * What skipping this candidate costs: "losing primary 'p' would promote nothing" when nothing else is
     * viable, otherwise "failover skips it after attempt-timeout 60s".
     */
    String consequence() {
        if (!anyViable() && primaryName().isPresent()) {
            return "losing primary '" + primaryName().get() + "' would promote nothing";
        }
        return "failover skips it after attempt-timeout "
                + dev.failscope.model.Durations.format(policy.attemptTimeout());
    }
}
