package dev.failscope.report.render;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A neutral picture of "what is up after a failure": which servers failed, how each cluster ended (and which
 * server is its primary now), how each service ended. {@link SimulationOverlay} maps a simulation into this,
 * so the painter needs nothing from the simulator. {@link #NONE} draws the topology as configured.
 *
 * @param servers  server name to state; servers not listed are up
 * @param clusters cluster name to outcome; clusters not listed are unaffected
 * @param services service name to state; services not listed are drawn without a state
 */
public record StateOverlay(Map<String, ServerState> servers, Map<String, ClusterOutcome> clusters,
                           Map<String, ServiceState> services, Map<String, RouteOutcome> routes) {
    public static final StateOverlay NONE = new StateOverlay(Map.of(), Map.of(), Map.of());

    /**
     * Where a route sends its clients at the end.
     *
     * @param state  following, waiting, pinned, nowhere or unknown
     * @param server the server clients reach or are pinned to, or null
     */
    public record RouteOutcome(String state, String server) {
        public RouteOutcome {
            Objects.requireNonNull(state, "state");
        }

        public boolean following() {
            return "following".equals(state);
        }
    }

    /** Without routes. */
    public StateOverlay(Map<String, ServerState> servers, Map<String, ClusterOutcome> clusters,
                        Map<String, ServiceState> services) {
        this(servers, clusters, services, Map.of());
    }

    /** Up; stale (alive, but its replication source is gone); failed. */
    public enum ServerState { UP, STALE, FAILED }

    /** Ok; degraded (lost members or reads stale data); down (no writable primary). */
    public enum ClusterState { OK, DEGRADED, DOWN }

    public enum ServiceState { OK, DEGRADED, DOWN }

    /**
     * @param state      how the cluster ended
     * @param primary    the writable primary at the end, or null when there is none
     * @param failedOver true when {@code primary} was promoted during the scenario
     */
    public record ClusterOutcome(ClusterState state, String primary, boolean failedOver) {
        public ClusterOutcome {
            Objects.requireNonNull(state, "state");
        }

        public Optional<String> primaryOpt() {
            return Optional.ofNullable(primary);
        }
    }

    public StateOverlay {
        servers = Map.copyOf(servers);
        clusters = Map.copyOf(clusters);
        services = Map.copyOf(services);
        routes = Map.copyOf(routes);
    }

    public boolean isEmpty() {
        return servers.isEmpty() && clusters.isEmpty() && services.isEmpty() && routes.isEmpty();
    }

    public ServerState server(String name) {
        return servers.getOrDefault(name, ServerState.UP);
    }

    public boolean failed(String server) {
        return server(server) == ServerState.FAILED;
    }

    public Optional<ClusterOutcome> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    public Optional<ServiceState> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The same state as the scene marks it. */
    public dev.failscope.scene.SceneState toScene() {
        if (isEmpty()) {
            return dev.failscope.scene.SceneState.NONE;
        }
        java.util.Set<String> failed = new java.util.HashSet<>();
        java.util.Set<String> stale = new java.util.HashSet<>();
        servers.forEach((n, s) -> {
            if (s == ServerState.FAILED) {
                failed.add(n);
            } else if (s == ServerState.STALE) {
                stale.add(n);
            }
        });
        java.util.Set<String> promoted = new java.util.HashSet<>();
        java.util.Set<String> down = new java.util.HashSet<>();
        java.util.Set<String> degraded = new java.util.HashSet<>();
        clusters.forEach((n, o) -> {
            if (o.failedOver() && o.primary() != null) {
                promoted.add(o.primary());
            }
            if (o.state() == ClusterState.DOWN) {
                down.add(n);
            } else if (o.state() == ClusterState.DEGRADED) {
                degraded.add(n);
            }
        });
        java.util.Map<String, dev.failscope.scene.SceneState.Outcome> svc = new java.util.HashMap<>();
        services.forEach((n, s) -> svc.put(n, dev.failscope.scene.SceneState.Outcome.valueOf(s.name())));
        java.util.Map<String, dev.failscope.simulation.SimulationStep.Route> rts = new java.util.HashMap<>();
        routes.forEach((n, r) -> rts.put(n, new dev.failscope.simulation.SimulationStep.Route(r.state(), r.server())));
        return new dev.failscope.scene.SceneState(failed, stale, null, null, java.util.Map.of(), promoted, down,
                degraded, svc, java.util.Map.of(), java.util.Map.of(), rts);
    }

    /** True when {@code server} was promoted to primary of some cluster in this scenario. */
    public boolean promoted(String server) {
        return clusters.values().stream().anyMatch(c -> c.failedOver() && server.equals(c.primary()));
    }
}
