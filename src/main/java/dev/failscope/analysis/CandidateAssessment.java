package dev.failscope.analysis;

import dev.failscope.model.Ref;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one failover candidate, independent of any failure scenario.
 *
 * @param candidate the candidate as written, with its position
 * @param order     1-based order in the candidate list
 * @param issues    the first applicable error (at most one), then the independent warnings
 */
public record CandidateAssessment(Ref candidate, int order, List<CandidateIssue> issues) {
    public CandidateAssessment {
        Objects.requireNonNull(candidate, "candidate");
        issues = List.copyOf(issues);
    }

    /** Promotable: no issue that blocks promotion. */
    public boolean viable() {
        return blocker().isEmpty();
    }

    public Optional<CandidateIssue> error() {
        for (int k = 0; k < issues.size(); k++) { // asked per rule and per simulated step: loops, not streams
            if (issues.get(k).reason().isError()) {
                return Optional.of(issues.get(k));
            }
        }
        return Optional.empty();
    }

    /** The first issue that blocks promotion: the reason the simulator gives for skipping. */
    public Optional<CandidateIssue> blocker() {
        for (int k = 0; k < issues.size(); k++) {
            if (issues.get(k).reason().blocksPromotion()) {
                return Optional.of(issues.get(k));
            }
        }
        return Optional.empty();
    }

    public Optional<CandidateIssue> issue(CandidateReason reason) {
        for (CandidateIssue i : issues) { // every candidate rule asks every candidate: no stream per question
            if (i.reason() == reason) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
