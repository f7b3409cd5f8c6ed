package dev.failscope.simulation;

import dev.failscope.analysis.CheckEndpoint;
import dev.failscope.analysis.RouteReach;
import dev.failscope.analysis.RouteReach.Backend;
import dev.failscope.model.Access;
import dev.failscope.model.Durations;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Route;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A route's state over a scenario, from its cluster's history: after a promotion, a route reaches the new
 * primary only if the new primary is among its backends, and only when the route itself notices (its health
 * check passing {@code rise} times, the client reconnecting, the failover command or virtual IP moving). A fixed
 * host never follows.
 */
final class RouteRun {
    private final Topology topology;
    private final Route route;
    private final Map<String, Failure> failures;
    private final List<Backend> backends;
    private final List<String> servers;

    RouteRun(Topology topology, Route route, Map<String, Failure> failures) {
        this.topology = topology;
        this.route = route;
        this.failures = failures;
        this.backends = RouteReach.backends(topology, route);
        this.servers = RouteReach.servers(topology, route);
    }

    /** The route's states in time order, the first at 0. */
    List<RouteState> run(List<ClusterCondition> history) {
        return run(history, new java.util.HashSet<>());
    }

    private List<RouteState> run(List<ClusterCondition> history, java.util.Set<String> seen) {
        seen.add(route.name());
        java.util.Optional<Route> next = route.follow() == Follow.NONE ? RouteReach.forwarded(topology, route)
                : java.util.Optional.empty();
        if (next.isPresent() && !seen.contains(next.get().name())) {
            List<RouteState> inner = new RouteRun(topology, next.get(), failures).run(history, seen);
            return inner.stream().map(s -> new RouteState(route.name(), s.at(), s.kind(), s.server(),
                    "forwards to " + s.route() + ", which " + s.reason(), s.position())).toList();
        }
        List<RouteState> out = new ArrayList<>();
        String last = history.get(0).primary();
        Duration readyAt = Duration.ZERO;
        for (int i = 0; i < history.size(); i++) {
            ClusterCondition c = history.get(i);
            Duration until = i + 1 < history.size() ? history.get(i + 1).at() : null;
            boolean changed = c.primary() != null && !Objects.equals(c.primary(), last);
            Verdict v = verdict(c, !changed);
            if (changed) {
                last = c.primary();
                readyAt = c.at().plus(v.delay());
            }
            if (v.state().reaches() && c.at().compareTo(readyAt) < 0) {
                add(out, waiting(c).at(c.at()));
                if (until == null || readyAt.compareTo(until) < 0) {
                    add(out, v.state().at(readyAt));
                }
            } else {
                add(out, v.state().at(c.at()));
            }
        }
        return out;
    }

    private static void add(List<RouteState> out, RouteState s) {
        if (!out.isEmpty() && out.get(out.size() - 1).sameAs(s)) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).at().equals(s.at())) {
            out.remove(out.size() - 1);
        }
        out.add(s);
    }

    /** A state and how long after a new primary the route acts on it. */
    private record Verdict(RouteState state, Duration delay) {
        static Verdict now(RouteState s) {
            return new Verdict(s, Duration.ZERO);
        }
    }

    private RouteState waiting(ClusterCondition c) {
        HealthCheck check = route.check();
        String how = check == null ? "" : " (" + CheckEndpoint.describe(check) + " must pass " + check.rise()
                + " times, every " + Durations.format(check.interval()) + ")";
        return state(RouteState.Kind.WAITING, null, "has not marked " + c.primary() + " up yet" + how,
                check != null ? check.position() : route.position());
    }

    private Verdict verdict(ClusterCondition c, boolean settled) {
        if (route.access() == Access.READ) {
            return Verdict.now(read(c));
        }
        if (c.primary() == null) {
            return Verdict.now(route.follow() == Follow.NONE ? pinned(c.primary(), c)
                    : state(RouteState.Kind.WAITING, null, "has no primary to send clients to", route.position()));
        }
        if (c.possible().size() > 1) {
            return split(c, settled);
        }
        return write(c.primary(), c, settled);
    }

    /** Run time picks the new primary among several: the route may reach some and not others. */
    private Verdict split(ClusterCondition c, boolean settled) {
        List<String> reaching = new ArrayList<>();
        List<String> not = new ArrayList<>();
        Verdict first = null;
        Duration delay = Duration.ZERO;
        for (String p : c.possible()) {
            Verdict v = write(p, c, settled);
            (v.state().reaches() ? reaching : not).add(p);
            if (!v.state().reaches() && first == null) {
                first = v;
            }
            delay = delay.compareTo(v.delay()) < 0 ? v.delay() : delay;
        }
        if (not.isEmpty()) {
            return new Verdict(state(RouteState.Kind.FOLLOWING, c.primary(), "reaches whichever of "
                    + String.join(" or ", c.possible()) + " run time promotes", route.position()), delay);
        }
        if (reaching.isEmpty()) {
            return first;
        }
        return Verdict.now(state(RouteState.Kind.UNKNOWN, null, "reaches " + String.join(" or ", reaching)
                + " but not " + String.join(" or ", not) + ", and run time decides which is promoted: "
                + first.state().reason(), first.state().position()));
    }

    private Verdict write(String primary, ClusterCondition c, boolean settled) {
        if (route.follow() == Follow.NONE) {
            return Verdict.now(pinned(primary, c));
        }
        boolean unresolved = servers.isEmpty();
        if (unresolved && (route.follow() == Follow.VIRTUAL_IP || route.follow() == Follow.MANAGER)) {
            return Verdict.now(state(RouteState.Kind.FOLLOWING, primary, "follows " + primary + " ("
                    + route.follow().label() + ", assumed to move with the primary: its targets name no "
                    + "inventory server)", route.position()));
        }
        if (!servers.contains(primary)) {
            return Verdict.now(state(RouteState.Kind.NOWHERE, null, primary + " is not among its targets "
                    + targetList() + ": it has nowhere to send writes", targetsPosition()));
        }
        return switch (route.follow()) {
            case HEALTH_CHECK -> healthCheck(primary, c, settled);
            case READ_ONLY_FLAG -> new Verdict(following(primary, "by its read_only flag"), settled
                    || route.check() == null ? Duration.ZERO : route.check().timeToMarkUp());
            case MULTI_HOST -> Verdict.now(following(primary, "at the client's reconnect (multi-host)"));
            case MANAGER -> Verdict.now(following(primary, "repointed by the manager"));
            case FAILOVER_COMMAND -> Verdict.now(following(primary, "repointed by its failover command"));
            case VIRTUAL_IP -> Verdict.now(following(primary, "through the virtual IP"));
            case NONE -> throw new IllegalStateException("handled above");
        };
    }

    private Verdict healthCheck(String primary, ClusterCondition c, boolean settled) {
        HealthCheck check = route.check();
        if (check == null) {
            return Verdict.now(state(RouteState.Kind.UNKNOWN, null, "follows by health check, but none is "
                    + "written: which backend it sends clients to is unknown", route.position()));
        }
        CheckEndpoint ep = CheckEndpoint.of(check);
        String what = CheckEndpoint.describe(check);
        if (CheckEndpoint.onDatabasePort(route, check)) {
            return Verdict.now(state(RouteState.Kind.NOWHERE, null, "checks " + what + " on the database "
                    + "port, which never answers HTTP: every backend is marked down", check.position()));
        }
        if (ep.primaryOnly()) {
            return new Verdict(following(primary, "its check " + what + " passes on " + primary),
                    settled ? Duration.ZERO : check.timeToMarkUp());
        }
        if (ep == CheckEndpoint.UNKNOWN) {
            return Verdict.now(state(RouteState.Kind.UNKNOWN, null, "checks " + what + ", a path Failscope "
                    + "does not know: which backend passes is unknown", check.position()));
        }
        if (!ep.passesOnPrimary()) {
            return Verdict.now(state(RouteState.Kind.NOWHERE, null, "checks " + what + ", which fails on the "
                    + "primary " + primary + ": writes go to replicas or nowhere", check.position()));
        }
        List<String> up = liveInUse(c.at());
        if (up.equals(List.of(primary))) {
            return Verdict.now(following(primary, primary + " is the only live backend"
                    + (isBackup(primary) ? " (a backup, used once the others are down)" : "")));
        }
        return Verdict.now(state(RouteState.Kind.UNKNOWN, null, "checks " + what + ", which passes on "
                + "replicas too: writes may go to " + String.join(" or ", up.stream().filter(s -> !s.equals(primary))
                .toList()) + ", a read-only replica", check.position()));
    }

    /** The live backends the proxy balances over: the non-backup ones, or the backups once all those are down. */
    private List<String> liveInUse(Duration at) {
        List<String> main = backends.stream().filter(b -> !b.backup() && b.server() != null)
                .map(Backend::server).filter(s -> !failed(s, at)).distinct().toList();
        if (!main.isEmpty()) {
            return main;
        }
        return backends.stream().filter(b -> b.backup() && b.server() != null).map(Backend::server)
                .filter(s -> !failed(s, at)).distinct().toList();
    }

    private boolean isBackup(String server) {
        return backends.stream().noneMatch(b -> server.equals(b.server()) && !b.backup());
    }

    /** A fixed host: clients reach the server written there, whoever is primary. */
    private RouteState pinned(String primary, ClusterCondition c) {
        Backend b = RouteReach.pinned(topology, route).orElse(null);
        if (b == null) {
            return state(RouteState.Kind.NOWHERE, null, "has no target", route.position());
        }
        String written = b.target().written().name();
        if (b.server() == null) {
            return state(RouteState.Kind.NOWHERE, null, "pins " + written + ", which is no inventory server",
                    b.target().position());
        }
        if (b.server().equals(primary)) {
            return state(RouteState.Kind.FOLLOWING, primary, "pins " + label(b) + ", the primary",
                    b.target().position());
        }
        String why = failed(b.server(), c.at()) ? "which failed" : topology.server(b.server())
                .filter(s -> s.status() == dev.failscope.model.ServerStatus.DECOMMISSIONED)
                .map(s -> "which is decommissioned").orElse(primary == null ? "which is not a writable primary"
                        : "not the primary " + primary);
        return state(RouteState.Kind.PINNED, b.server(), "pins " + label(b) + ", " + why, b.target().position());
    }

    /** A read route: some live server it sends reads to. */
    private RouteState read(ClusterCondition c) {
        if (route.follow() == Follow.NONE) {
            Backend b = RouteReach.pinned(topology, route).orElse(null);
            if (b != null && b.server() != null && !failed(b.server(), c.at())) {
                return state(RouteState.Kind.FOLLOWING, b.server(), "pins " + label(b) + ", which is up",
                        b.target().position());
            }
            return pinned(c.primary(), c);
        }
        CheckEndpoint ep = route.check() == null ? CheckEndpoint.CONNECT : CheckEndpoint.of(route.check());
        List<String> up = servers.stream().filter(s -> !failed(s, c.at()))
                .filter(s -> s.equals(c.primary()) ? ep.passesOnPrimary() : ep.passesOnReplicas()).toList();
        if (up.isEmpty()) {
            return state(RouteState.Kind.NOWHERE, null, "has no live backend its check lets through",
                    route.check() != null ? route.check().position() : targetsPosition());
        }
        return state(RouteState.Kind.FOLLOWING, up.get(0), "sends reads to " + String.join(", ", up),
                route.position());
    }

    private String label(Backend b) {
        String written = b.target().written().name();
        return written.equals(b.server()) ? written : written + " (" + b.server() + ")";
    }

    private RouteState following(String primary, String how) {
        return state(RouteState.Kind.FOLLOWING, primary, "sends clients to " + primary + ": " + how,
                route.position());
    }

    private RouteState state(RouteState.Kind kind, String server, String reason, SourcePosition at) {
        return new RouteState(route.name(), Duration.ZERO, kind, server, reason, at);
    }

    private String targetList() {
        return "(" + String.join(", ", backends.stream().map(b -> b.server() != null ? b.server()
                : b.target().written().name()).distinct().toList()) + ")";
    }

    private SourcePosition targetsPosition() {
        return route.facts().orElse("targets", route.position());
    }

    private boolean failed(String server, Duration at) {
        return SimulationIndex.failedBy(failures, server, at);
    }
}
