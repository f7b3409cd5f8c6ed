package dev.failscope.report.render;

import dev.failscope.scene.Style;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;

/** The colours of render's pictures (PNG, SVG, the review page) for each scene {@link Style}. */
public final class Java2dPalette {
    private static final Map<Style, Color> COLOURS = new EnumMap<>(Style.class);

    static {
        put(Style.BACKGROUND, Palette.BACKGROUND);
        put(Style.LANE_A, Palette.LANE_A);
        put(Style.LANE_B, Palette.LANE_B);
        put(Style.LANE_LINE, Palette.LANE_LINE);
        put(Style.LANE_TEXT, Palette.INK);
        put(Style.LANE_SUBTEXT, Palette.MUTED);
        put(Style.BAND, Palette.BAND);
        put(Style.BAND_TEXT, Palette.SERVICE_LINE);
        put(Style.CLUSTER_FILL, Palette.CLUSTER_FILL);
        put(Style.CLUSTER_HEADER, new Color(0xD3DFEF));
        put(Style.CLUSTER_LINE, Palette.CLUSTER_LINE);
        put(Style.SERVER_FILL, Palette.SERVER_FILL);
        put(Style.SERVER_LINE, Palette.SERVER_LINE);
        put(Style.PRIMARY_LINE, Palette.REPLICATION);
        put(Style.SERVICE_FILL, Palette.SERVICE_FILL);
        put(Style.SERVICE_LINE, Palette.SERVICE_LINE);
        put(Style.DECOM_FILL, Palette.DECOM_FILL);
        put(Style.HATCH, Palette.DECOM_HATCH);
        put(Style.TEXT, Palette.INK);
        put(Style.SUBTEXT, Palette.MUTED);
        put(Style.REPLICATION, Palette.REPLICATION);
        put(Style.FAILOVER, Palette.FAILOVER);
        put(Style.DEPENDENCY, Palette.DEPENDENCY);
        put(Style.MEMBERSHIP, Palette.MUTED);
        put(Style.DANGER, Palette.DANGER);
        put(Style.DANGER_FILL, new Color(0xFBE3E3));
        put(Style.DANGER_SOFT, new Color(0xC6, 0x28, 0x28, 0x2E));
        put(Style.WARNING, Palette.WARN);
        put(Style.WARNING_FILL, new Color(0xFDF3E1));
        put(Style.OK, Palette.OK);
        put(Style.OK_FILL, new Color(0xE3F4EA));
        put(Style.INFO, Palette.INFO);
        put(Style.ACCENT, new Color(0x0969DA));
        put(Style.ACCENT_SOFT, new Color(0x09, 0x69, 0xDA, 0x80));
        put(Style.LABEL_PLATE, Palette.LABEL_BG);
        put(Style.ON_STRONG, Color.WHITE);
        put(Style.ON_WARNING, Color.BLACK);
        put(Style.ADDED, Palette.OK);
        put(Style.REMOVED, Palette.MUTED);
        put(Style.CHANGED, Palette.WARN);
        put(Style.ADDED_HALO, new Color(0x2F, 0x85, 0x5A, 0x59));
        put(Style.REMOVED_HALO, new Color(0x61, 0x6E, 0x7C, 0x59));
        put(Style.CHANGED_HALO, new Color(0xB7, 0x79, 0x1F, 0x59));
        put(Style.GHOST_PLATE, new Color(255, 255, 255, 0xBF));
        put(Style.ROUTE, new Color(0x2C7A7B));
        put(Style.ROUTE_FILL, new Color(0xE6F4F1));
    }

    private Java2dPalette() {}

    private static void put(Style s, Color c) {
        COLOURS.put(s, c);
    }

    /** The colour of a style, or null for {@link Style#NONE}. */
    public static Color colour(Style s) {
        return COLOURS.get(s);
    }

    /** {@code #rrggbb} or {@code rgba(r,g,b,a)}, for the review page's script. */
    public static String css(Style s) {
        Color c = COLOURS.get(s);
        if (c == null) {
            return "none";
        }
        if (c.getAlpha() == 255) {
            return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", c.getRed(), c.getGreen(), c.getBlue(),
                c.getAlpha() / 255.0);
    }
}
