package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.model.Waiver;
import java.time.LocalDate;
import java.util.List;

/**
 * A waiver is past its expiry date: it waives nothing any more. Depends on the date, so the
 * {@link dev.failscope.analysis.Inspector} evaluates it (with its injectable clock) through
 * {@link dev.failscope.analysis.Waivers}; {@link #check} alone reports nothing.
 */
public final class WaiverExpiredRule implements Rule {
    public static final String ID = "waiver-expired";

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
        return "a waiver has expired, so the findings it covered count again";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return List.of();
    }

    public Finding finding(Waiver w, LocalDate today) {
        return finding("waiver of " + w.label() + " (owner " + w.owner() + ") expired on " + w.expires()
                + ": fix the finding, or renew the waiver with a new date", w.subject(), w.target(),
                w.facts().orElse("expires", w.position()));
    }
}
