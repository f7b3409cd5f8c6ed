package dev.failscope.ui.viewmodel;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a simulation step adds to the graph. {@link #NONE} outside simulation mode.
 *
 * @param failed       servers lost in the scenario (crossed out)
 * @param trying       the candidate being tried at this step (pulses), or null
 * @param tryingWhy    why that attempt cannot succeed ("decommissioned"), or null
 * @param skipped      candidates given up on so far (their attempt timed out), with the reason
 * @param promoted     servers promoted to primary (crown)
 * @param clustersDown clusters with no writable primary ("NO PRIMARY")
 * @param services     service states at this step
 * @param repointed    replicas that now follow a new primary: replica to its new source
 * @param clustersDegraded clusters that have a writable primary but reduced redundancy ("DEGRADED")
 */
public record GraphOverlay(Set<String> failed, String trying, String tryingWhy, Map<String, String> skipped,
                           Set<String> promoted, Set<String> clustersDown, Set<String> clustersDegraded,
                           Map<String, ServiceHealth> services, Map<String, String> repointed,
                           Map<String, RouteLook> routes) {
    public static final GraphOverlay NONE = new GraphOverlay(Set.of(), null, Map.of(), Set.of(), Set.of(), Map.of(),
            Map.of());

    /**
     * Where a route sends its clients at this step (from the simulation's route events).
     *
     * @param state  following, waiting, pinned, nowhere or unknown ({@code RouteState.Kind} labels)
     * @param server the server clients reach or are pinned to, or null
     */
    public record RouteLook(String state, String server) {
        /** True when clients reach the primary through the route. */
        public boolean following() {
            return "following".equals(state);
        }
    }

    /** Without routes. */
    public GraphOverlay(Set<String> failed, String trying, String tryingWhy, Map<String, String> skipped,
                        Set<String> promoted, Set<String> clustersDown, Set<String> clustersDegraded,
                        Map<String, ServiceHealth> services, Map<String, String> repointed) {
        this(failed, trying, tryingWhy, skipped, promoted, clustersDown, clustersDegraded, services, repointed,
                Map.of());
    }

    /** Without an attempt's reason and without degraded clusters. */
    public GraphOverlay(Set<String> failed, String trying, Map<String, String> skipped, Set<String> promoted,
                        Set<String> clustersDown, Map<String, ServiceHealth> services, Map<String, String> repointed) {
        this(failed, trying, null, skipped, promoted, clustersDown, Set.of(), services, repointed);
    }

    public GraphOverlay {
        clustersDegraded = Set.copyOf(clustersDegraded);
        failed = Set.copyOf(failed);
        skipped = Map.copyOf(skipped);
        promoted = Set.copyOf(promoted);
        clustersDown = Set.copyOf(clustersDown);
        services = Map.copyOf(services);
        repointed = Map.copyOf(repointed);
        routes = Map.copyOf(routes);
    }

    public boolean active() {
        return !equals(NONE);
    }

    public boolean isTrying(String server) {
        return Objects.equals(trying, server);
    }

    /** The same state as the scene marks it, with the sweep's single points of failure. */
    public dev.failscope.scene.SceneState toScene(Map<String, String> spof) {
        if (!active()) {
            return dev.failscope.scene.SceneState.NONE.withSpof(spof);
        }
        Map<String, dev.failscope.scene.SceneState.Outcome> svc = new java.util.HashMap<>();
        services.forEach((n, h) -> svc.put(n, dev.failscope.scene.SceneState.Outcome.valueOf(h.name())));
        Map<String, dev.failscope.simulation.SimulationStep.Route> rts = new java.util.HashMap<>();
        routes.forEach((n, r) -> rts.put(n, new dev.failscope.simulation.SimulationStep.Route(r.state(), r.server())));
        return new dev.failscope.scene.SceneState(failed, Set.of(), trying, tryingWhy, skipped, promoted, clustersDown,
                clustersDegraded, svc, repointed, spof, rts);
    }

    /** A service's state in a simulation step. */
    public enum ServiceHealth {
        OK("✔ ok"), DEGRADED("▲ degraded"), DOWN("✖ down");

        private final String label;

        ServiceHealth(String label) {
            this.label = label;
        }

        /** Icon and word, e.g. "✖ down". */
        public String label() {
            return label;
        }
    }
}
