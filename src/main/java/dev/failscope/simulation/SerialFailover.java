package dev.failscope.simulation;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.SourcePosition;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The native semantics: candidates are tried one after another in the written order, each unusable one costs
 * the policy's {@code attempt-timeout}, and the first viable one is promoted. Also says, for every engine, why
 * a candidate is out at a given time (static reasons first, then the scenario's).
 */
final class SerialFailover {
    /** Why a candidate is not promoted at a given time. */
    private record Verdict(CandidateReason reason, String detail, SourcePosition position) {}

    private final ClusterRun run;

    SerialFailover(ClusterRun run) {
        this.run = run;
    }

    void start(Duration at) {
        FailoverPolicy policy = run.policy();
        if (run.narrating()) {
            run.emitEvent(at, EventKind.DETECTED, run.cluster().name(), "failover of " + run.cluster().name()
                            + " starts: detection " + Durations.format(policy.detection()),
                    policy.facts().orElse("detection", policy.position()),
                    "detection " + Durations.format(policy.detection()), null);
        }
        run.scheduleAttempt(at, 0);
    }

    void attempt(int i, Duration at) {
        FailoverPolicy policy = run.policy();
        String cluster = run.cluster().name();
        List<CandidateAssessment> candidates = run.index().assessments(policy);
        if (i >= candidates.size()) {
                String why = candidates.isEmpty() ? cluster + " has no failover candidates: "
                    : "no viable candidate left: ";
            if (run.narrating()) {
                run.emitEvent(at, EventKind.OUTAGE, cluster, why + cluster + " is DOWN",
                        policy.facts().orElse("candidates", policy.position()), "NO PRIMARY", null);
            }
            return;
        }
        CandidateAssessment a = candidates.get(i);
        Optional<Verdict> verdict = verdict(a, at);
        if (verdict.isPresent()) {
            Verdict v = verdict.get();
            // The manager tries the candidate and waits out its attempt-timeout (the next event): the sentence
            // says it is attempted and cannot succeed, not that it is skipped.
            if (run.narrating()) {
                run.emitEvent(at, EventKind.CANDIDATE_SKIPPED, a.candidate().name(), "attempt on " + a.candidate().name() + ": "
                        + v.detail() + ", cannot be promoted", v.position(), v.reason() == CandidateReason.FAILED ? "failed" : v.detail(), null);
            }
            run.scheduleTimedOut(at.plus(policy.attemptTimeout()), a.candidate().name(), i);
        } else {
            run.promoteCandidate(a, at);
        }
    }

    void timedOut(int i, Duration at) {
        FailoverPolicy policy = run.policy();
        String name = run.index().assessments(policy).get(i).candidate().name();
        if (run.narrating()) {
            run.emitEvent(at, EventKind.ATTEMPT_TIMED_OUT, name, "attempt on " + name + " timed out: attempt-timeout "
                            + Durations.format(policy.attemptTimeout()),
                    policy.facts().orElse("attempt-timeout", policy.position()),
                    "timed out after " + Durations.format(policy.attemptTimeout()), null);
        }
        attempt(i + 1, at);
    }

    /** The static, then the scenario's reason a candidate is out at {@code at}, if any. */
    Optional<CandidateIssue> issue(CandidateAssessment a, Duration at) {
        return verdict(a, at).map(v -> new CandidateIssue(v.reason(), v.detail(),
                v.position() == null ? a.candidate().position() : v.position()));
    }

    /** The reason the candidate cannot be promoted at {@code at}, if any: static first, then the scenario's. */
    private Optional<Verdict> verdict(CandidateAssessment a, Duration at) {
        Optional<CandidateIssue> blocker = a.blocker();
        if (blocker.isPresent()) {
            CandidateIssue b = blocker.get();
            return Optional.of(new Verdict(b.reason(), b.detail(), b.decidedBy()));
        }
        String name = a.candidate().name();
        Failure f = run.failure(name);
        if (f != null && f.at().compareTo(at) <= 0) {
            return Optional.of(new Verdict(CandidateReason.FAILED, !run.narrating() ? "failed"
                    : "failed in this scenario (" + f.cause().describe() + " at t+" + Durations.format(f.at()) + ")",
                    null));
        }
        return run.engine().needsUnbrokenChain() ? brokenChain(name, at) : Optional.empty();
    }

    /** Follows the candidate's current sources up to the failed primary; any failed server on the way breaks it. */
    private Optional<Verdict> brokenChain(String candidate, Duration at) {
        Set<String> seen = new HashSet<>();
        String s = run.sourceOf(candidate);
        while (s != null && !s.equals(run.primary()) && seen.add(s)) {
            if (run.failedBy(s, at)) {
                SourcePosition pos = run.cluster().replica(candidate).map(ClusterRun::sourcePosition)
                        .orElse(run.cluster().position());
                return Optional.of(new Verdict(CandidateReason.SOURCE_BROKEN,
                        "its replication source chain is broken: " + s + " failed", pos));
            }
            s = run.sourceOf(s);
        }
        return Optional.empty();
    }
}
