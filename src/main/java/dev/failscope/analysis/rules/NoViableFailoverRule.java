package dev.failscope.analysis.rules;

import dev.failscope.analysis.RuleContext;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A failover document exists but none of its candidates can be promoted: losing the primary is an outage. */
public final class NoViableFailoverRule extends ContextRule {
    @Override
    public String id() {
        return "no-viable-failover";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a failover document has no viable candidate: losing the primary is an outage";
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (AssessedPolicy p : AssessedPolicy.of(context)) {
            if (p.firstViable().isPresent()) {
                continue;
            }
            String why = p.candidates().isEmpty() ? "the candidate list is empty"
                    : AssessedPolicy.reasons(p.candidates());
            String cluster = p.cluster().name();
            findings.add(finding("cluster '" + cluster + "' has no viable failover candidate (" + why
                            + "): losing primary '" + p.cluster().primary().name()
                            + "' would promote nothing and is an outage",
                    cluster, null, p.policy().facts().orElse("candidates", p.policy().position())));
        }
        return findings;
    }
}
