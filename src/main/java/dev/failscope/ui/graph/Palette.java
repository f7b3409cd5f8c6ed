package dev.failscope.ui.graph;

import javafx.scene.paint.Color;

/** Colours of the graph for the light and dark themes. Meaning never rests on colour alone. */
public record Palette(Color background, Color laneA, Color laneB, Color laneText, Color laneSubText,
                      Color band, Color clusterFill, Color clusterHeader, Color clusterStroke, Color serverFill,
                      Color serverStroke, Color text, Color subText, Color edge, Color replication, Color failover,
                      Color danger, Color dangerFill, Color warning, Color ok, Color accent, Color decommFill,
                      Color hatch, Color serviceFill, Color serviceStroke, Color legendFill, Color badgeFill) {

    public static final Palette LIGHT = new Palette(
            Color.web("#f6f8fa"), Color.web("#ffffff"), Color.web("#f0f3f6"), Color.web("#24292f"),
            Color.web("#57606a"), Color.web("#eef4fb"), Color.web("#f8fbff"), Color.web("#dbe8f7"),
            Color.web("#6e8db5"), Color.web("#ffffff"), Color.web("#57606a"), Color.web("#1f2328"),
            Color.web("#57606a"), Color.web("#8c959f"), Color.web("#2f5e9e"), Color.web("#8250df"),
            Color.web("#cf222e"), Color.web("#ffebe9"), Color.web("#9a6700"), Color.web("#1a7f37"),
            Color.web("#0969da"), Color.web("#d0d7de"), Color.web("#8c959f"), Color.web("#fff8e6"),
            Color.web("#bf8700"), Color.web("#ffffffee"), Color.web("#eaeef2"));

    public static final Palette DARK = new Palette(
            Color.web("#0d1117"), Color.web("#161b22"), Color.web("#11161d"), Color.web("#e6edf3"),
            Color.web("#8d96a0"), Color.web("#132033"), Color.web("#17202c"), Color.web("#1f3350"),
            Color.web("#4f76a8"), Color.web("#21262d"), Color.web("#8d96a0"), Color.web("#e6edf3"),
            Color.web("#8d96a0"), Color.web("#6e7681"), Color.web("#79aef0"), Color.web("#bc8cff"),
            Color.web("#ff7b72"), Color.web("#3d1417"), Color.web("#d29922"), Color.web("#3fb950"),
            Color.web("#2f81f7"), Color.web("#30363d"), Color.web("#6e7681"), Color.web("#2b2410"),
            Color.web("#d29922"), Color.web("#161b22ee"), Color.web("#30363d"));

    /** The colour of a scene style in this theme, or null for {@link dev.failscope.scene.Style#NONE}. */
    public Color colour(dev.failscope.scene.Style s) {
        return switch (s) {
            case NONE -> null;
            case BACKGROUND -> background;
            case LANE_A -> laneA;
            case LANE_B -> laneB;
            case LANE_LINE -> clusterStroke.deriveColor(0, 1, 1, 0.35);
            case LANE_TEXT -> laneText;
            case LANE_SUBTEXT, BAND_TEXT -> laneSubText;
            case BAND -> band;
            case CLUSTER_FILL -> clusterFill;
            case CLUSTER_HEADER -> clusterHeader;
            case CLUSTER_LINE -> clusterStroke;
            case SERVER_FILL -> serverFill;
            case SERVER_LINE -> serverStroke;
            case PRIMARY_LINE, REPLICATION -> replication;
            case SERVICE_FILL -> serviceFill;
            case SERVICE_LINE -> serviceStroke;
            case DECOM_FILL -> decommFill;
            case HATCH -> hatch.deriveColor(0, 1, 1, 0.55);
            case TEXT -> text;
            case SUBTEXT, REMOVED, MEMBERSHIP -> subText;
            case FAILOVER -> failover;
            case DEPENDENCY -> edge;
            case DANGER -> danger;
            case DANGER_FILL -> dangerFill;
            case DANGER_SOFT -> danger.deriveColor(0, 1, 1, 0.18);
            case WARNING, CHANGED -> warning;
            case WARNING_FILL -> warning.deriveColor(0, 0.35, 1.6, 0.35);
            case OK, ADDED -> ok;
            case OK_FILL -> ok.deriveColor(0, 0.35, 1.6, 0.35);
            case INFO, ACCENT -> accent;
            case ACCENT_SOFT -> accent.deriveColor(0, 1, 1, 0.5);
            case LABEL_PLATE -> background.deriveColor(0, 1, 1, 0.85);
            case ON_STRONG -> Color.WHITE;
            case ON_WARNING -> Color.BLACK;
            case ADDED_HALO -> ok.deriveColor(0, 1, 1, 0.35);
            case REMOVED_HALO -> subText.deriveColor(0, 1, 1, 0.35);
            case CHANGED_HALO -> warning.deriveColor(0, 1, 1, 0.35);
            case GHOST_PLATE -> background.deriveColor(0, 1, 1, 0.75);
            case ROUTE -> Color.web("#2c7a7b");
            case ROUTE_FILL -> background;
        };
    }
}
