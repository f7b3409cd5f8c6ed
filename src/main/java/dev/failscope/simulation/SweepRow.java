package dev.failscope.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One failure of a sweep and what it takes down or degrades at the end.
 *
 * @param scenario         what failed
 * @param pair             true for a pair of servers, false for a single failure (server, zone, region, host)
 * @param result           the worst end state of any cluster or service
 * @param clustersDown     clusters left without a writable primary
 * @param clustersDegraded clusters left with fewer members or stale replicas
 * @param servicesDown     services down at the end
 * @param servicesDegraded services degraded at the end
 * @param maxRto           the longest RTO of a cluster that failed over, or null
 * @param clustersBlocked  clusters whose primary is up but whose writes block
 * @param promoted         per cluster that failed over, who may end as its primary (one when the configs or the
 *                         observations decide), by cluster name
 * @param routesStuck      routes that do not reach what they serve at the end, as "NAME: REASON"
 */
public record SweepRow(FailureScenario scenario, boolean pair, Health result, List<String> clustersDown,
                       List<String> clustersDegraded, List<String> servicesDown, List<String> servicesDegraded,
                       Duration maxRto, List<String> clustersBlocked, Map<String, List<String>> promoted,
                       List<String> routesStuck) {
    /** A row without promotions or routes. */
    public SweepRow(FailureScenario scenario, boolean pair, Health result, List<String> clustersDown,
                    List<String> clustersDegraded, List<String> servicesDown, List<String> servicesDegraded,
                    Duration maxRto, List<String> clustersBlocked) {
        this(scenario, pair, result, clustersDown, clustersDegraded, servicesDown, servicesDegraded, maxRto,
                clustersBlocked, Map.of(), List.of());
    }

    public SweepRow {
        promoted = promoted.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(promoted));
        routesStuck = List.copyOf(routesStuck);
        clustersBlocked = List.copyOf(clustersBlocked);
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(result, "result");
        clustersDown = List.copyOf(clustersDown);
        clustersDegraded = List.copyOf(clustersDegraded);
        servicesDown = List.copyOf(servicesDown);
        servicesDegraded = List.copyOf(servicesDegraded);
    }

    static SweepRow of(Simulation sim) {
        Simulation.Summary s = sim.summary();
        Duration rto = s.rto().values().stream().max(Duration::compareTo).orElse(null);
        Map<String, List<String>> promoted = new LinkedHashMap<>();
        for (ClusterOutcome c : sim.clusters().values()) {
            if (c.failovers() > 0 && !c.possiblePrimaries().isEmpty()) {
                promoted.put(c.name(), c.possiblePrimaries());
            }
        }
        return new SweepRow(sim.scenario(), sim.scenario().targets().size() > 1, sim.worst(), s.clustersDown(),
                s.clustersDegraded(), s.servicesDown(), s.servicesDegraded(), rto, s.clustersBlocked(), promoted,
                sim.routes().values().stream().filter(r -> !r.reaches()).map(r -> r.route() + " " + r.reason())
                        .toList());
    }

    /** How a touched service ends, for {@link #of(FailureScenario, List, List)}. */
    record ServiceEnd(String name, Health health) {}

    /**
     * The row from how the touched clusters and services end, both in name order, without a timeline: what
     * {@link #of(Simulation)} gives for a simulation with these outcomes and no routes (worst of all, longest RTO).
     */
    static SweepRow of(FailureScenario scenario, List<ClusterOutcome> clustersByName,
                       List<ServiceEnd> servicesByName) {
        Health worst = Health.OK;
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        Duration rto = null;
        Map<String, List<String>> promoted = new LinkedHashMap<>();
        for (ClusterOutcome c : clustersByName) {
            worst = worst.worst(c.health());
            names(c.health(), c.name(), down, degraded, blocked);
            if (c.rto() != null && (rto == null || c.rto().compareTo(rto) > 0)) {
                rto = c.rto();
            }
            if (c.failovers() > 0 && !c.possiblePrimaries().isEmpty()) {
                promoted.put(c.name(), c.possiblePrimaries());
            }
        }
        List<String> servicesDown = new ArrayList<>();
        List<String> servicesDegraded = new ArrayList<>();
        for (ServiceEnd s : servicesByName) {
            worst = worst.worst(s.health());
            names(s.health(), s.name(), servicesDown, servicesDegraded, new ArrayList<>());
        }
        return new SweepRow(scenario, scenario.targets().size() > 1, worst, down, degraded, servicesDown,
                servicesDegraded, rto, blocked, promoted, List.of());
    }

    private static void names(Health health, String name, List<String> down, List<String> degraded,
                              List<String> blocked) {
        switch (health) {
            case DOWN -> down.add(name);
            case DEGRADED -> degraded.add(name);
            case WRITES_BLOCKED -> blocked.add(name);
            case OK -> { }
        }
    }

    public String label() {
        return scenario.label();
    }

    /** Down, or writes blocked (a split verdict already counts as the worst of its possibilities). */
    public boolean outage() {
        return result.outage();
    }

    public Optional<Duration> maxRtoOpt() {
        return Optional.ofNullable(maxRto);
    }
}
