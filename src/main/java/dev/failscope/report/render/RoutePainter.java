package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.layout.NodeBox;
import dev.failscope.model.Edge;
import dev.failscope.model.Route;
import dev.failscope.report.render.StateOverlay.RouteOutcome;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.util.Optional;

/**
 * Draws the routing layer: a route as a slanted box between the services and the clusters ("pgbouncer · fixed
 * host"), its edges in teal, red towards a missing or decommissioned target (the failover edges' encoding), and
 * in a simulation the route's end state: following the new primary, or pinned to a dead server.
 */
final class RoutePainter {
    static final Color ROUTE_FILL = new Color(0xE6F4F1);
    static final Color ROUTE_LINE = new Color(0x2C7A7B);
    static final Stroke ROUTE_STROKE = new java.awt.BasicStroke(1.6f);

    private RoutePainter() {}

    static void node(Graphics2D g, NodeBox n, PaintContext ctx) {
        Box b = n.box();
        Optional<RouteOutcome> state = Optional.ofNullable(ctx.overlay().routes().get(n.node().name()));
        boolean stuck = state.isPresent() && !state.get().following();
        double slant = 10;
        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(b.x() + slant, b.y());
        shape.lineTo(b.maxX(), b.y());
        shape.lineTo(b.maxX() - slant, b.maxY());
        shape.lineTo(b.x(), b.maxY());
        shape.closePath();
        g.setColor(stuck ? new Color(0xFBE3E3) : ROUTE_FILL);
        g.fill(shape);
        g.setColor(stuck ? Palette.DANGER : ROUTE_LINE);
        g.setStroke(stuck ? Palette.DOWN : Palette.BOX);
        g.draw(shape);
        double textX = b.x() + 16;
        g.setColor(Palette.INK);
        Glyphs.shrunk(g, "⇄ " + n.node().name(), Palette.NAME, textX, b.y() + 18, b.width() - 30);
        Optional<Route> route = ctx.input().topology().route(n.node().name());
        g.setColor(Palette.MUTED);
        String sub = route.map(r -> r.kind().label() + " · " + r.follow().label()).orElse("route");
        Glyphs.fitted(g, sub, Palette.SMALL, textX, b.y() + 32, b.width() - 30);
        state.ifPresent(s -> Glyphs.pill(g, b.x() + 14, b.maxY() + 4, label(s), s.following() ? Palette.OK
                : Palette.DANGER, Color.WHITE));
    }

    /** The legend's routing entries, in order: text to sample drawer. */
    static java.util.Map<String, java.util.function.BiConsumer<Graphics2D, Box>> legend(boolean overlay) {
        java.util.Map<String, java.util.function.BiConsumer<Graphics2D, Box>> out = new java.util.LinkedHashMap<>();
        out.put("route: pooler, proxy, client URL", (g, b) -> {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(b.x() + 14, b.y());
            p.lineTo(b.maxX() - 4, b.y());
            p.lineTo(b.maxX() - 14, b.maxY());
            p.lineTo(b.x() + 4, b.maxY());
            p.closePath();
            g.setColor(ROUTE_FILL);
            g.fill(p);
            g.setColor(ROUTE_LINE);
            g.setStroke(Palette.BOX);
            g.draw(p);
        });
        out.put("route to missing / decommissioned", (g, b) -> {
            g.setColor(Palette.DANGER);
            g.setStroke(Palette.DOWN);
            g.draw(new java.awt.geom.Line2D.Double(b.x(), b.centerY(), b.maxX(), b.centerY()));
        });
        if (overlay) {
            out.put("route pinned / following (simulation)", (g, b) -> {
                Glyphs.pill(g, b.x(), b.centerY() - 7, "✖ PINNED", Palette.DANGER, Color.WHITE);
            });
        }
        return out;
    }

    /** "PINNED → db-main-1", "FOLLOWING db-replica-1", "WAITING". */
    static String label(RouteOutcome s) {
        String state = s.state().toUpperCase(java.util.Locale.ROOT);
        if (s.server() == null) {
            return state;
        }
        return s.following() ? "✔ " + state + " " + s.server() : "✖ " + state + " → " + s.server();
    }

    /** Styles a routing edge; returns the arrow head size. */
    static double edge(Graphics2D g, Edge e, PaintContext ctx) {
        boolean broken = e.order() > 0 && ctx.brokenFailover(e);
        g.setColor(broken ? Palette.DANGER : ROUTE_LINE);
        g.setStroke(broken ? Palette.DOWN : ROUTE_STROKE);
        return 7;
    }
}
