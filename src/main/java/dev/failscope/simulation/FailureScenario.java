package dev.failscope.simulation;

import java.util.List;

/**
 * What fails: a set of servers, zones, regions and hosts, each at a time offset. Kept in the order given,
 * duplicates removed.
 */
public record FailureScenario(List<FailureTarget> targets) {
    public FailureScenario {
        targets = targets.size() == 1 ? List.of(targets.get(0)) : targets.stream().distinct().toList();
    }

    public static FailureScenario of(FailureTarget... targets) {
        return new FailureScenario(List.of(targets));
    }

    public static FailureScenario servers(String... names) {
        if (names.length == 1) {
            return new FailureScenario(List.of(FailureTarget.server(names[0])));
        }
        return new FailureScenario(java.util.Arrays.stream(names).map(FailureTarget::server).toList());
    }

    /** {@code db-1 + zone:us-west-2a}. */
    public String label() {
        if (targets.size() == 1) {
            return targets.get(0).label();
        }
        return String.join(" + ", targets.stream().map(FailureTarget::label).toList());
    }
}
