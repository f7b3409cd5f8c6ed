package dev.failscope.diff;

import java.util.Locale;

/** What kind of element a {@link Change} is about. Declared in report order. */
public enum ChangeElement {
    SERVER, CLUSTER, REPLICATION, FAILOVER_CANDIDATE, POLICY, SERVICE, DEPENDENCY, ROUTE, ROUTE_TARGET;

    /** {@code failover-candidate}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
