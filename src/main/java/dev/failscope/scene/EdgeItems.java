package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Edges: replication solid (sync thick, async thin), failover dashed and numbered in order (red with ✖ when the
 * candidate cannot be promoted), dependencies thin (read dotted), membership dotted only where a member sits
 * outside its cluster's box. Labels (order, lag) are separate groups, drawn over the boxes.
 */
final class EdgeItems {
    private final SceneModel model;
    private final SceneView view;

    EdgeItems(SceneModel model, SceneView view) {
        this.model = model;
        this.view = view;
    }

    static String name(Edge e) {
        return e.from().name() + " → " + e.to().name();
    }

    Optional<Group> line(EdgeRoute r) {
        Edge e = r.edge();
        if (model.drawnThroughRoute(e)) {
            return Optional.empty();
        }
        SceneModel.EdgeLook look = model.look(e);
        Detail d = view.detail();
        Pen pen = new Pen(view);
        List<Point> pts = r.points();
        if (d == Detail.OVERVIEW) {
            if (e.kind() != EdgeKind.FAILOVER || !look.broken()) {
                return Optional.empty();
            }
            pen.line(List.of(pts.get(0), pts.get(pts.size() - 1)), Style.DANGER, 2, Dash.SOLID, 0);
            return Optional.of(group(pen, r));
        }
        switch (e.kind()) {
            case REPLICATION -> pen.line(pts, Style.REPLICATION, look.sync() ? 3 : 1.5, Dash.SOLID, look.sync() ? 10 : 8);
            case FAILOVER -> pen.line(pts, look.broken() ? Style.DANGER : Style.FAILOVER, look.broken() ? 2.2 : 1.6,
                    pen.dash(7, 5), 8);
            case DEPENDENCY -> pen.line(pts, Style.DEPENDENCY, 1.2, look.read() ? pen.dash(2, 3) : Dash.SOLID, 7);
            case ROUTING -> pen.line(pts, look.broken() ? Style.DANGER : Style.ROUTE, look.broken() ? 2.2 : 1.5,
                    Dash.SOLID, 7);
            case MEMBERSHIP -> {
                if (d != Detail.FULL || !outside(e)) {
                    return Optional.empty();
                }
                pen.line(pts, Style.MEMBERSHIP, 1, pen.dash(1, 3), 0);
            }
            default -> pen.line(pts, Style.DEPENDENCY, 1.2, Dash.SOLID, 7);
        }
        return Optional.of(group(pen, r));
    }

    private Group group(Pen pen, EdgeRoute r) {
        return pen.group(Layer.EDGES, model.id(r), "edge " + r.edge().kind().name().toLowerCase(Locale.ROOT),
                name(r.edge()), "");
    }

    private boolean outside(Edge e) {
        Optional<NodeBox> member = model.layout().box(e.from());
        Optional<NodeBox> cluster = model.layout().box(e.to());
        return member.isPresent() && cluster.isPresent() && !cluster.get().box().contains(member.get().box());
    }

    Optional<Group> label(EdgeRoute r) {
        Edge e = r.edge();
        SceneModel.EdgeLook look = model.look(e);
        Point at = r.label();
        Pen pen = new Pen(view);
        if (e.kind() == EdgeKind.FAILOVER) {
            Style colour = look.broken() ? Style.DANGER : Style.FAILOVER;
            Box box = labelBox(r).orElseThrow();
            pen.rect(box, 20, look.broken() ? Style.DANGER_FILL : Style.BACKGROUND, colour, 1.5);
            pen.text(look.broken() ? "✖ " + look.label() : look.label(), at.x(), at.y(), Align.CENTER, Pen.SMALL, true,
                    colour);
        } else if (e.kind() == EdgeKind.REPLICATION && !look.label().isEmpty()) {
            Box box = labelBox(r).orElseThrow();
            pen.rect(box, 8, Style.LABEL_PLATE, Style.NONE, 0);
            pen.text(look.label(), box.centerX(), at.y(), Align.CENTER, Pen.SMALL, false, Style.REPLICATION);
        } else {
            return Optional.empty();
        }
        return Optional.of(pen.group(Layer.LABELS, "", "label " + e.kind().name().toLowerCase(Locale.ROOT), name(e),
                ""));
    }

    /** Where an edge's label goes (order disc, lag plate), if it has one: diff marks keep clear of it. */
    Optional<Box> labelBox(EdgeRoute r) {
        Edge e = r.edge();
        SceneModel.EdgeLook look = model.look(e);
        Point at = r.label();
        if (e.kind() == EdgeKind.FAILOVER) {
            double w = look.broken() ? 30 : 20;
            return Optional.of(new Box(at.x() - w / 2, at.y() - 10, w, 20));
        }
        if (e.kind() == EdgeKind.REPLICATION && !look.label().isEmpty()) {
            double w = TextFit.width(look.label(), Pen.SMALL, false) + 10;
            // on a vertical final segment the label sits just left of the line (failover lines arrive from the right)
            Point a = r.points().get(r.points().size() - 2);
            Point b = r.end();
            double shift = a.x() == b.x() ? w / 2 + 4 : 0;
            return Optional.of(new Box(at.x() - shift - w / 2, at.y() - 8, w, 16));
        }
        return Optional.empty();
    }
}
