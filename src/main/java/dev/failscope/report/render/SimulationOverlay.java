package dev.failscope.report.render;

import dev.failscope.model.Cluster;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import dev.failscope.report.render.StateOverlay.ClusterOutcome;
import dev.failscope.report.render.StateOverlay.ClusterState;
import dev.failscope.report.render.StateOverlay.ServerState;
import dev.failscope.report.render.StateOverlay.ServiceState;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.Simulation;
import java.util.HashMap;
import java.util.Map;

/** Maps a simulation's end state onto a {@link StateOverlay}. */
public final class SimulationOverlay {
    private SimulationOverlay() {}

    public static StateOverlay of(Simulation sim, Topology topology) {
        Map<String, ServerState> servers = new HashMap<>();
        sim.servers().forEach((name, o) -> servers.put(name, switch (o.state()) {
            case UP -> ServerState.UP;
            case STALE -> ServerState.STALE;
            case FAILED -> ServerState.FAILED;
        }));
        Map<String, ClusterOutcome> clusters = new HashMap<>();
        for (Cluster c : topology.clusters()) {
            if (clusters.containsKey(c.name())) {
                continue;
            }
            var o = sim.cluster(c.name(), c.primary().name());
            boolean failedOver = o.failovers() > 0 && o.primary() != null
                    && !o.primary().equals(c.primary().name());
            clusters.put(c.name(), new ClusterOutcome(state(o.health()), o.primary(), failedOver));
        }
        Map<String, ServiceState> services = new HashMap<>();
        for (Service s : topology.services()) {
            services.putIfAbsent(s.name(), switch (sim.service(s.name()).health()) {
                case OK -> ServiceState.OK;
                case DEGRADED -> ServiceState.DEGRADED;
                case DOWN, WRITES_BLOCKED -> ServiceState.DOWN;
            });
        }
        Map<String, StateOverlay.RouteOutcome> routes = new HashMap<>();
        sim.routes().forEach((name, r) -> routes.put(name, new StateOverlay.RouteOutcome(r.kind().label(),
                r.server())));
        return new StateOverlay(servers, clusters, services, routes);
    }

    private static ClusterState state(Health h) {
        return switch (h) {
            case OK -> ClusterState.OK;
            case DEGRADED -> ClusterState.DEGRADED;
            case DOWN, WRITES_BLOCKED -> ClusterState.DOWN;
        };
    }
}
