package dev.failscope.support;

import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.util.List;

/**
 * Test-side stand-in for the route resolver: a copy of the topology whose route targets that name an inventory
 * server by name are resolved to it (targets already resolved are kept). Lets routing tests state exactly which
 * target reaches which server.
 */
public final class Routes {
    private Routes() {}

    public static Topology resolvedByName(Topology t) {
        TopologyBuilder b = Topology.builder();
        t.files().forEach(b::file);
        t.servers().forEach(b::server);
        t.clusters().forEach(b::cluster);
        t.policies().forEach(b::policy);
        t.services().forEach(b::service);
        t.unknownKeys().forEach(b::unknownKey);
        t.waivers().forEach(b::waiver);
        t.authoritativeInventory().ifPresent(b::authoritativeInventory);
        for (Route r : t.routes()) {
            List<RouteTarget> targets = r.targets().stream().map(x -> x.server() == null && x.route() == null
                    && x.cluster() == null && t.server(x.written().name()).isPresent()
                    ? x.resolvedTo(x.written().name()) : x).toList();
            b.route(r.withTargets(targets));
        }
        return b.build();
    }
}
