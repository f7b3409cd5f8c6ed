package dev.failscope.model;

/**
 * How a route follows a failover: what makes clients reach the new primary, if anything does.
 */
public enum Follow {
    /** A health check of the primary endpoint marks the new primary up (HAProxy {@code option httpchk GET /primary}). */
    HEALTH_CHECK("health check"),
    /** A client tries several hosts and keeps the writable one (libpq {@code target_session_attrs=read-write}). */
    MULTI_HOST("multi-host"),
    /** The proxy moves servers between hostgroups by their {@code read_only} flag (ProxySQL). */
    READ_ONLY_FLAG("read_only flag"),
    /** The manager itself points the route at its primary (CloudNativePG {@code -rw} Service, a Sentinel-aware client). */
    MANAGER("manager"),
    /** The proxy runs a failover command that repoints it (pgpool-II {@code failover_command}). */
    FAILOVER_COMMAND("failover command"),
    /** A virtual IP that moves with the primary (keepalived, pgpool-II watchdog). */
    VIRTUAL_IP("virtual IP"),
    /** Nothing: a fixed host. Clients keep reaching the server written there. */
    NONE("fixed host");

    private final String label;

    Follow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the route moves to a new primary by itself. */
    public boolean follows() {
        return this != NONE;
    }
}
