package dev.failscope.live;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One member as the live source reported it. Unknown values are null.
 *
 * @param name       the manager's name for it (Patroni member name; {@code host:port} for Redis)
 * @param address    where its database listens ({@code host:port}), or null
 * @param role       the manager's word: leader, replica, sync_standby, master, slave, ...
 * @param state      running, streaming, stopped, unreachable, ...
 * @param timeline   PostgreSQL timeline
 * @param lsn        received/replayed WAL position ({@code 0/3000148})
 * @param lagBytes   lag behind the primary in bytes as the manager reports it
 * @param sync       sync, quorum, potential or async (replicas only)
 * @param offset     Redis replication offset
 * @param priority   Redis replica-priority (Patroni: failover_priority when tagged)
 * @param noFailover never promoted: Patroni {@code nofailover} tag or Redis {@code replica-priority 0}
 * @param source     the server it replicates from, when it is not the primary (cascading), or null
 * @param tags       the manager's tags as text (Patroni), sorted
 */
public record LiveMember(String name, String address, String role, String state, Long timeline, String lsn,
                         Long lagBytes, String sync, Long offset, Integer priority, boolean noFailover,
                         String source, Map<String, String> tags) {
    public LiveMember {
        Objects.requireNonNull(name, "name");
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** True for the member the manager names primary/leader/master. */
    public boolean leads() {
        return role != null && (role.equals("leader") || role.equals("primary") || role.equals("master")
                || role.equals("standby_leader"));
    }

    /** The same member in another state ({@code unreachable} when its own endpoint did not answer). */
    public LiveMember withState(String newState) {
        return new LiveMember(name, address, role, newState, timeline, lsn, lagBytes, sync, offset, priority,
                noFailover, source, tags);
    }

    public boolean unreachable() {
        return "unreachable".equals(state);
    }
}
