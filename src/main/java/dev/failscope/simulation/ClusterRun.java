package dev.failscope.simulation;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Node;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.SourcePosition;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The simulation of one cluster: a small discrete-event loop over its members' failures and its failover
 * steps. It keeps its own state (current primary, current replication sources, stale replicas) and never
 * touches the topology.
 */
final class ClusterRun {
    private enum StepKind { FAIL, DETECT, NO_POLICY, ATTEMPT, TIMED_OUT }

    private record Step(Duration at, StepKind kind, String server, int candidate, long seq) {
        static final Comparator<Step> ORDER = Comparator.comparing(Step::at)
                .thenComparingInt(s -> s.kind == StepKind.FAIL ? 0 : 1)
                .thenComparingLong(Step::seq);
    }

    /** Why a candidate is not promoted at a given time. */
    private record Verdict(CandidateReason reason, String detail, SourcePosition position) {}

    private final SimulationIndex index;
    private final Cluster cluster;
    private final FailoverPolicy policy;
    private final Map<String, Failure> failures;
    private final List<SimulationEvent> events = new ArrayList<>();
    private final List<ClusterCondition> history = new ArrayList<>();
    private final PriorityQueue<Step> queue = new PriorityQueue<>(Step.ORDER);
    private final Map<String, String> source = new HashMap<>();
    private final Set<String> members = new LinkedHashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> stale = new LinkedHashSet<>();
    private long seq;
    private String primary;
    private boolean writable = true;
    private Duration lostAt;
    private Duration rto;
    private Duration rpoRisk;
    private boolean rpoUnknown;
    private int failovers;

    ClusterRun(SimulationIndex index, Cluster cluster, Map<String, Failure> failures) {
        this.index = index;
        this.cluster = cluster;
        this.policy = index.topology().policy(cluster.name()).orElse(null);
        this.failures = failures;
        this.primary = cluster.primary().name();
        members.add(primary);
        for (Replica r : cluster.replicas()) {
            members.add(r.server().name());
            source.putIfAbsent(r.server().name(), r.sourceName(primary));
        }
        source.remove(primary);
        history.add(ClusterCondition.HEALTHY);
    }

    /** Runs the loop to completion. */
    ClusterRun run() {
        for (String m : members) {
            Failure f = failures.get(m);
            if (f != null) {
                schedule(f.at(), StepKind.FAIL, m, -1);
            }
        }
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            switch (s.kind()) {
                case FAIL -> fail(s.server(), s.at());
                case DETECT -> detect(s.at());
                case NO_POLICY -> noPolicy(s.at());
                case ATTEMPT -> attempt(s.candidate(), s.at());
                case TIMED_OUT -> timedOut(s.candidate(), s.at());
            }
        }
        return this;
    }

    List<SimulationEvent> events() {
        return events;
    }

    List<ClusterCondition> history() {
        return history;
    }

    Set<String> stale() {
        return stale;
    }

    ClusterOutcome outcome() {
        ClusterCondition last = history.get(history.size() - 1);
        return new ClusterOutcome(cluster.name(), last.health(), writable ? primary : null,
                failovers > 0 ? rto : null, failovers > 0 && !rpoUnknown ? rpoRisk : null,
                writable ? null : lostAt, failovers);
    }

    private void fail(String server, Duration at) {
        failed.add(server);
        stale.remove(server);
        if (server.equals(primary) && writable) {
            writable = false;
            lostAt = at;
            emit(at, EventKind.PRIMARY_LOST, cluster.name(), cluster.name() + " loses its primary " + server
                    + ": no writable primary", primaryPosition(server), "no writable primary", server);
            if (policy == null) {
                schedule(at.plus(FailoverPolicy.DEFAULT_DETECTION), StepKind.NO_POLICY, null, -1);
            } else {
                schedule(at.plus(policy.detection()), StepKind.DETECT, null, -1);
            }
        } else if (!server.equals(primary)) {
            emit(at, EventKind.DEGRADED, cluster.name(), cluster.name() + " loses replica " + server
                    + ": redundancy reduced", replicaRef(server).map(Ref::position).orElse(cluster.position()),
                    "redundancy reduced", server);
            markStaleFollowers(server, at);
        }
        record(at);
    }

    private void noPolicy(Duration at) {
        emit(at, EventKind.OUTAGE, cluster.name(), cluster.name() + " has no failover policy (default detection "
                + Durations.format(FailoverPolicy.DEFAULT_DETECTION) + "): " + cluster.name() + " is DOWN",
                cluster.position(), "no failover policy", null);
    }

    private void detect(Duration at) {
        emit(at, EventKind.DETECTED, cluster.name(), "failover of " + cluster.name() + " starts: detection "
                + Durations.format(policy.detection()), policy.facts().orElse("detection", policy.position()),
                "detection " + Durations.format(policy.detection()), null);
        schedule(at, StepKind.ATTEMPT, null, 0);
    }

    private void attempt(int i, Duration at) {
        List<CandidateAssessment> candidates = index.assessments(policy);
        if (i >= candidates.size()) {
                String why = candidates.isEmpty() ? cluster.name() + " has no failover candidates: "
                    : "no viable candidate left: ";
            emit(at, EventKind.OUTAGE, cluster.name(), why + cluster.name() + " is DOWN",
                    policy.facts().orElse("candidates", policy.position()), "NO PRIMARY", null);
            return;
        }
        CandidateAssessment a = candidates.get(i);
        Optional<Verdict> verdict = verdict(a, at);
        if (verdict.isPresent()) {
            Verdict v = verdict.get();
            emit(at, EventKind.CANDIDATE_SKIPPED, a.candidate().name(), "skip " + a.candidate().name() + ": "
                    + v.detail(), v.position(), v.reason() == CandidateReason.FAILED ? "failed" : v.detail(), null);
            schedule(at.plus(policy.attemptTimeout()), StepKind.TIMED_OUT, a.candidate().name(), i);
        } else {
            promote(a, at);
        }
    }

    private void timedOut(int i, Duration at) {
        emit(at, EventKind.ATTEMPT_TIMED_OUT, index.assessments(policy).get(i).candidate().name(),
                "attempt on " + index.assessments(policy).get(i).candidate().name() + " timed out: attempt-timeout "
                        + Durations.format(policy.attemptTimeout()),
                policy.facts().orElse("attempt-timeout", policy.position()),
                "timed out after " + Durations.format(policy.attemptTimeout()), null);
        attempt(i + 1, at);
    }

    /** The reason the candidate cannot be promoted at {@code at}, if any: static first, then the scenario's. */
    private Optional<Verdict> verdict(CandidateAssessment a, Duration at) {
        Optional<CandidateIssue> blocker = a.blocker();
        if (blocker.isPresent()) {
            CandidateIssue b = blocker.get();
            return Optional.of(new Verdict(b.reason(), b.detail(), b.decidedBy()));
        }
        String name = a.candidate().name();
        Failure f = failures.get(name);
        if (f != null && f.at().compareTo(at) <= 0) {
            return Optional.of(new Verdict(CandidateReason.FAILED, "failed in this scenario ("
                    + f.cause().describe() + " at t+" + Durations.format(f.at()) + ")", null));
        }
        return brokenChain(name, at);
    }

    /** Follows the candidate's current sources up to the failed primary; any failed server on the way breaks it. */
    private Optional<Verdict> brokenChain(String candidate, Duration at) {
        Set<String> seen = new HashSet<>();
        String s = source.get(candidate);
        while (s != null && !s.equals(primary) && seen.add(s)) {
            if (SimulationIndex.failedBy(failures, s, at)) {
                SourcePosition pos = replicaFor(candidate).map(this::sourcePosition).orElse(cluster.position());
                return Optional.of(new Verdict(CandidateReason.SOURCE_BROKEN,
                        "its replication source chain is broken: " + s + " failed", pos));
            }
            s = source.get(s);
        }
        return Optional.empty();
    }

    private void promote(CandidateAssessment a, Duration at) {
        String old = primary;
        String next = a.candidate().name();
        Duration lost = at.minus(lostAt);
        rto = rto == null ? lost : rto.plus(lost);
        failovers++;
        Replica r = replicaFor(next).orElseThrow();
        String rpo;
        if (r.mode() == ReplicationMode.SYNC) {
            rpoRisk = rpoRisk == null ? Duration.ZERO : rpoRisk;
            rpo = "RPO risk 0s, sync";
        } else if (r.lag() != null) {
            rpoRisk = rpoRisk == null || r.lag().compareTo(rpoRisk) > 0 ? r.lag() : rpoRisk;
            rpo = "RPO risk " + Durations.format(r.lag()) + " of async lag";
        } else {
            rpoUnknown = true;
            rpo = "RPO risk unknown, async without a lag";
        }
        primary = next;
        writable = true;
        source.remove(next);
        emit(at, EventKind.PROMOTED, next, next + " promoted to primary of " + cluster.name() + ": RTO "
                + Durations.format(lost) + ", " + rpo, a.candidate().position(), "RTO " + Durations.format(lost)
                + ", " + rpo, old);
        for (Replica other : cluster.replicas()) {
            String name = other.server().name();
            if (!name.equals(next) && old.equals(source.get(name)) && !SimulationIndex.failedBy(failures, name, at)) {
                source.put(name, next);
                emit(at, EventKind.REPOINTED, name, name + " re-points from " + old + " to " + next,
                        other.server().position(), "follows " + next, next);
            }
        }
        record(at);
    }

    /** Replicas whose current source is {@code server}, and theirs in turn, become stale. */
    private void markStaleFollowers(String server, Duration at) {
        Map<String, List<Replica>> followers = new HashMap<>();
        for (Replica r : cluster.replicas()) {
            String src = source.get(r.server().name());
            if (src != null) {
                followers.computeIfAbsent(src, k -> new ArrayList<>()).add(r);
            }
        }
        Deque<String> todo = new ArrayDeque<>();
        todo.add(server);
        while (!todo.isEmpty()) {
            String src = todo.poll();
            for (Replica r : followers.getOrDefault(src, List.of())) {
                String name = r.server().name();
                if (!SimulationIndex.failedBy(failures, name, at)
                        && !name.equals(primary)
                        && stale.add(name)) {
                    String why = src.equals(server) ? "failed" : "is stale";
                    emit(at, EventKind.REPLICA_STALE, name, name + " is stale: its source " + src + " " + why,
                            sourcePosition(r), "stale", src);
                    todo.add(name);
                }
            }
        }
    }

    private void record(Duration at) {
        boolean readable = index.aliveView(failures, at).incomingEdgesOf(Node.cluster(cluster.name())).stream()
                .anyMatch(e -> e.kind() == EdgeKind.MEMBERSHIP);
        boolean degraded = !failed.isEmpty() || !stale.isEmpty();
        ClusterCondition c = new ClusterCondition(at, writable, readable, degraded);
        ClusterCondition last = history.get(history.size() - 1);
        if (last.sameAs(c)) {
            return;
        }
        if (last.at().equals(at) && history.size() > 1) {
            history.set(history.size() - 1, c);
            if (history.get(history.size() - 2).sameAs(c)) {
                history.remove(history.size() - 1);
            }
        } else {
            history.add(c);
        }
    }

    private Optional<Replica> replicaFor(String server) {
        return cluster.replica(server);
    }

    private Optional<Ref> replicaRef(String server) {
        return cluster.replica(server).map(Replica::server);
    }

    private SourcePosition sourcePosition(Replica r) {
        return r.source() != null ? r.source().position() : r.server().position();
    }

    private void emit(Duration at, EventKind kind, String subject, String reason, SourcePosition position,
                      String detail, String related) {
        events.add(new SimulationEvent(at, kind, subject, cluster.name(), reason, position, detail, related,
                health()));
    }

    /** The cluster's state now: down without a writable primary, degraded once a member failed or is stale. */
    private Health health() {
        return !writable ? Health.DOWN : failed.isEmpty() && stale.isEmpty() ? Health.OK : Health.DEGRADED;
    }

    /** Where the failed primary was named: its candidate entry if it was promoted, else the cluster's primary. */
    private SourcePosition primaryPosition(String server) {
        if (server.equals(cluster.primary().name())) {
            return cluster.primary().position();
        }
        return replicaRef(server).map(Ref::position).orElse(cluster.position());
    }

    private void schedule(Duration at, StepKind kind, String server, int candidate) {
        queue.add(new Step(at, kind, server, candidate, seq++));
    }
}
