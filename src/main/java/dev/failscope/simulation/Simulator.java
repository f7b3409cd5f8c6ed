package dev.failscope.simulation;

import dev.failscope.analysis.RouteReach;
import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.Route;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates failure scenarios on an immutable topology. Only the clusters that contain a failed server and the
 * services that use them (or are pinned to a failed server) are simulated, so the cost of a scenario is
 * proportional to what it touches. The topology is never copied or changed.
 */
public final class Simulator {
    private final SimulationIndex index;
    /** The route each dependency goes through, by service name, computed once (empty without routes). */
    private final Map<String, Map<Dependency, Route>> routeOf;

    public Simulator(Topology topology) {
        this(SimulationIndex.of(topology));
    }

    /** A simulator over a prepared index: build the index once, run many scenarios. */
    public Simulator(SimulationIndex index) {
        this.index = index;
        this.routeOf = routesOf(index.topology());
    }

    public SimulationIndex index() {
        return index;
    }

    public Simulation run(FailureScenario scenario) {
        return run(scenario, index.failures(scenario));
    }

    /** As {@link #run(FailureScenario)}, with the scenario's failures already resolved by this index. */
    Simulation run(FailureScenario scenario, Map<String, Failure> failures) {
        Topology topology = index.topology();
        List<SimulationEvent> events = new ArrayList<>();
        Map<String, ServerOutcome> servers = new HashMap<>();
        for (Failure f : failures.values()) {
            events.add(failedEvent(topology, f));
            servers.put(f.server(), new ServerOutcome(f.server(), ServerOutcome.State.FAILED, f.at()));
        }

        Map<String, ClusterOutcome> clusters = new HashMap<>();
        Map<String, List<ClusterCondition>> histories = new HashMap<>();
        for (String name : touchedClusters(failures)) {
            Cluster c = topology.cluster(name).orElseThrow();
            ClusterRun run = new ClusterRun(index, c, failures).run();
            events.addAll(run.events());
            clusters.put(name, run.outcome());
            histories.put(name, run.history());
            run.stale().forEach(s -> servers.putIfAbsent(s, new ServerOutcome(s, ServerOutcome.State.STALE, null)));
        }

        Map<String, ServiceOutcome> services = new HashMap<>();
        Map<String, List<RouteState>> routeStates = new TreeMap<>();
        for (String name : touchedServices(failures, clusters.keySet())) {
            Service s = topology.service(name).orElseThrow();
            Map<Dependency, List<RouteState>> routes = routes(topology, s, histories, failures, routeStates, events);
            services.put(name, new ServiceRun(s, histories, failures, routes).run(events));
        }
        Map<String, RouteState> routeEnd = new TreeMap<>();
        routeStates.forEach((k, v) -> routeEnd.put(k, v.get(v.size() - 1)));
        return new Simulation(scenario, new Timeline(events), clusters, services, servers, routeEnd);
    }

    /** True when some dependency of the service goes through a declared route. */
    boolean routed(String service) {
        return routeOf.containsKey(service);
    }

    /** The states of the route each dependency of {@code s} goes through; each route's changes become events once. */
    private static Map<String, Map<Dependency, Route>> routesOf(Topology topology) {
        Map<String, Map<Dependency, Route>> out = new HashMap<>();
        if (topology.routes().isEmpty()) {
            return out;
        }
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                RouteReach.routeOf(topology, s, d).ifPresent(r -> out.computeIfAbsent(s.name(),
                        k -> new HashMap<>()).putIfAbsent(d, r));
            }
        }
        return out;
    }

    private Map<Dependency, List<RouteState>> routes(Topology topology, Service s,
                                                            Map<String, List<ClusterCondition>> histories,
                                                            Map<String, Failure> failures,
                                                            Map<String, List<RouteState>> done,
                                                            List<SimulationEvent> events) {
        Map<Dependency, List<RouteState>> out = new HashMap<>();
        for (Dependency d : s.dependsOn()) {
            Route r = routeOf.getOrDefault(s.name(), Map.of()).get(d);
            if (r == null || d.kind() != Dependency.Kind.CLUSTER) {
                continue;
            }
            String cluster = d.target().name();
            List<ClusterCondition> history = histories.getOrDefault(cluster, List.of(ClusterCondition.healthy(
                    topology.cluster(cluster).map(c -> c.primary().name()).orElse(null))));
            List<RouteState> states = done.get(r.name());
            if (states == null) {
                states = new RouteRun(topology, r, failures).run(history);
                done.put(r.name(), states);
                RouteEvents.add(states, events);
            }
            out.put(d, states);
        }
        return out;
    }

    private static SimulationEvent failedEvent(Topology topology, Failure f) {
        String domain = topology.server(f.server()).map(Server::domainLabel).orElse("");
        String reason = f.cause().kind() == FailureTarget.Kind.SERVER
                ? f.server() + " fails" + (domain.isEmpty() ? "" : " (" + domain + ")")
                : f.server() + " fails with " + f.cause().describe();
        return new SimulationEvent(f.at(), EventKind.FAILED, f.server(), null, reason, null, "failed",
                null, null);
    }

    /** The clusters a failure of these servers touches, in declaration order. */
    List<String> touchedClusters(Map<String, Failure> failures) {
        if (failures.size() == 1) {
            return index.clustersOf(failures.keySet().iterator().next()); // already in declaration order
        }
        Set<String> names = new LinkedHashSet<>();
        for (String server : failures.keySet()) {
            names.addAll(index.clustersOf(server));
        }
        return names.stream().sorted(Comparator.comparingInt(index::clusterOrder)).toList();
    }

    /** The services that use the touched clusters or are pinned to a failed server, in declaration order. */
    List<String> touchedServices(Map<String, Failure> failures, Set<String> clusters) {
        if (clusters.size() <= 1 && failures.size() == 1) {
            List<String> ofCluster = clusters.isEmpty() ? List.of()
                    : index.servicesUsing(NodeKind.CLUSTER, clusters.iterator().next());
            List<String> pinned = index.servicesUsing(NodeKind.SERVER, failures.keySet().iterator().next());
            if (pinned.isEmpty() || ofCluster.isEmpty()) {
                return pinned.isEmpty() ? ofCluster : pinned; // one list, already in declaration order
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (String c : clusters) {
            names.addAll(index.servicesUsing(NodeKind.CLUSTER, c));
        }
        for (String server : failures.keySet()) {
            names.addAll(index.servicesUsing(NodeKind.SERVER, server));
        }
        return names.stream().sorted(Comparator.comparingInt(index::serviceOrder)).toList();
    }
}
