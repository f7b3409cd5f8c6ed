package dev.failscope.layout;

import java.util.Objects;

/**
 * A failure-domain column: one zone of one region, or the "unzoned" column of a region (zone null), or the
 * global "unzoned" column (region and zone null) that also holds missing servers. When the picture is tall
 * it wraps into several side-by-side groups, each repeating the columns; {@code group} says which.
 *
 * @param region the region, or null
 * @param zone   the zone, or null for "unzoned"
 * @param group  0-based wrap group
 * @param header where to draw the labels
 * @param bounds the whole column, header included
 */
public record Lane(String region, String zone, int group, Box header, Box bounds) {
    public Lane {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(bounds, "bounds");
    }

    /** The zone, or "unzoned". */
    public String zoneLabel() {
        return zone == null ? "unzoned" : zone;
    }

    /** The region, or "no region". */
    public String regionLabel() {
        return region == null ? "no region" : region;
    }

    /** {@code us-west-2 / us-west-2a}. */
    public String label() {
        return regionLabel() + " / " + zoneLabel();
    }
}
