package dev.failscope.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of one scenario: its timeline and how every touched server, cluster and service ends.
 * Elements the scenario never touched are not listed: they end ok (see {@link #cluster(String, String)}).
 *
 * @param scenario what failed
 * @param timeline the events, in time order
 * @param clusters touched clusters by name
 * @param services touched services by name
 * @param servers  failed or stale servers by name
 * @param routes   how each route the touched services go through ends, by route name
 */
public record Simulation(FailureScenario scenario, Timeline timeline, Map<String, ClusterOutcome> clusters,
                         Map<String, ServiceOutcome> services, Map<String, ServerOutcome> servers,
                         Map<String, RouteState> routes) {
    /** A simulation without routes. */
    public Simulation(FailureScenario scenario, Timeline timeline, Map<String, ClusterOutcome> clusters,
                      Map<String, ServiceOutcome> services, Map<String, ServerOutcome> servers) {
        this(scenario, timeline, clusters, services, servers, Map.of());
    }

    public Simulation {
        routes = java.util.Collections.unmodifiableMap(new TreeMap<>(routes));
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(timeline, "timeline");
        clusters = java.util.Collections.unmodifiableMap(new TreeMap<>(clusters));
        services = java.util.Collections.unmodifiableMap(new TreeMap<>(services));
        servers = java.util.Collections.unmodifiableMap(new TreeMap<>(servers));
    }

    /** The outcome of a cluster, ok with its configured primary when the scenario did not touch it. */
    public ClusterOutcome cluster(String name, String configuredPrimary) {
        return clusters.getOrDefault(name, ClusterOutcome.ok(name, configuredPrimary));
    }

    public ServiceOutcome service(String name) {
        return services.getOrDefault(name, ServiceOutcome.ok(name));
    }

    /** The state after the first {@code n} events (0 to {@code timeline().events().size()}), for stepping. */
    public SimulationStep step(int n) {
        return SimulationStep.replay(timeline, n);
    }

    /** The state at the end: the same as the outcomes. */
    public SimulationStep end() {
        return step(timeline.events().size());
    }

    public Summary summary() {
        Map<String, Duration> rto = new TreeMap<>();
        Map<String, Duration> rpo = new TreeMap<>();
        clusters.values().forEach(c -> {
            c.rtoOpt().ifPresent(d -> rto.put(c.name(), d));
            c.rpoRiskOpt().ifPresent(d -> rpo.put(c.name(), d));
        });
        return new Summary(names(clusters, Health.DOWN), names(clusters, Health.DEGRADED),
                services(Health.DOWN), services(Health.DEGRADED), rto, rpo, names(clusters, Health.WRITES_BLOCKED));
    }

    /** True when some cluster or service is down, or a cluster's writes block, at the end. */
    public boolean outage() {
        return clusters.values().stream().anyMatch(c -> c.health().outage())
                || services.values().stream().anyMatch(s -> s.health() == Health.DOWN);
    }

    /** The worst end state of any cluster or service. */
    public Health worst() {
        Health h = Health.OK;
        for (ClusterOutcome c : clusters.values()) {
            h = h.worst(c.health());
        }
        for (ServiceOutcome s : services.values()) {
            h = h.worst(s.health());
        }
        return h;
    }

    private static List<String> names(Map<String, ClusterOutcome> map, Health health) {
        return map.values().stream().filter(c -> c.health() == health).map(ClusterOutcome::name).toList();
    }

    private List<String> services(Health health) {
        return services.values().stream().filter(s -> s.health() == health).map(ServiceOutcome::name).toList();
    }

    /**
     * The headline numbers.
     *
     * @param clustersDown      clusters without a writable primary at the end
     * @param clustersDegraded  clusters that lost members or read stale data
     * @param servicesDown      services down at the end
     * @param servicesDegraded  services degraded at the end
     * @param rto               per failed-over cluster: detection plus the time lost on attempts
     * @param rpoRisk           per failed-over cluster: the lag of a promoted async replica (0 for sync)
     * @param clustersBlocked   clusters whose primary is up but whose writes block at the end
     */
    public record Summary(List<String> clustersDown, List<String> clustersDegraded, List<String> servicesDown,
                          List<String> servicesDegraded, Map<String, Duration> rto, Map<String, Duration> rpoRisk,
                          List<String> clustersBlocked) {
        public Summary {
            clustersBlocked = List.copyOf(clustersBlocked);
            clustersDown = List.copyOf(clustersDown);
            clustersDegraded = List.copyOf(clustersDegraded);
            servicesDown = List.copyOf(servicesDown);
            servicesDegraded = List.copyOf(servicesDegraded);
            rto = java.util.Collections.unmodifiableMap(new TreeMap<>(rto));
            rpoRisk = java.util.Collections.unmodifiableMap(new TreeMap<>(rpoRisk));
        }
    }
}
