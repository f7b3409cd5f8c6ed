package dev.failscope.report.frames;

import dev.failscope.model.Cluster;
import dev.failscope.model.Topology;
import dev.failscope.report.render.StateOverlay;
import dev.failscope.report.render.StateOverlay.ClusterOutcome;
import dev.failscope.report.render.StateOverlay.ClusterState;
import dev.failscope.report.render.StateOverlay.ServerState;
import dev.failscope.report.render.StateOverlay.ServiceState;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SimulationEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The renderer's picture of a timeline after its first {@code applied} events: failed servers crossed out, a
 * promoted replica crowned, a cluster down or degraded as its latest event says, services as their latest
 * event left them. Pure. (The inspector's own step overlay, with its "trying" marks, is the GUI's
 * OverlayBuilder; a picture has the caption to say what is being tried.)
 */
public final class StepState {
    private StepState() {}

    public static StateOverlay at(Topology topology, List<SimulationEvent> events, int applied) {
        Map<String, ServerState> servers = new HashMap<>();
        Map<String, ClusterOutcome> clusters = new HashMap<>();
        Map<String, ServiceState> services = new HashMap<>();
        Map<String, String> primary = new HashMap<>();
        int n = Math.max(0, Math.min(applied, events.size()));
        for (int i = 0; i < n; i++) {
            SimulationEvent e = events.get(i);
            switch (e.kind()) {
                case FAILED -> servers.put(e.subject(), ServerState.FAILED);
                case REPLICA_STALE -> servers.putIfAbsent(e.subject(), ServerState.STALE);
                case PROMOTED -> e.clusterOpt().ifPresent(c -> primary.put(c, e.subject()));
                case SERVICE_DOWN -> services.put(e.subject(), ServiceState.DOWN);
                case SERVICE_DEGRADED -> services.put(e.subject(), ServiceState.DEGRADED);
                case SERVICE_RESTORED -> services.put(e.subject(), e.reason().contains("degraded")
                        ? ServiceState.DEGRADED : ServiceState.OK);
                default -> { }
            }
            if (e.cluster() != null && (e.state() != null || e.kind() == dev.failscope.simulation.EventKind.OUTAGE
                    || e.kind() == dev.failscope.simulation.EventKind.PROMOTED)) {
                ClusterState state = e.kind() == dev.failscope.simulation.EventKind.OUTAGE ? ClusterState.DOWN
                        : e.state() == null ? ClusterState.OK : of(e.state());
                String now = primary.get(e.cluster());
                if (now == null && state != ClusterState.DOWN) {
                    now = topology.cluster(e.cluster()).map(Cluster::primary).map(r -> r.name()).orElse(null);
                }
                clusters.put(e.cluster(), new ClusterOutcome(state, state == ClusterState.DOWN ? null : now,
                        primary.containsKey(e.cluster())));
            }
        }
        return new StateOverlay(servers, clusters, services);
    }

    private static ClusterState of(Health h) {
        return switch (h) {
            case OK -> ClusterState.OK;
            case DEGRADED -> ClusterState.DEGRADED;
            case DOWN, WRITES_BLOCKED -> ClusterState.DOWN;
        };
    }
}
