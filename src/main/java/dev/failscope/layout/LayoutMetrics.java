package dev.failscope.layout;

/** The fixed sizes the layout uses, in layout units (1 unit = 1 pixel at zoom 1). Painters may read them. */
public final class LayoutMetrics {
    public static final double SERVER_W = 184;
    public static final double SERVER_H = 50;
    public static final double SERVICE_W = 184;
    public static final double SERVICE_H = 42;
    /** Height of a cluster box's title strip (name, engine, badges). */
    public static final double CLUSTER_HEADER = 28;
    public static final double CLUSTER_PAD = 12;
    /** Vertical gap between replication layers inside a cluster (room for a lag label). */
    public static final double LAYER_GAP = 34;
    public static final double SLOT_GAP = 22;
    /** Vertical gap between wrapped rows of one cell. */
    public static final double SUBROW_GAP = 14;
    public static final double LANE_PAD = 16;
    /** Height of a lane's label strip. */
    public static final double LANE_HEADER = 46;
    /** Vertical gap between stacked units in a lane (room for failover labels). */
    public static final double UNIT_GAP = 30;
    public static final double SATELLITE_GAP = 26;
    public static final double GROUP_GAP = 80;
    public static final double SERVICE_GAP = 24;
    public static final double BAND_PAD = 16;
    /** Gap between the service band and the lanes: room for dependency edges to fan out. */
    public static final double BAND_GAP = 56;
    /** At most this many boxes side by side in one cell of a cluster; more wrap into sub-rows. */
    public static final int MAX_SLOTS = 3;
    /** Target width:height of the lanes area when it wraps into groups. */
    public static final double ASPECT = 1.6;

    private LayoutMetrics() {}

    /** Width of a lane that holds {@code slots} server boxes side by side. */
    public static double laneWidth(int slots) {
        int s = Math.max(1, slots);
        return 2 * LANE_PAD + 2 * CLUSTER_PAD + s * SERVER_W + (s - 1) * SLOT_GAP;
    }
}
