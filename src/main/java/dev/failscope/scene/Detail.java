package dev.failscope.scene;

/** How much a scene shows, chosen by how large elements are on screen. */
public enum Detail {
    /** Every label, tag, badge, arrow head and dash. */
    FULL,
    /** Names at a legible on-screen size, badges and state colours; no second lines or edge labels. */
    NAMES,
    /** Clusters as boxes coloured by their worst finding and outcome, not servers; badges stay. */
    OVERVIEW;

    /** At or above this scale (pixels per layout unit): {@link #FULL}. */
    public static final double LABELS = 0.42;
    /** At or above this scale (and below {@link #LABELS}): {@link #NAMES}. */
    public static final double NAMES_SCALE = 0.2;

    public static Detail at(double scale) {
        return scale >= LABELS ? FULL : scale >= NAMES_SCALE ? NAMES : OVERVIEW;
    }
}
