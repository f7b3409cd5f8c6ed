package dev.failscope.ui.viewmodel;

import dev.failscope.simulation.Health;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.ui.viewmodel.GraphOverlay.ServiceHealth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The graph overlay after the first {@code step} events of a timeline. Pure. */
public final class OverlayBuilder {
    private OverlayBuilder() {}

    /**
     * @param events the timeline's events in order
     * @param step   how many events have happened (0 = none yet, {@code events.size()} = the end)
     */
    public static GraphOverlay at(List<SimulationEvent> events, int step) {
        Set<String> failed = new HashSet<>();
        Map<String, String> skipped = new HashMap<>();
        Map<String, String> attempts = new LinkedHashMap<>(); // tried, not yet timed out: candidate to reason
        Set<String> promoted = new HashSet<>();
        Set<String> down = new HashSet<>();
        Map<String, Health> clusterStates = new HashMap<>();
        Map<String, ServiceHealth> services = new HashMap<>();
        Map<String, String> repointed = new HashMap<>();
        Map<String, String> newPrimary = new HashMap<>();
        Map<String, GraphOverlay.RouteLook> routes = new HashMap<>();
        int n = Math.max(0, Math.min(step, events.size()));
        for (int i = 0; i < n; i++) {
            SimulationEvent e = events.get(i);
            if (e.cluster() != null && e.state() != null) {
                clusterStates.put(e.cluster(), e.state());
            }
            switch (e.kind()) {
                case FAILED -> failed.add(e.subject());
                // no writable primary from the loss until a promotion, as SimulationStep (the review page) says
                case PRIMARY_LOST -> e.clusterOpt().ifPresent(down::add);
                // The manager tries the candidate and waits for its attempt-timeout: "trying" until then, and
                // given up on ("timed out") after; never both at once.
                case CANDIDATE_SKIPPED -> attempts.put(e.subject(), shortReason(e));
                case ATTEMPT_TIMED_OUT -> {
                    String why = attempts.remove(e.subject());
                    skipped.put(e.subject(), "timed out" + (why == null ? "" : ": " + why));
                }
                case PROMOTED -> {
                    promoted.add(e.subject());
                    attempts.remove(e.subject());
                    e.clusterOpt().ifPresent(c -> {
                        newPrimary.put(c, e.subject());
                        down.remove(c);
                    });
                }
                case REPOINTED -> e.clusterOpt().map(newPrimary::get).ifPresent(p -> repointed.put(e.subject(), p));
                case OUTAGE -> {
                    down.add(e.clusterOpt().orElse(e.subject()));
                    attempts.forEach((c, why) -> skipped.put(c, why)); // the run ended on them
                    attempts.clear();
                }
                case SERVICE_DOWN -> services.put(e.subject(), ServiceHealth.DOWN);
                case SERVICE_DEGRADED -> services.put(e.subject(), ServiceHealth.DEGRADED);
                case SERVICE_RESTORED -> services.put(e.subject(), e.reason().contains("degraded")
                        ? ServiceHealth.DEGRADED : ServiceHealth.OK);
                case ROUTE_FOLLOWS, ROUTE_WAITING, ROUTE_STUCK -> routes.put(e.subject(),
                        new GraphOverlay.RouteLook(e.detailOpt().orElse("unknown"), e.related()));
                default -> { }
            }
        }
        String trying = attempts.isEmpty() ? null : attempts.keySet().stream().reduce((a, b) -> b).orElseThrow();
        Set<String> degraded = new HashSet<>();
        clusterStates.forEach((c, h) -> {
            if (h == Health.DEGRADED && !down.contains(c)) {
                degraded.add(c);
            }
        });
        return new GraphOverlay(failed, trying, trying == null ? null : attempts.get(trying), skipped, promoted, down,
                degraded, services, repointed, routes);
    }

    /** The event's short words ("decommissioned"), else its sentence after the first colon. */
    static String shortReason(SimulationEvent e) {
        if (e.detail() != null) {
            return e.detail();
        }
        String r = e.reason();
        int colon = r.indexOf(": ");
        return colon >= 0 ? r.substring(colon + 2) : r;
    }
}
