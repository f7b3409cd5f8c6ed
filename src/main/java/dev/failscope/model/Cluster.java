package dev.failscope.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A replicated database cluster: one primary and its replicas.
 *
 * @param name     unique cluster name
 * @param position position of the name
 * @param engine   free text such as "postgresql", or null
 * @param primary  the current primary
 * @param replicas replicas in declaration order
 * @param facts    positions of each key written
 * @param upstream the remote cluster or host this whole cluster replicates from (a standby or replica cluster,
 *                 e.g. Patroni {@code standby_cluster}, CloudNativePG {@code spec.replica}); null for none
 */
public record Cluster(String name, SourcePosition position, String engine, Ref primary, List<Replica> replicas,
                      Facts facts, Ref upstream) {
    public Cluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(primary, "primary");
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(facts, "facts");
    }

    /** A cluster that is not a standby of another one. */
    public Cluster(String name, SourcePosition position, String engine, Ref primary, List<Replica> replicas,
                   Facts facts) {
        this(name, position, engine, primary, replicas, facts, null);
    }

    public Optional<Ref> upstreamOpt() {
        return Optional.ofNullable(upstream);
    }

    public Optional<String> engineOpt() {
        return Optional.ofNullable(engine);
    }

    /** The replica entry for {@code server}, if it is a replica of this cluster. */
    public Optional<Replica> replica(String server) {
        for (Replica r : replicas) {
            if (r.server().name().equals(server)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** True when the server is the primary or one of the replicas. */
    public boolean hasMember(String server) {
        return primary.name().equals(server) || replica(server).isPresent();
    }

    /** The primary, then the replicas, in declaration order. Made on each call: rules ask for it in their loops. */
    public List<Ref> members() {
        Ref[] members = new Ref[1 + replicas.size()];
        members[0] = primary;
        for (int i = 0; i < replicas.size(); i++) {
            members[i + 1] = replicas.get(i).server();
        }
        return List.of(members);
    }
}
