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
import dev.failscope.simulation.engine.Block;
import dev.failscope.simulation.engine.Engines;
import dev.failscope.simulation.engine.FailoverEngine;
import dev.failscope.simulation.engine.Selection;
import dev.failscope.simulation.engine.Timing;
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
    private enum StepKind { FAIL, MONITOR_FAIL, DETECT, NO_POLICY, ATTEMPT, TIMED_OUT, PROMOTE, DEMOTE }

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
    private final FailoverEngine engine;
    private final Set<String> monitors = new LinkedHashSet<>();
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
    private boolean degradedByQuorum;
    private boolean splitNone;
    private Block pendingDemotion;
    private boolean blocked;
    private boolean quorumLost;
    private List<String> possible = List.of();
    private Selection pending;
    private Timing pendingTiming;
    private Duration rtoMin;
    private Duration rtoMax;

    ClusterRun(SimulationIndex index, Cluster cluster, Map<String, Failure> failures) {
        this.index = index;
        this.cluster = cluster;
        this.policy = index.topology().policy(cluster.name()).orElse(null);
        this.failures = failures;
        this.engine = policy == null ? Engines.of(dev.failscope.model.ManagerKind.NATIVE) : Engines.of(policy);
        this.primary = cluster.primary().name();
        members.add(primary);
        for (Replica r : cluster.replicas()) {
            members.add(r.server().name());
            source.putIfAbsent(r.server().name(), r.sourceName(primary));
        }
        source.remove(primary);
        if (policy != null) {
            policy.monitors().stream().map(Ref::name).forEach(monitors::add);
        }
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
        for (String m : monitors) {
            Failure f = failures.get(m);
            if (f != null) {
                schedule(f.at(), StepKind.MONITOR_FAIL, m, -1);
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
                case MONITOR_FAIL -> monitorFailed(s.server(), s.at());
                case PROMOTE -> promoteSelected(s.at());
                case DEMOTE -> demote(s.server(), s.at());
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
        boolean split = possible.size() > 1;
        List<String> possibleNow = blocked ? List.of(primary) : splitNone ? possible.stream().sorted().toList()
                : !writable ? List.of()
                : split ? possible.stream().sorted().toList() : List.of(primary);
        ClusterOutcome.Range range = failovers > 0 ? new ClusterOutcome.Range(rtoMin, rtoMax) : null;
        return new ClusterOutcome(cluster.name(), last.health(), (writable || blocked) && !split ? primary : null,
                failovers > 0 ? rto : null, failovers > 0 && !rpoUnknown ? rpoRisk : null,
                writable ? null : lostAt, failovers, possibleNow, range);
    }

    private void fail(String server, Duration at) {
        failed.add(server);
        stale.remove(server);
        if (possible.size() > 1 && possible.contains(server) && (writable || blocked)) {
            primary = server; // a split verdict counts as its worst possibility: this one won
            possible = List.of(server);
        }
        if (server.equals(primary) && blocked) {
            blocked = false;
            emit(at, EventKind.PRIMARY_LOST, cluster.name(), cluster.name() + " loses its primary " + server
                    + " (writes were blocked already)", primaryPosition(server), "no writable primary", server);
            if (policy != null) {
                schedule(at.plus(engine.timing(policy, state(at)).detection()), StepKind.DETECT, null, -1);
            }
        } else if (server.equals(primary) && writable) {
            writable = false;
            lostAt = at;
            emit(at, EventKind.PRIMARY_LOST, cluster.name(), cluster.name() + " loses its primary " + server
                    + ": no writable primary", primaryPosition(server), "no writable primary", server);
            if (policy == null) {
                schedule(at.plus(FailoverPolicy.DEFAULT_DETECTION), StepKind.NO_POLICY, null, -1);
            } else {
                schedule(at.plus(engine.timing(policy, state(at)).detection()), StepKind.DETECT, null, -1);
            }
        } else if (!server.equals(primary)) {
            emit(at, EventKind.DEGRADED, cluster.name(), cluster.name() + " loses replica " + server
                    + ": redundancy reduced", replicaRef(server).map(Ref::position).orElse(cluster.position()),
                    "redundancy reduced", server);
            markStaleFollowers(server, at);
            checkWritesBlocked(at);
        }
        record(at);
    }

    private void noPolicy(Duration at) {
        emit(at, EventKind.OUTAGE, cluster.name(), cluster.name() + " has no failover policy (default detection "
                + Durations.format(FailoverPolicy.DEFAULT_DETECTION) + "): " + cluster.name() + " is DOWN",
                cluster.position(), "no failover policy", null);
    }

    private void detect(Duration at) {
        if (!engine.serial()) {
            new OnePassFailover(this).start(at);
            return;
        }
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
            // The manager tries the candidate and waits out its attempt-timeout (the next event): the sentence
            // says it is attempted and cannot succeed, not that it is skipped.
            emit(at, EventKind.CANDIDATE_SKIPPED, a.candidate().name(), "attempt on " + a.candidate().name() + ": "
                    + v.detail() + ", cannot be promoted", v.position(), v.reason() == CandidateReason.FAILED ? "failed" : v.detail(), null);
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
        return engine.needsUnbrokenChain() ? brokenChain(name, at) : Optional.empty();
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
        Duration lost = at.minus(lostAt);
        promote(List.of(a.candidate().name()), a.candidate().position(), at, "", lost, lost);
    }

    /**
     * Promotes {@code winners.get(0)}, standing for every possible winner (a split verdict when several): the
     * RPO is the worst of them, the event names them all.
     */
    void promote(List<String> winners, SourcePosition position, Duration at, String why, Duration min,
                 Duration max) {
        String old = primary;
        String next = winners.get(0);
        Duration lost = at.minus(lostAt);
        rto = rto == null ? lost : rto.plus(lost);
        rtoMin = rtoMin == null ? min : rtoMin.plus(min);
        rtoMax = rtoMax == null ? max : rtoMax.plus(max);
        failovers++;
        String rpo = rpo(winners);
        primary = next;
        splitNone = false;
        possible = List.copyOf(winners);
        writable = true;
        source.remove(next);
        String who = winners.size() == 1 ? next : String.join(" or ", winners);
        String how = winners.size() == 1 || why.isEmpty() ? "" : ", " + why;
        String range = min.equals(max) ? "" : " (" + Durations.format(min) + " to " + Durations.format(max) + ")";
        emit(at, EventKind.PROMOTED, next, who + " promoted to primary of " + cluster.name() + how + ": RTO "
                + Durations.format(lost) + range + ", " + rpo, position, "RTO " + Durations.format(lost)
                + ", " + rpo, old);
        for (Replica other : cluster.replicas()) {
            String name = other.server().name();
            if (!name.equals(next) && old.equals(source.get(name)) && !SimulationIndex.failedBy(failures, name, at)) {
                source.put(name, next);
                emit(at, EventKind.REPOINTED, name, name + " re-points from " + old + " to " + next,
                        other.server().position(), "follows " + next, next);
            }
        }
        checkWritesBlocked(at);
        record(at);
    }

    /** The RPO risk of promoting one of {@code winners}: the worst of them. */
    private String rpo(List<String> winners) {
        boolean allSync = true;
        Duration worst = null;
        boolean unknown = false;
        for (String w : winners) {
            Replica r = replicaFor(w).orElseThrow();
            if (r.mode() == ReplicationMode.SYNC) {
                continue;
            }
            allSync = false;
            if (r.lag() == null) {
                unknown = true;
            } else if (worst == null || r.lag().compareTo(worst) > 0) {
                worst = r.lag();
            }
        }
        if (allSync) {
            rpoRisk = rpoRisk == null ? Duration.ZERO : rpoRisk;
            return "RPO risk 0s, sync";
        }
        if (unknown) {
            rpoUnknown = true;
            return "RPO risk unknown, async without a lag";
        }
        rpoRisk = rpoRisk == null || worst.compareTo(rpoRisk) > 0 ? worst : rpoRisk;
        return "RPO risk " + Durations.format(worst) + " of async lag";
    }

    /** The engine's one-pass failover chose who may win: promote after its promotion time. */
    void schedulePromotion(Selection selection, Timing timing, Duration at) {
        pending = selection;
        pendingTiming = timing;
        schedule(at.plus(timing.promotion()), StepKind.PROMOTE, null, -1);
    }

    private void promoteSelected(Duration at) {
        Selection s = pending;
        Timing t = pendingTiming;
        pending = null;
        if (s.possible().stream().anyMatch(w -> SimulationIndex.failedBy(failures, w, at))) {
            new OnePassFailover(this).start(at); // a winner failed while it was being promoted: look again
            return;
        }
        promote(s.possible(), replicaRef(s.possible().get(0)).map(Ref::position).orElse(cluster.position()), at,
                s.why(), t.rtoMin(), t.rtoMax());
        if (s.maybeNone()) {
            emit(at, EventKind.OUTAGE, cluster.name(), "or no member is promoted: " + s.why(), s.at(),
                    "maybe no primary", null);
            writable = false;
            splitNone = true;
            possible = List.copyOf(s.possible());
            record(at);
        }
    }

    /** Writes stop with the primary up when the engine says so (strict synchronous replication). */
    private void checkWritesBlocked(Duration at) {
        if (policy == null || !writable) {
            return;
        }
        Set<String> alive = new LinkedHashSet<>();
        for (Replica r : cluster.replicas()) {
            String n = r.server().name();
            if (!n.equals(primary) && !SimulationIndex.failedBy(failures, n, at)) {
                alive.add(n);
            }
        }
        if (!cluster.primary().name().equals(primary) && !SimulationIndex.failedBy(failures,
                cluster.primary().name(), at)) {
            alive.add(cluster.primary().name());
        }
        Optional<Block> b = engine.writesBlocked(policy, cluster, primary, alive);
        if (b.isPresent()) {
            writable = false;
            blocked = true;
            lostAt = at;
            emit(at, EventKind.OUTAGE, cluster.name(), "writes block on " + cluster.name() + ": "
                    + b.get().reason(), b.get().at(), "writes blocked", primary);
        }
    }

    /** A monitor (sentinel, DCS member) fails: the coordination quorum may be lost. */
    private void monitorFailed(String server, Duration at) {
        int alive = aliveMonitors(at);
        int total = monitors.size();
        if (quorumLost || policy == null) {
            return;
        }
        boolean allMembers = members.stream().noneMatch(m -> SimulationIndex.failedBy(failures, m, at));
        Optional<Block> demote = engine.onCoordinationLoss(policy, alive, total, allMembers);
        Optional<Block> noFailover = engine.coordination(policy, alive, total);
        if (noFailover.isEmpty()) {
            return;
        }
        quorumLost = true;
        emit(at, EventKind.DEGRADED, cluster.name(), cluster.name() + " loses " + server + ": "
                + noFailover.get().reason(), noFailover.get().at(), "no failover quorum", server);
        degradedByQuorum = true;
        if (demote.isPresent() && (writable || blocked)) {
            pendingDemotion = demote.get();
            schedule(at.plus(demote.get().delay()), StepKind.DEMOTE, primary, -1);
        }
        record(at);
    }

    private void demote(String server, Duration at) {
        if (!server.equals(primary) || !(writable || blocked)) {
            return;
        }
        writable = false;
        blocked = false;
        lostAt = at;
        emit(at, EventKind.PRIMARY_LOST, cluster.name(), server + " demotes itself: " + pendingDemotion.reason(),
                pendingDemotion.at(), "demoted", server);
        emit(at, EventKind.OUTAGE, cluster.name(), "no member can take the leader lock without the coordination "
                + "quorum: " + cluster.name() + " is DOWN", pendingDemotion.at(), "NO PRIMARY", null);
        record(at);
    }

    // ---- accessors for OnePassFailover ----

    FailoverEngine engine() {
        return engine;
    }

    FailoverPolicy policy() {
        return policy;
    }

    Cluster cluster() {
        return cluster;
    }

    SimulationIndex index() {
        return index;
    }

    /** The static, then the scenario's reason a candidate is out at {@code at}, if any. */
    Optional<CandidateIssue> verdictIssue(CandidateAssessment a, Duration at) {
        return verdict(a, at).map(v -> new CandidateIssue(v.reason(), v.detail(),
                v.position() == null ? a.candidate().position() : v.position()));
    }

    boolean failedBy(String server, Duration at) {
        return SimulationIndex.failedBy(failures, server, at);
    }

    int aliveMonitors(Duration at) {
        return (int) monitors.stream().filter(m -> !SimulationIndex.failedBy(failures, m, at)).count();
    }

    int monitorCount() {
        return monitors.size();
    }

    /** The failover state now, for the engine. */
    dev.failscope.simulation.engine.FailoverState state(Duration at) {
        Map<String, Duration> failedAt = new HashMap<>();
        for (String m : members) {
            Failure f = failures.get(m);
            if (f != null && f.at().compareTo(at) <= 0) {
                failedAt.put(m, f.at());
            }
        }
        for (String m : monitors) {
            Failure f = failures.get(m);
            if (f != null && f.at().compareTo(at) <= 0) {
                failedAt.putIfAbsent(m, f.at());
            }
        }
        return new dev.failscope.simulation.engine.FailoverState(at, lostAt == null ? at : lostAt, primary,
                failedAt, failovers, aliveMonitors(at));
    }

    void emitEvent(Duration at, EventKind kind, String subject, String reason, SourcePosition position,
                   String detail, String related) {
        emit(at, kind, subject, reason, position, detail, related);
    }

    /** Replicas whose current source is {@code server}, and theirs in turn, become stale. */
    private void markStaleFollowers(String server, Duration at) {
        Deque<String> todo = new ArrayDeque<>();
        todo.add(server);
        while (!todo.isEmpty()) {
            String src = todo.poll();
            for (Replica r : cluster.replicas()) {
                String name = r.server().name();
                if (src.equals(source.get(name)) && !SimulationIndex.failedBy(failures, name, at)
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
        boolean degraded = !failed.isEmpty() || !stale.isEmpty() || degradedByQuorum;
        ClusterCondition c = new ClusterCondition(at, writable, readable, degraded, blocked);
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
        if (blocked) {
            return Health.WRITES_BLOCKED;
        }
        return !writable ? Health.DOWN : failed.isEmpty() && stale.isEmpty() && !degradedByQuorum ? Health.OK
                : Health.DEGRADED;
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
