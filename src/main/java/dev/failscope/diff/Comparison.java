package dev.failscope.diff;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The review of one change: both inspections, the semantic changes, the findings delta and the resilience
 * delta of every touched cluster. What the diff command and the GUI's diff mode show.
 *
 * @param before     the inspection of the old version
 * @param after      the inspection of the new version
 * @param changes    semantic changes, sorted by {@link Change#ORDER}
 * @param findings   introduced, resolved and unchanged findings
 * @param touched    clusters the change touches, sorted
 * @param resilience primary loss before versus after, per touched cluster (empty without a simulator)
 * @param simulated  true when a simulator produced the resilience delta
 */
public record Comparison(Inspection before, Inspection after, List<Change> changes, FindingDelta findings,
                         List<String> touched, List<ResilienceDelta> resilience, boolean simulated) {
    public Comparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changes = List.copyOf(changes);
        Objects.requireNonNull(findings, "findings");
        touched = List.copyOf(touched);
        resilience = List.copyOf(resilience);
    }

    public boolean hasLoadErrors() {
        return before.hasLoadErrors() || after.hasLoadErrors();
    }

    /** Introduced findings at or above the threshold. */
    public List<Finding> introducedAtLeast(Severity threshold) {
        return findings.introduced().stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    public List<ResilienceDelta> regressions() {
        return resilience.stream().filter(ResilienceDelta::regressed).toList();
    }

    /**
     * True when the change introduces a finding at or above the threshold (null: never on findings) or turns
     * a survived primary loss into an outage.
     */
    public boolean fails(Severity threshold) {
        return (threshold != null && !introducedAtLeast(threshold).isEmpty()) || !regressions().isEmpty();
    }

    /**
     * The changes about one graph vertex: those whose {@link Change#node()} it is, or the other end of whose
     * edge it is. What a diff overlay marks on that vertex and lists when it is selected.
     */
    public List<Change> changesOf(dev.failscope.model.Node node) {
        return changes.stream().filter(c -> c.node().equals(node)
                || c.edge().map(e -> e.to().equals(node)).orElse(false)).toList();
    }

    /** The story of the change in a few sentences, most important first. */
    public List<String> story() {
        return Story.of(this);
    }
}
