package dev.failscope.report;

import dev.failscope.diff.Comparison;
import dev.failscope.diff.ResilienceDelta;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The diff for CI writers: the introduced findings, the waived ones, and each primary loss the change turns
 * into an outage as an error {@value #RESILIENCE_RULE} at the cluster's failover policy (or the cluster).
 */
public final class DiffCi {
    public static final String RESILIENCE_RULE = "resilience-regression";

    private DiffCi() {}

    public static CiResult of(Comparison c, Optional<Severity> failOn) {
        List<Finding> findings = new ArrayList<>(c.findings().introduced());
        for (ResilienceDelta d : c.regressions()) {
            SourcePosition at = c.after().topology().policy(d.cluster()).map(p -> p.position())
                    .or(() -> c.after().topology().cluster(d.cluster()).map(k -> k.position()))
                    .orElse(SourcePosition.ofFile(c.after().topology().files().isEmpty() ? "."
                            : c.after().topology().files().get(0)));
            findings.add(new Finding(RESILIENCE_RULE, Severity.ERROR, d.describe(), d.cluster(), d.primary(), at));
        }
        // a regression fails the diff whatever --fail-on says, so it is reported at error and always fails
        Optional<Severity> threshold = c.regressions().isEmpty() ? failOn
                : failOn.or(() -> Optional.of(Severity.ERROR));
        return new CiResult("failscope diff", findings, c.after().waived(), threshold);
    }
}
