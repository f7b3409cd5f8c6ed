package dev.failscope.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One backend a route points at.
 *
 * @param written  the host (or name) as the file wrote it, with its position: {@code 10.20.1.11:5432}, {@code pg1}
 * @param server   the inventory server it resolved to (by name, address or FQDN), or null when nothing matched
 * @param route    the name of another route it forwards to (PgBouncer → an HAProxy frontend), or null
 * @param cluster  the cluster it reaches as a whole (a Kubernetes selector, a CloudNativePG {@code -rw} Service), or null
 * @param backup   true for a backup server (HAProxy {@code backup}), used only when no other is up
 * @param readOnly true when the target only serves reads (pgpool {@code DISALLOW_TO_FAILOVER} does not make it so;
 *                 ProxySQL's reader hostgroup, HAProxy's {@code /replica} check do)
 */
public record RouteTarget(Ref written, String server, String route, String cluster, boolean backup,
                          boolean readOnly) {
    public RouteTarget {
        Objects.requireNonNull(written, "written");
    }

    /** A target that names a host or server, not yet resolved. */
    public static RouteTarget host(Ref written) {
        return new RouteTarget(written, null, null, null, false, false);
    }

    public Optional<String> serverOpt() {
        return Optional.ofNullable(server);
    }

    public Optional<String> routeOpt() {
        return Optional.ofNullable(route);
    }

    public Optional<String> clusterOpt() {
        return Optional.ofNullable(cluster);
    }

    public SourcePosition position() {
        return written.position();
    }

    /** The same target resolved to an inventory server. */
    public RouteTarget resolvedTo(String serverName) {
        return new RouteTarget(written, serverName, route, cluster, backup, readOnly);
    }
}
