package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateReason;
import dev.failscope.model.Cluster;
import java.util.stream.Collectors;

/** A candidate is declared but does not replicate the cluster it would take over. */
public final class FailoverTargetOutsideClusterRule extends CandidateRule {
    public FailoverTargetOutsideClusterRule() {
        super(CandidateReason.OUTSIDE_CLUSTER);
    }

    @Override
    public String description() {
        return "a failover candidate is declared but is not a replica of its cluster";
    }

    @Override
    String message(CandidateContext c) {
        String elsewhere = c.topology().clustersOf(c.name()).stream().map(Cluster::name).distinct()
                .map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        return c.subject() + " is not a replica of that cluster"
                + (elsewhere.isEmpty() ? "" : " (it belongs to " + elsewhere + ")")
                + ": it holds none of its data; " + c.consequence()
                + "; list a replica of '" + c.clusterName() + "' instead";
    }
}
