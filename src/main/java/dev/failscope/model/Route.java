package dev.failscope.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The way clients reach a database: a pooler, a proxy, a connection string or a Kubernetes Service between a
 * service and a cluster (or a server).
 *
 * @param name        unique route name ({@code pgbouncer.ini/catify}, {@code haproxy/postgres_rw}, or as declared)
 * @param position    where the route is written (the section, the key, the manifest)
 * @param kind        what it was read from
 * @param clients     services that go through it, with the position of each reference; may be empty
 * @param cluster     the cluster it serves, when the file says or the importer could tell; or null
 * @param access      write (the read-write endpoint) or read
 * @param targets     the backends, in the order written
 * @param follow      how it follows a failover
 * @param check       the health check, or null when there is none
 * @param listen      the address clients connect to ({@code *:5000}, {@code 127.0.0.1:6432}), or null
 * @param facts       positions of each key written
 */
public record Route(String name, SourcePosition position, RouteKind kind, List<Ref> clients, Ref cluster,
                    Access access, List<RouteTarget> targets, Follow follow, HealthCheck check, String listen,
                    Facts facts) {
    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
        clients = List.copyOf(clients);
        Objects.requireNonNull(access, "access");
        targets = List.copyOf(targets);
        Objects.requireNonNull(follow, "follow");
        Objects.requireNonNull(facts, "facts");
    }

    /**
     * True when the route was written in Failscope's own format ({@code kind: route}, which requires
     * {@code follows:} and records where it was written), not read from a proxy's or an application's file.
     */
    public boolean declaredNatively() {
        return kind == RouteKind.DECLARED || facts.of("follows").isPresent();
    }

    public Optional<Ref> clusterOpt() {
        return Optional.ofNullable(cluster);
    }

    public Optional<HealthCheck> checkOpt() {
        return Optional.ofNullable(check);
    }

    public Optional<String> listenOpt() {
        return Optional.ofNullable(listen);
    }

    /** The same route with targets replaced (after resolving addresses to servers). */
    public Route withTargets(List<RouteTarget> resolved) {
        return new Route(name, position, kind, clients, cluster, access, resolved, follow, check, listen, facts);
    }

    /** The same route serving {@code c} (after matching its targets to a cluster's members). */
    public Route withCluster(Ref c) {
        return new Route(name, position, kind, clients, c, access, targets, follow, check, listen, facts);
    }

    /** The same route with more clients. */
    public Route withClients(List<Ref> more) {
        return new Route(name, position, kind, more, cluster, access, targets, follow, check, listen, facts);
    }
}
