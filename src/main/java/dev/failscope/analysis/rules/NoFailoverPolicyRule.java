package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;

/**
 * A cluster with replicas has no failover document, so nothing promotes a replica when its primary is lost: an
 * error, as {@code simulate}, {@code sweep} and {@code diff} call that loss an outage.
 */
public final class NoFailoverPolicyRule implements Rule {
    @Override
    public String id() {
        return "no-failover-policy";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a cluster with at least one replica has no failover document";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return topology.clustersInForce().stream()
                .filter(c -> !c.replicas().isEmpty() && topology.policy(c.name()).isEmpty())
                .map(c -> finding("cluster '" + c.name() + "' has " + c.replicas().size()
                        + (c.replicas().size() == 1 ? " replica" : " replicas")
                        + " but no failover document: losing primary '" + c.primary().name()
                        + "' is an outage until someone promotes a replica by hand; add a 'kind: failover' document "
                        + "listing its replicas",
                        c.name(), null, c.position()))
                .toList();
    }
}
