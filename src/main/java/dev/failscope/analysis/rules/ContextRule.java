package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.analysis.RuleContext;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import java.util.List;

/** A rule that reads the catalogue run's shared candidate evaluation; run alone, it makes its own context. */
abstract class ContextRule implements Rule {
    @Override
    public final List<Finding> check(Topology topology) {
        return check(new RuleContext(topology));
    }

    @Override
    public abstract List<Finding> check(RuleContext context);
}
