package dev.failscope.layout;

import dev.failscope.model.Node;
import dev.failscope.model.Server;
import dev.failscope.model.Topology;
import java.util.Comparator;

/** A failure domain column before it has coordinates: (region, zone), either may be null. */
record LaneKey(String region, String zone) {
    /** The column for servers that are referenced but never declared (and ghost clusters). */
    static final LaneKey UNKNOWN = new LaneKey(null, null);

    static final Comparator<LaneKey> ORDER = Comparator
            .comparing(LaneKey::region, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LaneKey::zone, Comparator.nullsLast(Comparator.naturalOrder()));

    static LaneKey of(Topology topology, Node server) {
        if (server.missing()) {
            return UNKNOWN;
        }
        return topology.server(server.name()).map(LaneKey::of).orElse(UNKNOWN);
    }

    static LaneKey of(Server s) {
        return new LaneKey(s.region(), s.zone());
    }
}
