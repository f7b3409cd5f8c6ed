package dev.failscope.model;

import java.util.Objects;

/**
 * One thing a service needs.
 *
 * @param kind   whether the target is a cluster or a pinned server
 * @param target the cluster or server name, with the position of the referring scalar
 * @param access write (needs a writable primary) or read (any healthy member)
 * @param via    the route (pooler, proxy, connection string) clients go through, or null for a direct connection
 */
public record Dependency(Kind kind, Ref target, Access access, Ref via) {
    public enum Kind { CLUSTER, SERVER }

    public Dependency {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(access, "access");
    }

    /** A dependency reached directly (no declared route). */
    public Dependency(Kind kind, Ref target, Access access) {
        this(kind, target, access, null);
    }

    public java.util.Optional<Ref> viaOpt() {
        return java.util.Optional.ofNullable(via);
    }

    /** {@code catify-main:write}. */
    public String label() {
        return target.name() + ":" + access.label();
    }
}
