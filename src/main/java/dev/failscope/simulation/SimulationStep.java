package dev.failscope.simulation;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state after the first {@code applied} events of a timeline: what a viewer draws at that step. Only what
 * the scenario changed is listed; everything else is as configured.
 *
 * @param applied      how many events have been applied (0 = before the first)
 * @param current      the last event applied, or null before the first
 * @param failed       servers failed so far
 * @param stale        replicas whose source chain is broken (and that are still up)
 * @param trying       the candidate being tried at this step (the current event's), or null
 * @param skipped      candidates skipped so far, with short words for a callout
 * @param promoted     servers promoted so far
 * @param primaries    for clusters that failed over: their writable primary now
 * @param clustersDown clusters without a writable primary now (failing over, or out)
 * @param clusters     touched clusters and their state now
 * @param services     touched services and their state now
 * @param repointed    replicas re-pointed so far, with their new source
 * @param routes       routes the timeline has said something about, with where they send clients now
 */
public record SimulationStep(int applied, SimulationEvent current, Set<String> failed, Set<String> stale,
                             String trying, Map<String, String> skipped, Set<String> promoted,
                             Map<String, String> primaries, Set<String> clustersDown, Map<String, Health> clusters,
                             Map<String, Health> services, Map<String, String> repointed,
                             Map<String, Route> routes) {
    /**
     * Where a route sends its clients at this step (from its route-follows, -waiting and -stuck events).
     *
     * @param state  following, waiting, pinned, nowhere or unknown
     * @param server the server clients reach or are pinned to, or null
     */
    public record Route(String state, String server) {
        public Route {
            java.util.Objects.requireNonNull(state, "state");
        }

        /** True when clients reach the primary through the route. */
        public boolean following() {
            return "following".equals(state);
        }
    }

    public SimulationStep {
        failed = Set.copyOf(failed);
        stale = Set.copyOf(stale);
        skipped = Map.copyOf(skipped);
        promoted = Set.copyOf(promoted);
        primaries = Map.copyOf(primaries);
        clustersDown = Set.copyOf(clustersDown);
        clusters = Map.copyOf(clusters);
        services = Map.copyOf(services);
        repointed = Map.copyOf(repointed);
        routes = Map.copyOf(routes);
    }

    /** Replays the first {@code n} events of the timeline. */
    static SimulationStep replay(Timeline timeline, int n) {
        if (n < 0 || n > timeline.events().size()) {
            throw new IndexOutOfBoundsException("step " + n + " of " + timeline.events().size());
        }
        Set<String> failed = new HashSet<>();
        Set<String> stale = new HashSet<>();
        Map<String, String> skipped = new HashMap<>();
        Set<String> promoted = new HashSet<>();
        Map<String, String> primaries = new HashMap<>();
        Set<String> down = new HashSet<>();
        Map<String, Health> clusters = new HashMap<>();
        Map<String, Health> services = new HashMap<>();
        Map<String, String> repointed = new HashMap<>();
        Map<String, Route> routes = new HashMap<>();
        SimulationEvent current = null;
        for (SimulationEvent e : timeline.events().subList(0, n)) {
            current = e;
            if (e.cluster() != null && e.state() != null) {
                clusters.put(e.cluster(), e.state());
            }
            switch (e.kind()) {
                case FAILED -> {
                    failed.add(e.subject());
                    stale.remove(e.subject());
                }
                case PRIMARY_LOST -> {
                    down.add(e.cluster());
                    primaries.remove(e.cluster());
                }
                case CANDIDATE_SKIPPED -> skipped.put(e.subject(), e.detailOpt().orElse(e.reason()));
                case PROMOTED -> {
                    promoted.add(e.subject());
                    skipped.remove(e.subject());
                    primaries.put(e.cluster(), e.subject());
                    down.remove(e.cluster());
                }
                case REPOINTED -> e.relatedOpt().ifPresent(source -> repointed.put(e.subject(), source));
                case REPLICA_STALE -> stale.add(e.subject());
                case OUTAGE -> down.add(e.cluster());
                case SERVICE_DOWN, SERVICE_DEGRADED, SERVICE_RESTORED -> services.put(e.subject(), e.state());
                case ROUTE_FOLLOWS, ROUTE_WAITING, ROUTE_STUCK -> routes.put(e.subject(),
                        new Route(e.detailOpt().orElse("unknown"), e.related()));
                default -> { }
            }
        }
        String trying = current != null && (current.kind() == EventKind.CANDIDATE_SKIPPED
                || current.kind() == EventKind.ATTEMPT_TIMED_OUT || current.kind() == EventKind.PROMOTED)
                ? current.subject() : null;
        return new SimulationStep(n, current, failed, stale, trying, skipped, promoted, primaries, down, clusters,
                services, repointed, routes);
    }

    public Optional<SimulationEvent> currentOpt() {
        return Optional.ofNullable(current);
    }

    public Optional<String> tryingOpt() {
        return Optional.ofNullable(trying);
    }

    /** The time of the current event (zero before the first). */
    public Duration at() {
        return current == null ? Duration.ZERO : current.at();
    }

    public Health cluster(String name) {
        return clusters.getOrDefault(name, Health.OK);
    }

    public Health service(String name) {
        return services.getOrDefault(name, Health.OK);
    }

    /** The writable primary of a cluster at this step: empty while it has none. */
    public Optional<String> primary(String cluster, String configured) {
        if (clustersDown.contains(cluster)) {
            return Optional.empty();
        }
        return Optional.ofNullable(primaries.getOrDefault(cluster, configured));
    }
}
