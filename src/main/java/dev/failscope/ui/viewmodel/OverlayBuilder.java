package dev.failscope.ui.viewmodel;

import dev.failscope.simulation.EventKind;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.ui.viewmodel.GraphOverlay.ServiceHealth;
import java.util.HashMap;
import java.util.HashSet;
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
        Set<String> promoted = new HashSet<>();
        Set<String> down = new HashSet<>();
        Map<String, ServiceHealth> services = new HashMap<>();
        Map<String, String> repointed = new HashMap<>();
        Map<String, String> newPrimary = new HashMap<>();
        String trying = null;
        int n = Math.max(0, Math.min(step, events.size()));
        for (int i = 0; i < n; i++) {
            SimulationEvent e = events.get(i);
            boolean current = i == n - 1;
            switch (e.kind()) {
                case FAILED -> failed.add(e.subject());
                case CANDIDATE_SKIPPED -> skipped.put(e.subject(), shortReason(e));
                case PROMOTED -> {
                    promoted.add(e.subject());
                    e.clusterOpt().ifPresent(c -> {
                        newPrimary.put(c, e.subject());
                        down.remove(c);
                    });
                }
                case REPOINTED -> e.clusterOpt().map(newPrimary::get).ifPresent(p -> repointed.put(e.subject(), p));
                case OUTAGE -> down.add(e.clusterOpt().orElse(e.subject()));
                case SERVICE_DOWN -> services.put(e.subject(), ServiceHealth.DOWN);
                case SERVICE_DEGRADED -> services.put(e.subject(), ServiceHealth.DEGRADED);
                case SERVICE_RESTORED -> services.put(e.subject(), e.reason().contains("degraded")
                        ? ServiceHealth.DEGRADED : ServiceHealth.OK);
                default -> { }
            }
            if (current && (e.kind() == EventKind.CANDIDATE_SKIPPED || e.kind() == EventKind.ATTEMPT_TIMED_OUT)) {
                trying = e.subject();
            }
        }
        return new GraphOverlay(failed, trying, skipped, promoted, down, services, repointed);
    }

    /** "skip db-legacy-2: decommissioned" → "decommissioned". */
    static String shortReason(SimulationEvent e) {
        String r = e.reason();
        int colon = r.indexOf(": ");
        return colon >= 0 ? r.substring(colon + 2) : r;
    }
}
