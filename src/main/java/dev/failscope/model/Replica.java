package dev.failscope.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A replica of a cluster.
 *
 * @param server  the replica server
 * @param source  the server it replicates from; null means the primary
 * @param mode    sync or async
 * @param lag     expected replication lag, or null when unknown
 * @param facts   positions of each key written
 */
public record Replica(Ref server, Ref source, ReplicationMode mode, Duration lag, Facts facts) {
    public Replica {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(facts, "facts");
    }

    public Optional<Ref> sourceOpt() {
        return Optional.ofNullable(source);
    }

    public Optional<Duration> lagOpt() {
        return Optional.ofNullable(lag);
    }

    /** The name of the server this replica streams from, given the cluster's primary. */
    public String sourceName(String primary) {
        return source == null ? primary : source.name();
    }
}
