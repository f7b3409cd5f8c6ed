package dev.failscope.analysis;

import dev.failscope.load.LoadError;
import dev.failscope.load.LoadResult;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;

/**
 * A loaded topology and its findings, sorted by file, line, column, then rule. Findings accepted by a live
 * waiver are not in {@code findings} (they never fail a run) but in {@code waived}.
 */
public record Inspection(LoadResult load, List<Finding> findings, List<WaivedFinding> waived) {
    public Inspection {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        waived = waived.stream().sorted(WaivedFinding.ORDER).toList();
    }

    /** An inspection with nothing waived. */
    public Inspection(LoadResult load, List<Finding> findings) {
        this(load, findings, List.of());
    }

    public Topology topology() {
        return load.topology();
    }

    public List<LoadError> errors() {
        return load.errors();
    }

    public boolean hasLoadErrors() {
        return !load.errors().isEmpty();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when some finding is at or above the threshold. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
