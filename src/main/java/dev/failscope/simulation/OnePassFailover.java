package dev.failscope.simulation;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.simulation.engine.Block;
import dev.failscope.simulation.engine.FailoverEngine;
import dev.failscope.simulation.engine.FailoverState;
import dev.failscope.simulation.engine.Selection;
import dev.failscope.simulation.engine.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real manager's failover, as its engine describes it: every candidate is looked at once, at the same time
 * (Patroni members race in parallel, Sentinel filters unreachable replicas in one pass, CloudNativePG sorts
 * failed instances last), so a dead candidate costs no attempt-timeout. The engine then says who may win.
 */
final class OnePassFailover {
    private final ClusterRun run;

    OnePassFailover(ClusterRun run) {
        this.run = run;
    }

    void start(Duration at) {
        FailoverPolicy policy = run.policy();
        FailoverEngine engine = run.engine();
        String name = run.cluster().name();
        FailoverState state = run.state(at);
        Timing timing = engine.timing(policy, state);
        if (run.narrating()) {
            run.emitEvent(at, EventKind.DETECTED, name, "failover of " + name + " starts under "
                    + policy.manager().label() + ": " + timing.why(), policy.facts().orElse("detection", policy.position()),
                    "detection " + Durations.format(timing.detection()), null);
        }
        Optional<Block> block = engine.precondition(policy, run.cluster(), state)
                .or(() -> engine.coordination(policy, run.aliveMonitors(at), run.monitorCount()));
        if (block.isPresent()) {
            if (run.narrating()) {
                run.emitEvent(at, EventKind.OUTAGE, name, block.get().reason() + ": " + name + " is DOWN",
                        block.get().at(), "NO PRIMARY", null);
            }
            return;
        }
        List<String> viable = new ArrayList<>();
        for (CandidateAssessment a : run.index().assessments(policy)) {
            Optional<CandidateIssue> issue = run.verdictIssue(a, at);
            if (issue.isPresent()) {
                CandidateIssue i = issue.get();
                if (run.narrating()) {
                    run.emitEvent(at, EventKind.CANDIDATE_SKIPPED, a.candidate().name(), "skip "
                            + a.candidate().name() + ": " + i.detail(), i.reason() == CandidateReason.FAILED ? null
                            : i.decidedBy(), i.reason() == CandidateReason.FAILED ? "failed" : i.detail(), null);
                }
            } else {
                viable.add(a.candidate().name());
            }
        }
        Selection selection = engine.select(policy, run.cluster(), state, viable);
        if (selection.empty()) {
            String why = selection.why().isEmpty() ? "no viable candidate left" : selection.why();
            if (run.narrating()) {
                run.emitEvent(at, EventKind.OUTAGE, name, why + ": " + name + " is DOWN",
                        selection.at() != null ? selection.at() : policy.facts().orElse("candidates", policy.position()),
                        "NO PRIMARY", null);
            }
            return;
        }
        run.schedulePromotion(selection, timing, at);
    }

    static Duration zero() {
        return Duration.ZERO;
    }
}
