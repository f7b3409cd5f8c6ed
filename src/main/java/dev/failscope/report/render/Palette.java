package dev.failscope.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/** Colours, strokes and fonts of the pictures. Colour never carries meaning alone: see the painters. */
final class Palette {
    static final Color BACKGROUND = new Color(0xFFFFFF);
    static final Color INK = new Color(0x1F2933);
    static final Color MUTED = new Color(0x616E7C);
    static final Color LANE_A = new Color(0xF7F9FB);
    static final Color LANE_B = new Color(0xEEF2F6);
    static final Color LANE_LINE = new Color(0xD3DAE2);
    static final Color BAND = new Color(0xF3F0FA);
    static final Color CLUSTER_FILL = new Color(0xE4ECF7);
    static final Color CLUSTER_LINE = new Color(0x7B93B5);
    static final Color SERVER_FILL = new Color(0xFFFFFF);
    static final Color SERVER_LINE = new Color(0x52606D);
    static final Color SERVICE_FILL = new Color(0xEDE7F6);
    static final Color SERVICE_LINE = new Color(0x6A4C9C);
    static final Color DECOM_FILL = new Color(0xD9DCE0);
    static final Color DECOM_HATCH = new Color(0xA7AEB7);
    static final Color GHOST_LINE = new Color(0xC62828);
    static final Color REPLICATION = new Color(0x334E68);
    static final Color FAILOVER = new Color(0x1F6FB2);
    static final Color DEPENDENCY = new Color(0x8A7BA8);
    static final Color DANGER = new Color(0xC62828);
    static final Color WARN = new Color(0xB7791F);
    static final Color INFO = new Color(0x2B6CB0);
    static final Color OK = new Color(0x2F855A);
    static final Color LABEL_BG = new Color(255, 255, 255, 230);

    static final String FAMILY = "DejaVu Sans";
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 16);
    static final Font NAME = new Font(FAMILY, Font.BOLD, 12);
    static final Font SMALL = new Font(FAMILY, Font.PLAIN, 10);
    static final Font SMALL_BOLD = new Font(FAMILY, Font.BOLD, 10);
    static final Font LANE = new Font(FAMILY, Font.BOLD, 13);

    static final Stroke THIN = new BasicStroke(1f);
    static final Stroke BOX = new BasicStroke(1.4f);
    static final Stroke SYNC = new BasicStroke(3.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    static final Stroke ASYNC = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    static final Stroke FAILOVER_STROKE = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {7f, 4f}, 0f);
    static final Stroke GHOST = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 3f}, 0f);
    static final Stroke DEPEND_WRITE = new BasicStroke(1.2f);
    static final Stroke DEPEND_READ = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);
    static final Stroke MEMBER = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {1f, 3f}, 0f);
    static final Stroke CROSS = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DOWN = new BasicStroke(3f);

    private Palette() {}
}
