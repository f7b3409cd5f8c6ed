package dev.failscope.model;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The single result type: what is wrong, about what, and where to fix it.
 *
 * @param rule     rule id such as {@code failover-target-missing}
 * @param severity error, warning or info
 * @param message  a sentence naming the things involved and what to do
 * @param subject  the element the finding is about
 * @param target   the other element involved (a candidate, a server), or null
 * @param position the exact node that is wrong
 */
public record Finding(String rule, Severity severity, String message, String subject, String target,
                      SourcePosition position) {

    /** File, line, column, then rule, then subject and target for total order. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::position)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::subject)
            .thenComparing(f -> f.target == null ? "" : f.target)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(position, "position");
    }

    public Optional<String> targetOpt() {
        return Optional.ofNullable(target);
    }
}
