package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Lane;
import dev.failscope.layout.Layout;
import dev.failscope.layout.Point;
import dev.failscope.model.EdgeKind;
import dev.failscope.ui.viewmodel.GraphScene.EdgeLook;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Zone lanes, the service band and edges: the parts of a frame under the boxes. */
abstract class LanesAndEdges extends PainterBase {
    private static final Font LANE = Font.font("System", FontWeight.BOLD, 15);

    void lanes(Layout layout, Box vis) {
        Box band = layout.serviceBand();
        if (band.height() > 0 && band.intersects(vis.x(), vis.y(), vis.width(), vis.height())) {
            gc.setFill(p.band());
            double left = Math.max(band.x(), vis.x() - 10);
            double right = Math.min(band.maxX(), vis.maxX() + 10);
            gc.fillRect(left, band.y(), right - left, band.height());
            if (labels()) {
                text("SERVICES", band.x() + 12, band.y() + 14, SMALL_BOLD, p.laneSubText(), TextAlignment.LEFT);
            }
        }
        int i = 0;
        for (Lane lane : layout.lanes()) {
            Box b = lane.bounds();
            i++;
            if (!b.intersects(vis.x(), vis.y(), vis.width(), vis.height())) {
                continue;
            }
            // Lanes can be far taller than the view: fill only the visible part (the software rasteriser pays
            // for the whole shape otherwise).
            double top = Math.max(b.y(), vis.y() - 10);
            double bottom = Math.min(b.maxY(), vis.maxY() + 10);
            double left = Math.max(b.x(), vis.x() - 10);
            double right = Math.min(b.maxX(), vis.maxX() + 10);
            gc.setFill(i % 2 == 0 ? p.laneB() : p.laneA());
            gc.fillRect(left, top, right - left, bottom - top);
            gc.setStroke(p.clusterStroke().deriveColor(0, 1, 1, 0.35));
            gc.setLineWidth(px(1));
            gc.strokeLine(b.maxX(), top, b.maxX(), bottom);
            Box hdr = lane.header();
            if (scale >= GraphPainter.SIMPLE / 2) {
                double s = Math.max(1, 0.5 / scale);
                gc.save();
                gc.translate(hdr.x() + 12, hdr.y() + 6);
                gc.scale(s, s);
                text(lane.regionLabel().toUpperCase(java.util.Locale.ROOT), 0, 8, SMALL_BOLD, p.laneSubText(),
                        TextAlignment.LEFT);
                text(lane.zoneLabel(), 0, 27, LANE, p.laneText(), TextAlignment.LEFT);
                gc.restore();
            }
        }
    }

    void edge(EdgeRoute r, EdgeLook look, Layout layout) {
        EdgeKind kind = look.kind();
        if (kind == EdgeKind.MEMBERSHIP) {
            return; // members sit inside their cluster box
        }
        if (simple() && (kind == EdgeKind.DEPENDENCY || scale < GraphPainter.SIMPLE / 2)) {
            return;
        }
        Color color = switch (kind) {
            case FAILOVER -> look.broken() ? p.danger() : p.failover();
            case REPLICATION -> p.replication();
            case ROUTING -> RoutePainter.edgeColor(p, look, overlay);
            default -> p.edge();
        };
        boolean failedSource = kind == EdgeKind.REPLICATION && overlay.failed().contains(r.edge().from().name());
        gc.setStroke(failedSource ? p.danger().deriveColor(0, 1, 1, 0.5) : color);
        double width = switch (kind) {
            case REPLICATION -> look.strong() ? 3 : 1.5;
            case FAILOVER -> look.broken() ? 2.2 : 1.6;
            case ROUTING -> look.broken() ? 2.2 : 1.4;
            default -> 1;
        };
        gc.setLineWidth(px(width));
        List<Point> pts = r.points();
        if (simple()) {
            gc.strokeLine(pts.get(0).x(), pts.get(0).y(), pts.get(pts.size() - 1).x(), pts.get(pts.size() - 1).y());
            return;
        }
        if (kind == EdgeKind.FAILOVER) {
            gc.setLineDashes(px(7), px(5));
        } else if (failedSource) {
            gc.setLineDashes(px(2), px(4));
        }
        gc.beginPath();
        gc.moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            gc.lineTo(pts.get(i).x(), pts.get(i).y());
        }
        gc.stroke();
        gc.setLineDashes();
        arrow(pts.get(pts.size() - 2), pts.get(pts.size() - 1), color);
        if (labels()) {
            edgeLabel(r, look, color);
        }
    }

    void edgeLabel(EdgeRoute r, EdgeLook look, Color color) {
        Point at = r.label();
        if (look.kind() == EdgeKind.FAILOVER) {
            String t = look.broken() ? "✖ " + look.label() : look.label();
            double w = look.broken() ? 30 : 20;
            gc.setFill(look.broken() ? p.dangerFill() : p.background());
            gc.fillRoundRect(at.x() - w / 2, at.y() - 10, w, 20, 20, 20);
            gc.setStroke(color);
            gc.setLineWidth(px(1.5));
            gc.strokeRoundRect(at.x() - w / 2, at.y() - 10, w, 20, 20, 20);
            text(t, at.x(), at.y(), SMALL_BOLD, color, TextAlignment.CENTER);
        } else if (!look.label().isEmpty()) {
            double w = look.label().length() * 6.2 + 10;
            gc.setFill(p.background().deriveColor(0, 1, 1, 0.85));
            gc.fillRoundRect(at.x() - w / 2, at.y() - 8, w, 16, 8, 8);
            text(look.label(), at.x(), at.y(), SMALL, color, TextAlignment.CENTER);
        }
    }

}
