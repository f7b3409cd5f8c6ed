package dev.failscope.generate;

/**
 * What {@code failscope generate} makes.
 *
 * @param clusters number of database clusters, at least 1
 * @param replicas replicas per cluster, 0 to 9
 * @param zones    number of availability zones, 1 to {@link #MAX_ZONES} (6 per region, then a new region)
 * @param faults   number of realistic defects to inject, 0 or more
 * @param seed     the random seed: the same spec always gives the same files
 */
public record FleetSpec(int clusters, int replicas, int zones, int faults, long seed) {
    public static final int MAX_REPLICAS = 9;
    public static final int MAX_ZONES = 18;
    public static final int MAX_CLUSTERS = 1_000_000;

    public FleetSpec {
        check(clusters >= 1 && clusters <= MAX_CLUSTERS, "--clusters must be between 1 and " + MAX_CLUSTERS);
        check(replicas >= 0 && replicas <= MAX_REPLICAS, "--replicas must be between 0 and " + MAX_REPLICAS);
        check(zones >= 1 && zones <= MAX_ZONES, "--zones must be between 1 and " + MAX_ZONES);
        check(faults >= 0, "--faults must not be negative");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Servers in the fleet before faults add any: a primary and its replicas per cluster. */
    public long baseServers() {
        return (long) clusters * (replicas + 1);
    }
}
