package dev.failscope.analysis;

import dev.failscope.load.Suggestions;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why each failover candidate of one cluster is or is not promotable ({@code failscope explain}): the same
 * {@link CandidateEvaluator} call that the candidate rules, the simulator and the GUI's details panel use.
 *
 * @param cluster    the cluster as declared
 * @param policy     the failover policy in force, if any
 * @param candidates every candidate in order, with its verdict
 * @param routes     the routes clients reach the cluster through, with what the routing rules say of each
 */
public record Explanation(Cluster cluster, Optional<FailoverPolicy> policy, List<Candidate> candidates,
                          List<RouteVerdict> routes) {
    public Explanation {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(policy, "policy");
        candidates = List.copyOf(candidates);
        routes = List.copyOf(routes);
    }

    /** Without routes. */
    public Explanation(Cluster cluster, Optional<FailoverPolicy> policy, List<Candidate> candidates) {
        this(cluster, policy, candidates, List.of());
    }

    /** The verdict on one candidate. */
    public enum Verdict {
        VIABLE("viable"), VIABLE_WITH_WARNINGS("viable, with warnings"), NOT_VIABLE("not viable");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code viable}, {@code viable-with-warnings}, {@code not-viable}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One candidate: its verdict, the issues in the evaluator's order (the blocking one first), and the position
     * that decides it: the blocking fact for a candidate that is not viable, otherwise its replica entry.
     */
    public record Candidate(Ref ref, int order, Verdict verdict, List<CandidateIssue> issues,
                            SourcePosition decidedBy) {
        public Candidate {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(decidedBy, "decidedBy");
            issues = List.copyOf(issues);
        }
    }

    /** The first viable candidate in order: the one the native ordered-candidate failover promotes. */
    public Optional<Candidate> firstViable() {
        return candidates.stream().filter(c -> c.verdict() != Verdict.NOT_VIABLE).findFirst();
    }

    /** The explanation for {@code clusterName}, or why there is none (an unknown name, with a did-you-mean). */
    public static Result of(Topology topology, String clusterName) {
        Optional<Cluster> cluster = topology.cluster(clusterName);
        if (cluster.isEmpty()) {
            List<String> names = topology.clusters().stream().map(Cluster::name).sorted().toList();
            String hint = Suggestions.closest(clusterName, names).map(s -> "; did you mean '" + s + "'?")
                    .orElse(names.isEmpty() ? "; no cluster was loaded" : "; clusters: " + String.join(", ", names));
            return new Result(Optional.empty(), Optional.of("no cluster is named '" + clusterName + "'" + hint));
        }
        Cluster c = cluster.get();
        Optional<FailoverPolicy> policy = topology.policy(c.name());
        List<Candidate> candidates = new ArrayList<>();
        if (policy.isPresent()) {
            for (CandidateAssessment a : new CandidateEvaluator(topology).assess(policy.get())) {
                candidates.add(candidate(c, a));
            }
        }
        List<RouteVerdict> routes = topology.routes().isEmpty() ? List.of()
                : RouteVerdict.of(topology, c.name(), routeFindings(topology));
        return new Result(Optional.of(new Explanation(c, policy, candidates, routes)), Optional.empty());
    }

    /** The findings of the routing rules of the standard catalogue. */
    private static List<dev.failscope.model.Finding> routeFindings(Topology topology) {
        List<dev.failscope.model.Finding> out = new ArrayList<>();
        RuleCatalog.standard().rules().stream().filter(r -> r.id().startsWith("route-"))
                .forEach(r -> out.addAll(r.check(topology)));
        return out;
    }

    private static Candidate candidate(Cluster c, CandidateAssessment a) {
        Optional<CandidateIssue> blocker = a.blocker();
        if (blocker.isPresent()) {
            return new Candidate(a.candidate(), a.order(), Verdict.NOT_VIABLE, a.issues(), blocker.get().decidedBy());
        }
        SourcePosition replicaEntry = c.replica(a.candidate().name()).map(r -> r.server().position())
                .orElse(a.candidate().position());
        return new Candidate(a.candidate(), a.order(), a.issues().isEmpty() ? Verdict.VIABLE
                : Verdict.VIABLE_WITH_WARNINGS, a.issues(), replicaEntry);
    }

    /** An explanation, or the message saying why there is none. */
    public record Result(Optional<Explanation> explanation, Optional<String> problem) {
    }
}
