package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.model.Waiver;
import java.util.List;

/**
 * A live waiver matches no finding: the problem was fixed or the waiver is mistyped. Depends on the other
 * rules' findings, so the {@link dev.failscope.analysis.Inspector} evaluates it through
 * {@link dev.failscope.analysis.Waivers}; {@link #check} alone reports nothing.
 */
public final class WaiverUnusedRule implements Rule {
    public static final String ID = "waiver-unused";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "a waiver matches no finding: remove it, or fix its rule, subject or target";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return List.of();
    }

    public Finding finding(Waiver w) {
        return finding(w, java.util.List.of());
    }

    /** When {@code ruleIds} is known and lacks the waiver's rule, the message says so and suggests one. */
    public Finding finding(Waiver w, java.util.Collection<String> ruleIds) {
        String why = ruleIds.isEmpty() || ruleIds.contains(w.rule()) ? ""
                : " (there is no rule '" + w.rule() + "'" + dev.failscope.load.Suggestions.closest(w.rule(), ruleIds)
                        .map(s -> "; did you mean '" + s + "'?").orElse("") + ")";
        return finding("waiver of " + w.label() + " (owner " + w.owner() + ") matches no finding" + why
                + ": remove it, or fix its rule, subject or target", w.subject(), w.target(), w.position());
    }
}
