package dev.failscope.simulation;

import dev.failscope.model.Access;
import dev.failscope.model.Dependency;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A service's status over time, from the conditions of the clusters it uses and the servers it is pinned to.
 * A write dependency needs a writable primary, a read dependency any healthy member, a pinned dependency its
 * server (it does not follow failover).
 */
final class ServiceRun {
    /** The status at one time, with the dependency that decided it. */
    private record Status(Health health, String reason, SourcePosition position, String still) {
        static final Status OK = new Status(Health.OK, null, null, null);

        Status(Health health, String reason, SourcePosition position) {
            this(health, reason, position, null);
        }
    }

    private final Service service;
    private final Map<String, List<ClusterCondition>> clusters;
    private final Map<String, Failure> failures;
    private final Map<Dependency, List<RouteState>> routes;
    private final boolean narrate;

    ServiceRun(Service service, Map<String, List<ClusterCondition>> clusters, Map<String, Failure> failures) {
        this(service, clusters, failures, Map.of());
    }

    /** @param routes the states of the route each dependency goes through, if it goes through one */
    ServiceRun(Service service, Map<String, List<ClusterCondition>> clusters, Map<String, Failure> failures,
               Map<Dependency, List<RouteState>> routes) {
        this(service, clusters, failures, routes, true);
    }

    /**
     * @param narrate false to compute only how the service ends (its health and downtimes), without events or
     *                reasons (a sweep's row needs neither)
     */
    ServiceRun(Service service, Map<String, List<ClusterCondition>> clusters, Map<String, Failure> failures,
               Map<Dependency, List<RouteState>> routes, boolean narrate) {
        this.narrate = narrate;
        this.service = service;
        this.clusters = clusters;
        this.failures = failures;
        this.routes = routes;
    }

    /** Appends the service's events to {@code out} and returns how it ends. */
    ServiceOutcome run(List<SimulationEvent> out) {
        Status current = Status.OK;
        List<ServiceOutcome.Downtime> downtimes = new ArrayList<>();
        Duration downSince = null;
        for (Duration t : changeTimes()) {
            Status next = statusAt(t);
            if (next.health() == current.health()) {
                if (next.health() == Health.DOWN && next.still() != null && !next.reason().equals(current.reason())) {
                    String still = next.still();
                    add(out, t, EventKind.SERVICE_DOWN, () -> "service " + service.name() + " still DOWN " + still,
                            next.position(), next);
                }
                current = next.health() == Health.OK ? current : next;
                continue;
            }
            String name = service.name();
            String why = next.reason();
            if (next.health() == Health.DOWN) {
                add(out, t, EventKind.SERVICE_DOWN, () -> "service " + name + " DOWN: " + why, next.position(), next);
                downSince = t;
            } else if (current.health() == Health.DOWN) {
                String tail = next.health() == Health.DEGRADED ? ", degraded: " + next.reason() : "";
                add(out, t, EventKind.SERVICE_RESTORED, () -> "service " + name + " restored" + tail, current.position(),
                        next);
                downtimes.add(new ServiceOutcome.Downtime(downSince, t));
                downSince = null;
            } else if (next.health() == Health.DEGRADED) {
                add(out, t, EventKind.SERVICE_DEGRADED, () -> "service " + name + " degraded: " + why, next.position(),
                        next);
            } else {
                add(out, t, EventKind.SERVICE_RESTORED, () -> "service " + name + " back to ok", current.position(), next);
            }
            current = next;
        }
        if (downSince != null) {
            downtimes.add(new ServiceOutcome.Downtime(downSince, null));
        }
        return new ServiceOutcome(service.name(), current.health(), current.reason(), downtimes);
    }

    /**
     * How the service ends, without its story: the status at the last time anything it uses changes (what
     * {@link #run} ends with), or ok when nothing changes.
     */
    Health endHealth() {
        Duration last = null;
        for (Dependency d : service.dependsOn()) {
            String target = d.target().name();
            if (d.kind() == Dependency.Kind.CLUSTER) {
                List<ClusterCondition> history = clusters.get(target);
                if (history != null) {
                    last = later(last, history.get(history.size() - 1).at());
                }
            } else if (failures.containsKey(target)) {
                last = later(last, failures.get(target).at());
            }
            List<RouteState> route = routes.get(d);
            if (route != null && !route.isEmpty()) {
                last = later(last, route.get(route.size() - 1).at());
            }
        }
        return last == null ? Health.OK : statusAt(last).health();
    }

    private static Duration later(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private TreeSet<Duration> changeTimes() {
        TreeSet<Duration> times = new TreeSet<>();
        for (Dependency d : service.dependsOn()) {
            String target = d.target().name();
            if (d.kind() == Dependency.Kind.CLUSTER) {
                clusters.getOrDefault(target, List.of()).forEach(c -> times.add(c.at()));
            } else if (failures.containsKey(target)) {
                times.add(failures.get(target).at());
            }
            routes.getOrDefault(d, List.of()).forEach(r -> times.add(r.at()));
        }
        return times;
    }

    private Status statusAt(Duration t) {
        Status worst = Status.OK;
        for (Dependency d : service.dependsOn()) {
            Status s = statusOf(d, t);
            if (s.health().ordinal() > worst.health().ordinal()) {
                worst = s;
            }
        }
        return worst;
    }

    private static final Status QUIET_DOWN = new Status(Health.DOWN, "", null);
    private static final Status QUIET_DEGRADED = new Status(Health.DEGRADED, "", null);

    private Status statusOf(Dependency d, Duration t) {
        String target = d.target().name();
        SourcePosition pos = d.target().position();
        if (d.kind() == Dependency.Kind.SERVER) {
            return !SimulationIndex.failedBy(failures, target, t) ? Status.OK : !narrate ? QUIET_DOWN
                    : new Status(Health.DOWN, "needs pinned server " + d.label() + ", which failed", pos);
        }
        List<ClusterCondition> history = clusters.get(target);
        if (history == null) {
            history = List.of(ClusterCondition.healthy(null));
        }
        ClusterCondition c = at(history, t);
        if (d.access() == Access.WRITE && !c.writable()) {
            return !narrate ? QUIET_DOWN : new Status(Health.DOWN, "needs " + d.label() + ", and " + target + " has no writable primary",
                    pos);
        }
        if (d.access() == Access.READ && !c.readable()) {
            return !narrate ? QUIET_DOWN : new Status(Health.DOWN, "needs " + d.label() + ", and no member of " + target + " is up", pos);
        }
        List<RouteState> route = routes.get(d);
        if (route != null && !route.isEmpty()) {
            RouteState r = route(route, t);
            boolean elsewhere = d.access() == Access.WRITE && r.reaches() && c.primary() != null
                    && r.server() != null && !c.possible().contains(r.server());
            if (elsewhere) {
                r = new RouteState(r.route(), r.at(), RouteState.Kind.PINNED, r.server(), "sends clients to "
                        + r.server() + ", not to the primary " + c.primary() + " (a read route for writes)",
                        r.position());
            }
            if (!r.reaches()) {
                String promoted = c.primary() != null && !c.primary().equals(history.get(0).primary())
                        ? "after " + c.primary() + " is promoted: " : "while " + target + " has a primary: ";
                String why = r.route() + " " + r.reason();
                return new Status(Health.DOWN, "needs " + d.label() + " through " + r.route() + ", which " + r.reason(), r.positionOpt()
                        .orElse(pos), promoted + why);
            }
        }
        if (c.degraded() || !c.writable()) {
            return !narrate ? QUIET_DEGRADED : new Status(Health.DEGRADED, d.label() + " runs on reduced redundancy", pos);
        }
        return Status.OK;
    }

    private static RouteState route(List<RouteState> states, Duration t) {
        return latest(states, RouteState::at, t);
    }

    private static ClusterCondition at(List<ClusterCondition> history, Duration t) {
        return latest(history, ClusterCondition::at, t);
    }

    /** The last entry at or before {@code t} (the first when none is), of a list in time order. */
    private static <T> T latest(List<T> inOrder, java.util.function.Function<T, Duration> time, Duration t) {
        T found = inOrder.get(0);
        for (T x : inOrder) {
            if (time.apply(x).compareTo(t) <= 0) {
                found = x;
            }
        }
        return found;
    }

    /** Adds the event unless the run is quiet. */
    private void add(List<SimulationEvent> out, Duration t, EventKind kind, java.util.function.Supplier<String> reason,
                     SourcePosition position, Status next) {
        if (narrate) {
            out.add(event(t, kind, reason.get(), position, next));
        }
    }

    private SimulationEvent event(Duration t, EventKind kind, String reason, SourcePosition position, Status next) {
        return new SimulationEvent(t, kind, service.name(), null, reason, position, next.reason(), null,
                next.health());
    }
}
