package dev.failscope.analysis;

import dev.failscope.model.SourcePosition;
import java.util.Objects;

/**
 * One reason a candidate is not (or should not be) promoted.
 *
 * @param reason    the closed reason
 * @param detail    words for people, e.g. "lag 45s > max-lag 10s"
 * @param decidedBy the position of the fact that decided it (the status line, the lag value, ...)
 */
public record CandidateIssue(CandidateReason reason, String detail, SourcePosition decidedBy) {
    public CandidateIssue {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
