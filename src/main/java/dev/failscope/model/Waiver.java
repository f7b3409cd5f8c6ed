package dev.failscope.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted finding: while it has not expired, findings of {@code rule} about {@code subject} (and
 * {@code target}, when given) are reported as waived and do not fail a run.
 *
 * @param rule     the rule id waived
 * @param subject  the finding's subject (a cluster, a server, a service)
 * @param target   the finding's target, or null to waive every target of the subject
 * @param reason   why it is accepted
 * @param owner    who answers for it
 * @param expires  the last day the waiver applies
 * @param position where the waiver was written (its first key)
 * @param facts    positions of each key written
 */
public record Waiver(String rule, String subject, String target, String reason, String owner, LocalDate expires,
                     SourcePosition position, Facts facts) {
    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(facts, "facts");
    }

    public Optional<String> targetOpt() {
        return Optional.ofNullable(target);
    }

    /** True on and before the expiry day. */
    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }

    /** True when the waiver covers the finding (ignoring expiry). */
    public boolean matches(Finding f) {
        return f.rule().equals(rule) && f.subject().equals(subject) && (target == null || target.equals(f.target()));
    }

    /** "failover-target-same-zone for catify-main/db-replica-1". */
    public String label() {
        return rule + " for " + subject + (target == null ? "" : "/" + target);
    }
}
