package dev.failscope.diff;

import dev.failscope.model.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Findings before versus after, matched by rule, subject and target (never by position, which moves when
 * unrelated lines are edited). Each list is sorted by {@link Finding#ORDER}.
 *
 * @param introduced after-side findings with no match before
 * @param resolved   before-side findings with no match after
 * @param unchanged  after-side findings that were already there
 */
public record FindingDelta(List<Finding> introduced, List<Finding> resolved, List<Finding> unchanged) {
    public FindingDelta {
        introduced = sorted(introduced);
        resolved = sorted(resolved);
        unchanged = sorted(unchanged);
    }

    public static FindingDelta compare(List<Finding> before, List<Finding> after) {
        Map<Key, Deque<Finding>> open = new HashMap<>();
        for (Finding f : before.stream().sorted(Finding.ORDER).toList()) {
            open.computeIfAbsent(Key.of(f), k -> new ArrayDeque<>()).add(f);
        }
        List<Finding> introduced = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        for (Finding f : after.stream().sorted(Finding.ORDER).toList()) {
            Deque<Finding> match = open.get(Key.of(f));
            if (match == null || match.isEmpty()) {
                introduced.add(f);
            } else {
                match.poll();
                unchanged.add(f);
            }
        }
        List<Finding> resolved = open.values().stream().flatMap(Deque::stream).toList();
        return new FindingDelta(introduced, resolved, unchanged);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Finding.ORDER).toList();
    }

    /** The identity of a finding across versions. */
    record Key(String rule, String subject, String target) {
        static Key of(Finding f) {
            return new Key(f.rule(), f.subject(), Objects.requireNonNullElse(f.target(), ""));
        }
    }
}
