package dev.failscope.ui.viewmodel;

import dev.failscope.model.Node;
import dev.failscope.model.Server;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Failure domains of a topology (zones, regions, hosts: the names servers declare) and search over them
 * together with the graph's elements. Pure functions.
 */
public final class Domains {
    private Domains() {}

    /** A zone, region or host and the servers in it, sorted by name. */
    public record Domain(FailureTarget.Kind kind, String name, List<String> servers) {
        public Domain {
            servers = List.copyOf(servers);
        }

        /** {@code zone us-west-2b}. */
        public String label() {
            return kind.name().toLowerCase(Locale.ROOT) + " " + name;
        }

        /** The failure target that fails every server of the domain. */
        public FailureTarget target() {
            return FailureTarget.of(kind, name);
        }

        /** {@code zone us-west-2b (1 server: db-replica-1)}. */
        public String describe() {
            String list = servers.size() <= 3 ? ": " + String.join(", ", servers) : "";
            return label() + " (" + servers.size() + (servers.size() == 1 ? " server" : " servers") + list + ")";
        }
    }

    /** The domains of one kind, sorted by name. */
    public static List<Domain> of(Topology topology, FailureTarget.Kind kind) {
        Function<Server, String> key = switch (kind) {
            case ZONE -> Server::zone;
            case REGION -> Server::region;
            case HOST -> Server::host;
            case SERVER -> Server::name;
        };
        Map<String, List<String>> by = new TreeMap<>();
        for (Server s : topology.servers()) {
            String k = key.apply(s);
            if (k != null && !k.isBlank()) {
                by.computeIfAbsent(k, x -> new ArrayList<>()).add(s.name());
            }
        }
        List<Domain> out = new ArrayList<>();
        by.forEach((name, servers) -> out.add(new Domain(kind, name, servers.stream().sorted().toList())));
        return out;
    }

    /** Zones, regions and hosts, in that order. */
    public static List<Domain> all(Topology topology) {
        List<Domain> out = new ArrayList<>();
        for (FailureTarget.Kind k : List.of(FailureTarget.Kind.ZONE, FailureTarget.Kind.REGION,
                FailureTarget.Kind.HOST)) {
            out.addAll(of(topology, k));
        }
        return out;
    }

    /** The zone, region or host of a server, if it declares one. */
    public static Optional<Domain> ofServer(Topology topology, String server, FailureTarget.Kind kind) {
        Optional<Server> s = topology.server(server);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String name = switch (kind) {
            case ZONE -> s.get().zone();
            case REGION -> s.get().region();
            case HOST -> s.get().host();
            case SERVER -> s.get().name();
        };
        return of(topology, kind).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** What a search found: an element of the graph or a failure domain. */
    public sealed interface Hit permits ElementHit, DomainHit {}

    public record ElementHit(Node node) implements Hit {}

    public record DomainHit(Domain domain) implements Hit {}

    /**
     * The best match for a search: an exact name, else a name starting with the query, else one containing it
     * (case-insensitive); at each of these steps elements (clusters, servers, services) before zones, regions
     * and hosts.
     */
    public static Optional<Hit> search(Topology topology, String query) {
        return SearchIndex.of(topology).find(query);
    }
}
