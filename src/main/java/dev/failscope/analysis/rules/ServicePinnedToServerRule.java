package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.Cluster;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.List;

/** A service depends directly on a server, so failover cannot help it. */
public final class ServicePinnedToServerRule implements Rule {
    @Override
    public String id() {
        return "service-pinned-to-server";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "a service depends directly on a server, bypassing failover";
    }

    @Override
    public List<Finding> check(Topology topology) {
        return ServerReference.of(topology).stream()
                .filter(ref -> ref.holder() == ServerReference.Holder.SERVICE)
                .map(ref -> finding(ref.describeHolder() + " depends directly on server '" + ref.name()
                        + "', bypassing failover: if it fails, nothing takes its place; " + instead(topology, ref),
                        ref.subject(), ref.name(), ref.server().position()))
                .toList();
    }

    private static String instead(Topology topology, ServerReference ref) {
        return topology.clustersOf(ref.name()).stream().map(Cluster::name).findFirst()
                .map(c -> "depend on its cluster '" + c + "' instead")
                .orElse("depend on a cluster instead");
    }
}
