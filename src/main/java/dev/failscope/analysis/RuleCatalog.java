package dev.failscope.analysis;

import dev.failscope.analysis.rules.FailoverTargetDecommissionedRule;
import dev.failscope.analysis.rules.FailoverTargetMissingRule;
import dev.failscope.analysis.rules.SentinelQuorumRule;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule, listed explicitly. No classpath scanning. */
public final class RuleCatalog {
    private final List<Rule> rules;

    public RuleCatalog(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard catalogue. */
    public static RuleCatalog standard() {
        return new RuleCatalog(List.of(
                new FailoverTargetMissingRule(),
                new FailoverTargetDecommissionedRule(),
                new SentinelQuorumRule()));
    }

    /** Rules sorted by severity, then id: the order {@code failscope rules} prints. */
    public List<Rule> rules() {
        return rules.stream().sorted(Comparator.comparing(Rule::severity).thenComparing(Rule::id)).toList();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Runs every rule; the result is unsorted. */
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.check(topology));
        }
        return findings;
    }
}
