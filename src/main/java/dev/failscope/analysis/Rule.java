package dev.failscope.analysis;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;

/** One check, one small class. Rules are pure: a topology in, findings out. */
public interface Rule {
    /** The rule id, such as {@code failover-target-missing}. */
    String id();

    Severity severity();

    /** One line: what the rule means. */
    String description();

    List<Finding> check(Topology topology);

    /** Checks with what this run of the catalogue shares; rules that assess candidates override this. */
    default List<Finding> check(RuleContext context) {
        return check(context.topology());
    }

    /** A finding of this rule. */
    default Finding finding(String message, String subject, String target, dev.failscope.model.SourcePosition at) {
        return new Finding(id(), severity(), message, subject, target, at);
    }
}
