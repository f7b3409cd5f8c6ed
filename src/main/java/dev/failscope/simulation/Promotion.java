package dev.failscope.simulation;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.model.Durations;
import dev.failscope.model.Ref;
import dev.failscope.model.SourcePosition;
import dev.failscope.simulation.engine.Selection;
import dev.failscope.simulation.engine.Timing;
import java.time.Duration;
import java.util.List;

/**
 * A cluster's promotions: the one a failover schedules, the event that names the winners, and the tally of
 * every failover so far (count, RTO and its range, RPO risk).
 */
final class Promotion {
    private final ClusterRun run;
    private final RpoRisk rpoRisk = new RpoRisk();
    private int failovers;
    private Duration rto;
    private Duration rtoMin;
    private Duration rtoMax;
    private Selection pending;
    private Timing pendingTiming;

    Promotion(ClusterRun run) {
        this.run = run;
    }

    int failovers() {
        return failovers;
    }

    /** The summed RTO, or null before any failover. */
    Duration rto() {
        return failovers > 0 ? rto : null;
    }

    /** The worst RPO risk, or null when unknown or before any failover. */
    Duration rpoRisk() {
        return failovers > 0 ? rpoRisk.value() : null;
    }

    /** The range the real manager's summed RTO falls in, or null before any failover. */
    ClusterOutcome.Range range() {
        return failovers > 0 ? new ClusterOutcome.Range(rtoMin, rtoMax) : null;
    }

    /** The serial failover reached a viable candidate: promote it now. */
    void promoteCandidate(CandidateAssessment a, Duration at) {
        Duration lost = at.minus(run.lostAt());
        promote(List.of(a.candidate().name()), a.candidate().position(), at, "", lost, lost);
    }

    /**
     * Promotes {@code winners.get(0)}, standing for every possible winner (a split verdict when several): the
     * RPO is the worst of them, the event names them all.
     */
    void promote(List<String> winners, SourcePosition position, Duration at, String why, Duration min,
                 Duration max) {
        promote(winners, position, at, why, "", min, max);
    }

    private void promote(List<String> winners, SourcePosition position, Duration at, String why, String evidence,
                         Duration min, Duration max) {
        String old = run.primary();
        String next = winners.get(0);
        Duration lost = at.minus(run.lostAt());
        rto = rto == null ? lost : rto.plus(lost);
        rtoMin = rtoMin == null ? min : rtoMin.plus(min);
        rtoMax = rtoMax == null ? max : rtoMax.plus(max);
        failovers++;
        String rpo = rpoRisk.add(run.cluster(), winners);
        run.becomePrimary(next, winners);
        if (run.narrating()) {
            String who = winners.size() == 1 ? next : String.join(" or ", winners);
            String how = !evidence.isEmpty() ? ", " + evidence
                    : winners.size() == 1 || why.isEmpty() ? "" : ", " + why;
            String range = min.equals(max) ? "" : " (" + Durations.format(min) + " to " + Durations.format(max) + ")";
            run.emitEvent(at, EventKind.PROMOTED, next, who + " promoted to primary of " + run.cluster().name() + how
                    + ": RTO " + Durations.format(lost) + range + ", " + rpo, position, "RTO " + Durations.format(lost)
                    + ", " + rpo, old);
        }
        run.repointFollowers(old, next, at);
        run.checkWritesBlocked(at);
        run.record(at);
    }

    /** The engine's one-pass failover chose who may win: promote after its promotion time. */
    void schedule(Selection selection, Timing timing, Duration at) {
        pending = selection;
        pendingTiming = timing;
        run.schedulePromotionStep(at.plus(timing.promotion()));
    }

    void promoteSelected(Duration at) {
        Selection s = pending;
        Timing t = pendingTiming;
        pending = null;
        if (s.possible().stream().anyMatch(w -> run.failedBy(w, at))) {
            new OnePassFailover(run).start(at); // a winner failed while it was being promoted: look again
            return;
        }
        promote(s.possible(), run.cluster().replica(s.possible().get(0)).map(r -> r.server()).map(Ref::position)
                .orElse(run.cluster().position()), at, s.why(), s.evidence(), t.rtoMin(), t.rtoMax());
        if (s.maybeNone()) {
            if (run.narrating()) {
                run.emitEvent(at, EventKind.OUTAGE, run.cluster().name(), "or no member is promoted: " + s.why(), s.at(),
                        "maybe no primary", null);
            }
            run.maybeNoPrimary(s.possible());
            run.record(at);
        }
    }
}
