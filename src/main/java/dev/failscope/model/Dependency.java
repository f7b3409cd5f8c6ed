package dev.failscope.model;

import java.util.Objects;

/**
 * One thing a service needs.
 *
 * @param kind   whether the target is a cluster or a pinned server
 * @param target the cluster or server name, with the position of the referring scalar
 * @param access write (needs a writable primary) or read (any healthy member)
 */
public record Dependency(Kind kind, Ref target, Access access) {
    public enum Kind { CLUSTER, SERVER }

    public Dependency {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(access, "access");
    }

    /** {@code catify-main:write}. */
    public String label() {
        return target.name() + ":" + access.label();
    }
}
