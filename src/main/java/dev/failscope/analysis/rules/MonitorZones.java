package dev.failscope.analysis.rules;

import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Server;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The zones of a policy's monitors (sentinels, DCS members), one per monitor, for the rules that ask what a zone
 * loss leaves of a coordination quorum. Empty when any monitor has no known zone: the rules then say nothing.
 */
record MonitorZones(List<String> zones) {
    MonitorZones {
        zones = List.copyOf(zones);
    }

    static Optional<MonitorZones> of(Topology topology, FailoverPolicy policy) {
        List<String> zones = new ArrayList<>();
        for (Ref m : policy.monitors()) {
            Optional<String> zone = topology.server(m.name()).map(Server::zone);
            if (zone.isEmpty()) {
                return Optional.empty();
            }
            zones.add(zone.get());
        }
        return Optional.of(new MonitorZones(zones));
    }

    /** Every zone a monitor is in, sorted. */
    SortedSet<String> distinct() {
        return new TreeSet<>(zones);
    }

    /** How many monitors are left when {@code zone} is lost. */
    int leftWithout(String zone) {
        return (int) zones.stream().filter(z -> !z.equals(zone)).count();
    }

    int size() {
        return zones.size();
    }
}
