package dev.failscope.simulation;

import java.util.List;

/**
 * What fails: a set of servers, zones, regions and hosts, each at a time offset. Kept in the order given,
 * duplicates removed.
 */
public record FailureScenario(List<FailureTarget> targets) {
    public FailureScenario {
        targets = targets.stream().distinct().toList();
    }

    public static FailureScenario of(FailureTarget... targets) {
        return new FailureScenario(List.of(targets));
    }

    public static FailureScenario servers(String... names) {
        return new FailureScenario(java.util.Arrays.stream(names).map(FailureTarget::server).toList());
    }

    /** {@code db-1 + zone:us-west-2a}. */
    public String label() {
        return String.join(" + ", targets.stream().map(FailureTarget::label).toList());
    }
}
