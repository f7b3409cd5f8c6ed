package dev.failscope.live;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One cluster as its manager runs it now.
 *
 * @param name          Patroni scope or Sentinel master name
 * @param engine        postgresql or redis
 * @param manager       {@code patroni@3.0.2}, {@code sentinel@7.0.15} (what the source reported), or the bare
 *                      manager when it reported no version
 * @param source        which endpoint answered for the cluster ({@code patroni http://...})
 * @param primary       the observed leader/master, or null when there is none
 * @param members       every member, the primary first, then in name order
 * @param detection     Patroni ttl, Sentinel down-after-milliseconds, or null
 * @param attemptTimeout Sentinel failover-timeout, or null
 * @param maxLagBytes   Patroni maximum_lag_on_failover, or null
 * @param requireSync   Patroni synchronous_mode
 * @param strictSync    Patroni synchronous_mode_strict
 * @param quorum        Sentinel quorum, or null
 * @param loopWait      Patroni loop_wait in seconds, or null (no native key: written as a comment)
 * @param monitors      the sentinels (host:port) that watch the master, or the etcd endpoint read
 * @param candidates    who may be promoted, in the manager's order (no-failover members left out)
 */
public record LiveCluster(String name, String engine, String manager, String source, String primary,
                          List<LiveMember> members, Duration detection, Duration attemptTimeout, Long maxLagBytes,
                          boolean requireSync, boolean strictSync, Integer quorum, Long loopWait,
                          List<String> monitors, List<String> candidates) {
    public LiveCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(source, "source");
        members = List.copyOf(members);
        monitors = List.copyOf(monitors);
        candidates = List.copyOf(candidates);
    }
}
