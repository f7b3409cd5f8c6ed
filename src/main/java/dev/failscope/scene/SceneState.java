package dev.failscope.scene;

import dev.failscope.simulation.Health;
import dev.failscope.simulation.SimulationStep;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a failure scenario shows on the graph at one moment (a simulation step, its end, a sweep row).
 * {@link #NONE}: the topology as configured.
 *
 * @param failed    servers lost (crossed out, "✖ FAILED")
 * @param stale     replicas alive but following a lost source ("STALE")
 * @param trying    the candidate being tried now ("⟳ TRYING", pulses in the GUI), or null
 * @param tryingWhy why that attempt cannot succeed, or null
 * @param skipped   candidates given up on, with short words ("✖ SKIPPED: …" under the box)
 * @param promoted  servers promoted to primary ("♛ PROMOTED")
 * @param down      clusters without a writable primary ("✖ NO PRIMARY")
 * @param degraded  clusters with a primary but reduced redundancy ("▲ DEGRADED")
 * @param services  service outcomes ("✔ ok", "▲ degraded", "✖ down")
 * @param repointed replicas that now follow a new primary: replica to its new source
 * @param spof      single points of failure found by a sweep, with why
 * @param routes    route outcomes, as the simulation replays them ("✔ FOLLOWING db-replica-1", "✖ PINNED → db-main-1")
 * @param drift     servers and clusters where the running cluster differs from the config ({@code failscope drift}),
 *                  with why ("≠ DRIFT": a dashed ring, so dashes and not colour alone tell it from a SPOF ring)
 */
public record SceneState(Set<String> failed, Set<String> stale, String trying, String tryingWhy,
                         Map<String, String> skipped, Set<String> promoted, Set<String> down, Set<String> degraded,
                         Map<String, Outcome> services, Map<String, String> repointed, Map<String, String> spof,
                         Map<String, SimulationStep.Route> routes, Map<String, String> drift) {
    public static final SceneState NONE = new SceneState(Set.of(), Set.of(), null, null, Map.of(), Set.of(), Set.of(),
            Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** Without drift marks. */
    public SceneState(Set<String> failed, Set<String> stale, String trying, String tryingWhy,
                      Map<String, String> skipped, Set<String> promoted, Set<String> down, Set<String> degraded,
                      Map<String, Outcome> services, Map<String, String> repointed, Map<String, String> spof,
                      Map<String, SimulationStep.Route> routes) {
        this(failed, stale, trying, tryingWhy, skipped, promoted, down, degraded, services, repointed, spof, routes,
                Map.of());
    }

    /** Without routes. */
    public SceneState(Set<String> failed, Set<String> stale, String trying, String tryingWhy,
                      Map<String, String> skipped, Set<String> promoted, Set<String> down, Set<String> degraded,
                      Map<String, Outcome> services, Map<String, String> repointed, Map<String, String> spof) {
        this(failed, stale, trying, tryingWhy, skipped, promoted, down, degraded, services, repointed, spof, Map.of());
    }

    /** A service's (or cluster's) outcome. */
    public enum Outcome { OK, DEGRADED, DOWN }

    public SceneState {
        failed = Set.copyOf(failed);
        stale = Set.copyOf(stale);
        skipped = Map.copyOf(skipped);
        promoted = Set.copyOf(promoted);
        down = Set.copyOf(down);
        degraded = Set.copyOf(degraded);
        services = Map.copyOf(services);
        repointed = Map.copyOf(repointed);
        spof = Map.copyOf(spof);
        routes = Map.copyOf(routes);
        drift = Map.copyOf(drift);
    }

    public boolean active() {
        return !equals(NONE);
    }

    public boolean isTrying(String name) {
        return Objects.equals(trying, name);
    }

    public SceneState withSpof(Map<String, String> newSpof) {
        return new SceneState(failed, stale, trying, tryingWhy, skipped, promoted, down, degraded, services,
                repointed, newSpof, routes, drift);
    }

    public SceneState withDrift(Map<String, String> newDrift) {
        return new SceneState(failed, stale, trying, tryingWhy, skipped, promoted, down, degraded, services,
                repointed, spof, routes, newDrift);
    }

    public static Outcome outcome(Health h) {
        return switch (h) {
            case OK -> Outcome.OK;
            case DEGRADED -> Outcome.DEGRADED;
            default -> Outcome.DOWN;
        };
    }

    /** A step of a simulation as the core replays it. */
    public static SceneState of(SimulationStep s) {
        Set<String> down = new HashSet<>(s.clustersDown());
        Set<String> degraded = new HashSet<>();
        s.clusters().forEach((c, h) -> {
            switch (outcome(h)) {
                case DOWN -> down.add(c);
                case DEGRADED -> degraded.add(c);
                default -> { }
            }
        });
        degraded.removeAll(down);
        Map<String, Outcome> services = new HashMap<>();
        s.services().forEach((n, h) -> services.put(n, outcome(h)));
        String trying = s.trying() != null && !s.promoted().contains(s.trying()) ? s.trying() : null;
        Map<String, String> skipped = new HashMap<>(s.skipped());
        if (trying != null) {
            skipped.remove(trying); // tried now: "trying", given up on only later, never both at once
        }
        return new SceneState(s.failed(), s.stale(), trying, trying == null ? null : s.skipped().get(trying), skipped,
                s.promoted(), down, degraded, services, s.repointed(), Map.of(), s.routes());
    }
}
