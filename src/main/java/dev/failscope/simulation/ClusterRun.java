package dev.failscope.simulation;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.SourcePosition;
import dev.failscope.simulation.SimulationIndex.Failure;
import dev.failscope.simulation.engine.Engines;
import dev.failscope.simulation.engine.FailoverEngine;
import dev.failscope.simulation.engine.Selection;
import dev.failscope.simulation.engine.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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

    private final SimulationIndex index;
    private final Cluster cluster;
    private final FailoverPolicy policy;
    private final Map<String, Failure> failures;
    private final boolean narrate;
    private final FailoverEngine engine;
    private final Set<String> monitors = new LinkedHashSet<>();
    private final List<SimulationEvent> events = new ArrayList<>();
    private final List<ClusterCondition> history = new ArrayList<>();
    private final PriorityQueue<Step> queue = new PriorityQueue<>(Step.ORDER);
    private final Set<String> members = new LinkedHashSet<>();
    private final Set<String> failed = new HashSet<>();
    private long seq;
    private String primary;
    private boolean writable = true;
    private Duration lostAt;
    private boolean degradedByQuorum;
    private boolean splitNone;
    private boolean blocked;
    private List<String> possible = List.of();
    private final SerialFailover serial = new SerialFailover(this);
    private final CoordinationWatch coordination = new CoordinationWatch(this);
    private final Promotion promotion = new Promotion(this);
    private final ReplicationState replication;
    /** What a snapshot saw of the members: read by the engines for the first failover only. */
    private final Map<String, dev.failscope.model.Observation> observed = new HashMap<>();

    ClusterRun(SimulationIndex index, Cluster cluster, Map<String, Failure> failures) {
        this(index, cluster, failures, true);
    }

    /**
     * @param narrate false to compute only the outcome and the history, without the timeline's events (a sweep's
     *                row needs no words; the events are the only thing that changes)
     */
    ClusterRun(SimulationIndex index, Cluster cluster, Map<String, Failure> failures, boolean narrate) {
        this.narrate = narrate;
        this.index = index;
        this.cluster = cluster;
        this.policy = index.topology().policy(cluster.name()).orElse(null);
        this.failures = failures;
        this.engine = policy == null ? Engines.of(dev.failscope.model.ManagerKind.NATIVE) : Engines.of(policy);
        this.primary = cluster.primary().name();
        members.add(primary);
        for (Replica r : cluster.replicas()) {
            members.add(r.server().name());
        }
        this.replication = new ReplicationState(this, cluster, primary);
        if (!index.topology().observations().isEmpty()) {
            for (String m : members) {
                index.topology().observation(m).ifPresent(o -> observed.put(m, o));
            }
        }
        if (policy != null) {
            for (Ref m : policy.monitors()) { // once per cluster run: no stream, no bound method reference
                monitors.add(m.name());
            }
        }
        history.add(ClusterCondition.healthy(primary));
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
                case ATTEMPT -> serial.attempt(s.candidate(), s.at());
                case TIMED_OUT -> serial.timedOut(s.candidate(), s.at());
                case MONITOR_FAIL -> coordination.monitorFailed(s.server(), s.at());
                case PROMOTE -> promotion.promoteSelected(s.at());
                case DEMOTE -> coordination.demote(s.server(), s.at());
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
        return replication.stale();
    }

    ClusterOutcome outcome() {
        ClusterCondition last = history.get(history.size() - 1);
        boolean split = possible.size() > 1;
        List<String> possibleNow = blocked ? List.of(primary) : splitNone ? possible.stream().sorted().toList()
                : !writable ? List.of()
                : split ? possible.stream().sorted().toList() : List.of(primary);
        return new ClusterOutcome(cluster.name(), last.health(), (writable || blocked) && !split ? primary : null,
                promotion.rto(), promotion.rpoRisk(), writable ? null : lostAt, promotion.failovers(), possibleNow,
                promotion.range());
    }

    private void fail(String server, Duration at) {
        failed.add(server);
        replication.failed(server);
        if (possible.size() > 1 && possible.contains(server) && (writable || blocked)) {
            primary = server; // a split verdict counts as its worst possibility: this one won
            possible = List.of(server);
        }
        if (server.equals(primary) && blocked) {
            blocked = false;
            if (narrate) {
                emit(at, EventKind.PRIMARY_LOST, cluster.name(), cluster.name() + " loses its primary " + server
                        + " (writes were blocked already)", primaryPosition(server), "no writable primary", server);
            }
            if (policy != null) {
                schedule(at.plus(engine.timing(policy, state(at)).detection()), StepKind.DETECT, null, -1);
            }
        } else if (server.equals(primary) && writable) {
            writable = false;
            lostAt = at;
            if (narrate) {
                emit(at, EventKind.PRIMARY_LOST, cluster.name(), cluster.name() + " loses its primary " + server
                        + ": no writable primary", primaryPosition(server), "no writable primary", server);
            }
            if (policy == null) {
                schedule(at.plus(FailoverPolicy.DEFAULT_DETECTION), StepKind.NO_POLICY, null, -1);
            } else {
                schedule(at.plus(engine.timing(policy, state(at)).detection()), StepKind.DETECT, null, -1);
            }
        } else if (!server.equals(primary)) {
            if (narrate) {
                emit(at, EventKind.DEGRADED, cluster.name(), cluster.name() + " loses replica " + server
                        + ": redundancy reduced", replicaRef(server).map(Ref::position).orElse(cluster.position()),
                        "redundancy reduced", server);
            }
            replication.markStaleFollowers(server, at);
            coordination.checkWritesBlocked(at);
        }
        record(at);
    }

    private void noPolicy(Duration at) {
        if (narrate) {
            emit(at, EventKind.OUTAGE, cluster.name(), cluster.name() + " has no failover policy (default detection "
                    + Durations.format(FailoverPolicy.DEFAULT_DETECTION) + "): " + cluster.name() + " is DOWN",
                    cluster.position(), "no failover policy", null);
        }
    }

    private void detect(Duration at) {
        if (!engine.serial()) {
            new OnePassFailover(this).start(at);
            return;
        }
        serial.start(at);
    }

    void promoteCandidate(CandidateAssessment a, Duration at) {
        promotion.promoteCandidate(a, at);
    }

    void schedulePromotion(Selection selection, Timing timing, Duration at) {
        promotion.schedule(selection, timing, at);
    }

    // ---- for OnePassFailover, SerialFailover, CoordinationWatch, Promotion and ReplicationState ----

    String primary() {
        return primary;
    }

    Duration lostAt() {
        return lostAt;
    }

    /** {@code next} is the primary now, standing for every possible winner. */
    void becomePrimary(String next, List<String> winners) {
        primary = next;
        splitNone = false;
        possible = List.copyOf(winners);
        writable = true;
        replication.promoted(next);
    }

    /** Run time may also have promoted nobody (a split verdict with no primary). */
    void maybeNoPrimary(List<String> winners) {
        writable = false;
        splitNone = true;
        possible = List.copyOf(winners);
    }

    /** Healthy replicas whose source was {@code old} follow {@code next}. */
    void repointFollowers(String old, String next, Duration at) {
        replication.repointFollowers(old, next, at);
    }

    void checkWritesBlocked(Duration at) {
        coordination.checkWritesBlocked(at);
    }

    void schedulePromotionStep(Duration at) {
        schedule(at, StepKind.PROMOTE, null, -1);
    }

    boolean writable() {
        return writable;
    }

    boolean blocked() {
        return blocked;
    }

    String sourceOf(String server) {
        return replication.sourceOf(server);
    }

    Failure failure(String server) {
        return failures.get(server);
    }

    boolean allMembersAlive(Duration at) {
        return members.stream().noneMatch(m -> SimulationIndex.failedBy(failures, m, at));
    }

    /** Writes block with the primary up (strict synchronous replication). */
    void blockWrites(Duration at) {
        writable = false;
        blocked = true;
        lostAt = at;
    }

    /** The primary demoted itself: no writable primary. */
    void loseWrites(Duration at) {
        writable = false;
        blocked = false;
        lostAt = at;
    }

    void degradeByQuorum() {
        degradedByQuorum = true;
    }

    void scheduleAttempt(Duration at, int candidate) {
        schedule(at, StepKind.ATTEMPT, null, candidate);
    }

    void scheduleTimedOut(Duration at, String server, int candidate) {
        schedule(at, StepKind.TIMED_OUT, server, candidate);
    }

    void scheduleDemotion(Duration at, String server) {
        schedule(at, StepKind.DEMOTE, server, -1);
    }

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
        return serial.issue(a, at);
    }

    boolean failedBy(String server, Duration at) {
        return SimulationIndex.failedBy(failures, server, at);
    }

    int aliveMonitors(Duration at) {
        int alive = 0;
        for (String m : monitors) { // asked at every step of every run: no stream, no capturing lambda
            if (!SimulationIndex.failedBy(failures, m, at)) {
                alive++;
            }
        }
        return alive;
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
                failedAt, promotion.failovers(), aliveMonitors(at), observed);
    }

    /** True when the run writes the timeline's events; callers skip building their words otherwise. */
    boolean narrating() {
        return narrate;
    }

    void emitEvent(Duration at, EventKind kind, String subject, String reason, SourcePosition position,
                   String detail, String related) {
        emit(at, kind, subject, reason, position, detail, related);
    }

    void record(Duration at) {
        boolean readable = index.anyMemberAlive(cluster.name(), failures, at);
        boolean degraded = !failed.isEmpty() || !replication.stale().isEmpty() || degradedByQuorum;
        boolean hasPrimary = writable || blocked;
        List<String> maybe = !hasPrimary ? List.of() : possible.size() > 1 ? possible.stream().sorted().toList()
                : List.of(primary);
        ClusterCondition c = new ClusterCondition(at, writable, readable, degraded, blocked,
                hasPrimary ? primary : null, maybe);
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

    private Optional<Ref> replicaRef(String server) {
        return cluster.replica(server).map(Replica::server);
    }

    static SourcePosition sourcePosition(Replica r) {
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
        return !writable ? Health.DOWN : failed.isEmpty() && replication.stale().isEmpty() && !degradedByQuorum
                ? Health.OK : Health.DEGRADED;
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
