package dev.failscope.scene;

import dev.failscope.layout.Lane;

/**
 * The ids of collapsible containers, the scene's input for collapse and expand: a collapsed cluster shows its
 * box and a summary instead of its servers; a collapsed zone or region shows one summary box per lane instead of
 * its clusters and servers.
 */
public final class Collapse {
    private Collapse() {}

    public static String cluster(String name) {
        return "cluster:" + name;
    }

    /** A zone of a region; {@code region} or {@code zone} null for "no region" and "unzoned". */
    public static String zone(String region, String zone) {
        return "zone:" + (region == null ? "" : region) + "/" + (zone == null ? "" : zone);
    }

    public static String region(String region) {
        return "region:" + (region == null ? "" : region);
    }

    /** The zone id of a lane. */
    public static String zone(Lane lane) {
        return zone(lane.region(), lane.zone());
    }

    /** The region id of a lane. */
    public static String region(Lane lane) {
        return region(lane.region());
    }
}
