package dev.failscope.simulation;

import java.util.List;

/** Every row of a sweep, in order: servers, then domains, then pairs. */
public record SweepResult(List<SweepRow> rows) {
    public SweepResult {
        rows = List.copyOf(rows);
    }

    public List<SweepRow> singles() {
        return rows.stream().filter(r -> !r.pair()).toList();
    }

    public List<SweepRow> pairs() {
        return rows.stream().filter(SweepRow::pair).toList();
    }

    /** Single failures that cause an outage: the single points of failure. */
    public List<SweepRow> singlePointsOfFailure() {
        return singles().stream().filter(SweepRow::outage).toList();
    }

    /** True when some row ends at or worse than {@code threshold}. */
    public boolean any(Health threshold) {
        return rows.stream().anyMatch(r -> r.result().ordinal() >= threshold.ordinal());
    }
}
