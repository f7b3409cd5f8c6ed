package dev.failscope.report.render;

import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Access;
import dev.failscope.model.Durations;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Service;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * Draws edges: replication solid (sync thick, async thin with its lag), failover dashed with its order in a
 * disc (red with ✖ when the target is missing, red when it is decommissioned), dependencies thin (write solid,
 * read dotted), membership dotted only where a member sits outside its cluster's box.
 */
final class EdgePainter {
    private final PaintContext ctx;
    private final Layout layout;
    private final SvgGroups groups;

    EdgePainter(PaintContext ctx, SvgGroups groups) {
        this.ctx = ctx;
        this.layout = ctx.input().layout();
        this.groups = groups;
    }

    void paintLines(Graphics2D g, List<EdgeRoute> routes, EdgeKind kind) {
        for (EdgeRoute r : routes) {
            if (r.edge().kind() == kind) {
                groups.begin(g, r);
                line(g, r);
                groups.end(g, r);
            }
        }
    }

    void paintLabels(Graphics2D g, List<EdgeRoute> routes) {
        for (EdgeRoute r : routes) {
            Edge e = r.edge();
            Point at = r.label();
            switch (e.kind()) {
                case REPLICATION -> ctx.replica(e).ifPresent(rep -> {
                    String text = replicationLabel(rep);
                    double half = g.getFontMetrics(Palette.SMALL).stringWidth(text) / 2.0 + 3;
                    Glyphs.label(g, text, Palette.SMALL, Palette.REPLICATION, at.x() - labelShift(r, half), at.y());
                });
                case FAILOVER -> failoverLabel(g, r, at);
                default -> { }
            }
        }
    }

    /** On a vertical final segment the label sits just left of the line (failover lines arrive from the right). */
    private static double labelShift(EdgeRoute r, double halfWidth) {
        Point a = r.points().get(r.points().size() - 2);
        Point b = r.end();
        return a.x() == b.x() ? halfWidth + 4 : 0;
    }

    private void failoverLabel(Graphics2D g, EdgeRoute r, Point at) {
        Edge e = r.edge();
        boolean broken = ctx.brokenFailover(e);
        Glyphs.orderDisc(g, at.x(), at.y(), Integer.toString(e.order()), broken ? Palette.DANGER : Palette.FAILOVER);
        if (e.to().missing()) {
            Glyphs.crossMark(g, at.x() + 17, at.y(), 7.5);
        }
    }

    static String replicationLabel(Replica r) {
        if (r.mode() == ReplicationMode.SYNC) {
            return "sync";
        }
        return r.lagOpt().map(l -> "async " + Durations.format(l)).orElse("async");
    }

    private void line(Graphics2D g, EdgeRoute r) {
        Edge e = r.edge();
        Path2D.Double path = new Path2D.Double();
        List<Point> pts = r.points();
        path.moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) {
            path.lineTo(pts.get(i).x(), pts.get(i).y());
        }
        double head = 8;
        switch (e.kind()) {
            case REPLICATION -> {
                boolean sync = ctx.replica(e).map(x -> x.mode() == ReplicationMode.SYNC).orElse(false);
                g.setColor(Palette.REPLICATION);
                g.setStroke(sync ? Palette.SYNC : Palette.ASYNC);
                head = sync ? 10 : 8;
            }
            case FAILOVER -> {
                g.setColor(ctx.brokenFailover(e) ? Palette.DANGER : Palette.FAILOVER);
                g.setStroke(Palette.FAILOVER_STROKE);
            }
            case DEPENDENCY -> {
                g.setColor(Palette.DEPENDENCY);
                g.setStroke(access(e) == Access.READ ? Palette.DEPEND_READ : Palette.DEPEND_WRITE);
                head = 7;
            }
            case ROUTING -> head = RoutePainter.edge(g, e, ctx);
            case MEMBERSHIP -> {
                if (!drawMembership(e)) {
                    return;
                }
                g.setColor(Palette.MUTED);
                g.setStroke(Palette.MEMBER);
                head = 0;
            }
        }
        g.draw(path);
        if (head > 0) {
            Glyphs.arrowHead(g, pts.get(pts.size() - 2), pts.get(pts.size() - 1), head);
        }
    }

    private boolean drawMembership(Edge e) {
        NodeBox member = layout.box(e.from()).orElseThrow();
        NodeBox cluster = layout.box(e.to()).orElseThrow();
        return !cluster.box().contains(member.box());
    }

    private Access access(Edge e) {
        return ctx.input().topology().service(e.from().name()).map(Service::dependsOn).orElse(List.of()).stream()
                .filter(d -> d.target().name().equals(e.to().name()) && d.target().position().equals(e.position()))
                .map(d -> d.access()).findFirst().orElse(Access.WRITE);
    }
}
