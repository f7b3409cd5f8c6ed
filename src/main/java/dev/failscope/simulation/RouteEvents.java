package dev.failscope.simulation;

import java.util.List;

/** A route's changes of state as timeline events: "route pgbouncer-catify pins db-main-1, which failed". */
final class RouteEvents {
    private RouteEvents() {}

    /** Every change after the start, and the start itself when the route does not reach what it serves. */
    static void add(List<RouteState> states, List<SimulationEvent> out) {
        for (int i = 0; i < states.size(); i++) {
            RouteState s = states.get(i);
            if (i == 0 && s.reaches()) {
                continue;
            }
            EventKind kind = switch (s.kind()) {
                case FOLLOWING -> EventKind.ROUTE_FOLLOWS;
                case WAITING -> EventKind.ROUTE_WAITING;
                case PINNED, NOWHERE, UNKNOWN -> EventKind.ROUTE_STUCK;
            };
            out.add(new SimulationEvent(s.at(), kind, s.route(), null, "route " + s.route() + " " + s.reason(),
                    s.position(), s.kind().label(), s.server(), null));
        }
    }
}
