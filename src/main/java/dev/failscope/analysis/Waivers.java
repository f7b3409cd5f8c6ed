package dev.failscope.analysis;

import dev.failscope.analysis.rules.WaiverExpiredRule;
import dev.failscope.analysis.rules.WaiverUnusedRule;
import dev.failscope.model.Finding;
import dev.failscope.model.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a topology's waivers to its findings on a given day. A live waiver moves the findings it matches
 * to the waived list; an expired one waives nothing and is itself a {@code waiver-expired} warning; a live
 * one that matches nothing is a {@code waiver-unused} warning. Waiver findings are never waived.
 */
public final class Waivers {
    private Waivers() {}

    /** The result: findings still active (including the waiver warnings) and those waived. */
    public record Outcome(List<Finding> active, List<WaivedFinding> waived) {
        public Outcome {
            active = List.copyOf(active);
            waived = waived.stream().sorted(WaivedFinding.ORDER).toList();
        }
    }

    public static Outcome apply(List<Finding> findings, List<Waiver> waivers, LocalDate today) {
        return apply(findings, waivers, today, List.of());
    }

    /** With the catalogue's rule ids, so an unused waiver naming no known rule suggests the closest one. */
    public static Outcome apply(List<Finding> findings, List<Waiver> waivers, LocalDate today,
                                java.util.Collection<String> ruleIds) {
        WaiverExpiredRule expired = new WaiverExpiredRule();
        WaiverUnusedRule unused = new WaiverUnusedRule();
        List<Finding> active = new ArrayList<>();
        List<WaivedFinding> waived = new ArrayList<>();
        Map<Waiver, Boolean> used = new IdentityHashMap<>();
        for (Finding f : findings) {
            Optional<Waiver> w = waivers.stream().filter(x -> x.activeOn(today) && x.matches(f)).findFirst();
            if (w.isPresent()) {
                waived.add(new WaivedFinding(f, w.get()));
                used.put(w.get(), true);
            } else {
                active.add(f);
            }
        }
        for (Waiver w : waivers) {
            if (!w.activeOn(today)) {
                active.add(expired.finding(w, today));
            } else if (!used.containsKey(w)) {
                active.add(unused.finding(w, ruleIds));
            }
        }
        return new Outcome(active, waived);
    }
}
