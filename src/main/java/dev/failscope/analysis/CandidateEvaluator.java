package dev.failscope.analysis;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import dev.failscope.simulation.engine.Engines;
import dev.failscope.simulation.engine.Exclusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for each candidate of a failover policy, whether it is viable and why not. The candidate rules,
 * the simulator and the GUI's details panel all use this one evaluation, so they never disagree.
 */
public final class CandidateEvaluator {
    private final Topology topology;
    /** Each policy's assessment, by identity; several rules may ask at once (the catalogue runs them in parallel). */
    private final Map<Identity, List<CandidateAssessment>> assessed;

    public CandidateEvaluator(Topology topology) {
        this.topology = topology;
        // sized for every policy: growing a concurrent map copies it
        this.assessed = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, topology.policies().size()));
    }

    /** Every candidate of the policy, in order. */
    public List<CandidateAssessment> assess(FailoverPolicy policy) {
        Identity key = new Identity(policy);
        // asked by every candidate rule for every policy: a hit makes no lambda (C1 allocates each one)
        List<CandidateAssessment> known = assessed.get(key);
        return known != null ? known : assessed.computeIfAbsent(key, k -> compute(policy));
    }

    /** A policy compared by identity: two equal records written twice are still two policies. */
    private record Identity(FailoverPolicy policy) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.policy == policy;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(policy);
        }
    }

    private List<CandidateAssessment> compute(FailoverPolicy policy) {
        Optional<Cluster> cluster = topology.cluster(policy.cluster().name());
        List<CandidateAssessment> result = new ArrayList<>();
        int order = 1;
        for (Ref candidate : policy.candidates()) {
            result.add(new CandidateAssessment(candidate, order++, issues(policy, cluster, candidate)));
        }
        return result;
    }

    /** The policies that are in force: the first one written for each cluster. */
    public static List<FailoverPolicy> effectivePolicies(Topology topology) {
        return topology.policies().stream()
                .filter(p -> topology.policy(p.cluster().name()).orElse(null) == p)
                .toList();
    }

    private List<CandidateIssue> issues(FailoverPolicy policy, Optional<Cluster> cluster, Ref candidate) {
        List<CandidateIssue> issues = new ArrayList<>();
        Optional<Server> server = topology.server(candidate.name());
        if (server.isEmpty()) {
            issues.add(new CandidateIssue(CandidateReason.MISSING, "not declared in any inventory",
                    candidate.position()));
            return issues;
        }
        Server s = server.get();
        if (s.status() == ServerStatus.DECOMMISSIONED) {
            issues.add(new CandidateIssue(CandidateReason.DECOMMISSIONED, "decommissioned", s.statusPosition()));
            return issues;
        }
        if (cluster.isEmpty()) {
            return issues;
        }
        Cluster c = cluster.get();
        if (c.primary().name().equals(s.name())) {
            issues.add(new CandidateIssue(CandidateReason.IS_PRIMARY, "is the primary of " + c.name(),
                    c.primary().position()));
            return issues;
        }
        Optional<Replica> replica = c.replica(s.name());
        if (replica.isEmpty()) {
            String elsewhere = topology.clustersOf(s.name()).stream().map(Cluster::name).findFirst()
                    .map(n -> " (it belongs to " + n + ")").orElse("");
            issues.add(new CandidateIssue(CandidateReason.OUTSIDE_CLUSTER,
                    "not a replica of " + c.name() + elsewhere, c.position()));
            return issues;
        }
        warnings(policy, c, s, replica.get(), issues);
        return issues;
    }

    private void warnings(FailoverPolicy policy, Cluster c, Server s, Replica r, List<CandidateIssue> issues) {
        if (s.status() == ServerStatus.MAINTENANCE) {
            issues.add(new CandidateIssue(CandidateReason.MAINTENANCE, "in maintenance", s.statusPosition()));
        }
        if (s.noFailover()) {
            issues.add(new CandidateIssue(CandidateReason.NO_FAILOVER, "marked no-failover",
                    s.facts().orElse("no-failover", s.position())));
        } else {
            for (Exclusion e : Engines.of(policy).exclusions(topology, policy, c, s.name())) {
                issues.add(new CandidateIssue(CandidateReason.NO_FAILOVER, e.detail(), e.at()));
            }
        }
        if (policy.maxLag() != null && r.lag() != null && r.lag().compareTo(policy.maxLag()) > 0) {
            issues.add(new CandidateIssue(CandidateReason.LAGGING, "lag " + Durations.format(r.lag())
                    + " > max-lag " + Durations.format(policy.maxLag()), r.facts().orElse("lag", r.server().position())));
        }
        if (policy.requireSync() && r.mode() == ReplicationMode.ASYNC) {
            issues.add(new CandidateIssue(CandidateReason.ASYNC, "async, but require-sync is set",
                    r.facts().orElse("mode", r.server().position())));
        }
        Optional<Server> primary = topology.server(c.primary().name());
        if (policy.sameRegionOnly() && primary.isPresent() && s.region() != null && primary.get().region() != null
                && !s.region().equals(primary.get().region())) {
            issues.add(new CandidateIssue(CandidateReason.OTHER_REGION, "in region " + s.region()
                    + ", primary in " + primary.get().region() + " (same-region-only)",
                    s.facts().orElse("region", s.position())));
        }
        if (primary.isPresent()) {
            Server p = primary.get();
            if (s.zone() != null && Objects.equals(s.zone(), p.zone())) {
                issues.add(new CandidateIssue(CandidateReason.SAME_ZONE, "same zone " + s.zone() + " as primary "
                        + p.name(), s.facts().orElse("zone", s.position())));
            } else if (s.host() != null && Objects.equals(s.host(), p.host())) {
                issues.add(new CandidateIssue(CandidateReason.SAME_ZONE, "same host " + s.host() + " as primary "
                        + p.name(), s.facts().orElse("host", s.position())));
            }
        }
    }
}
