package dev.failscope.report;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.WaivedFinding;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CI writer (JUnit, GitHub) reports, whichever command produced it: the findings to show, the waived
 * ones, and the threshold at which a finding fails the run.
 *
 * @param suite    the suite name, e.g. "failscope check"
 * @param findings findings to report, sorted by {@link Finding#ORDER}
 * @param waived   findings accepted by a waiver
 * @param failOn   the --fail-on threshold, or empty for never
 */
public record CiResult(String suite, List<Finding> findings, List<WaivedFinding> waived, Optional<Severity> failOn) {
    public CiResult {
        Objects.requireNonNull(suite, "suite");
        findings = findings.stream().sorted(Finding.ORDER).toList();
        waived = waived.stream().sorted(WaivedFinding.ORDER).toList();
        Objects.requireNonNull(failOn, "failOn");
    }

    public static CiResult of(String suite, Inspection inspection, Optional<Severity> failOn) {
        return new CiResult(suite, inspection.findings(), inspection.waived(), failOn);
    }

    /** True when the finding is at or above the threshold. */
    public boolean fails(Finding f) {
        return failOn.map(t -> f.severity().atLeast(t)).orElse(false);
    }
}
