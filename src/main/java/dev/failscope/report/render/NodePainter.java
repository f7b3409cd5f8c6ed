package dev.failscope.report.render;

import dev.failscope.layout.Box;
import dev.failscope.layout.LayoutMetrics;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.model.Cluster;
import dev.failscope.model.Node;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.report.render.StateOverlay.ClusterOutcome;
import dev.failscope.report.render.StateOverlay.ClusterState;
import dev.failscope.report.render.StateOverlay.ServiceState;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.Optional;

/**
 * Draws boxes. Missing vertices are dashed red ghosts labelled "missing: NAME"; decommissioned servers are
 * grey, hatched, struck through and say "decommissioned"; maintenance and no-failover servers carry a tag;
 * elements with findings carry a severity badge; the overlay crosses out failed servers, crowns promoted
 * ones, marks clusters without a primary "NO PRIMARY" and gives services an ok/degraded/down sign.
 */
final class NodePainter {
    private static final double ARC = 10;
    private final PaintContext ctx;
    private final StateOverlay overlay;

    NodePainter(PaintContext ctx) {
        this.ctx = ctx;
        this.overlay = ctx.overlay();
    }

    void paint(Graphics2D g, NodeBox n) {
        if (n.node().missing()) {
            ghost(g, n);
        } else {
            switch (n.role()) {
                case CLUSTER -> cluster(g, n);
                case SERVICE -> service(g, n);
                case ROUTE -> RoutePainter.node(g, n, ctx);
                default -> server(g, n);
            }
        }
        ctx.badge(n.node()).ifPresent(b -> {
            Box box = n.box();
            if (n.role() == NodeRole.CLUSTER) {
                Glyphs.severityBadge(g, box.maxX() - 20, box.y() + LayoutMetrics.CLUSTER_HEADER / 2, b.severity(),
                        b.count());
            } else {
                Glyphs.severityBadge(g, box.maxX() - 4, box.y() + 1, b.severity(), b.count());
            }
        });
    }

    private void ghost(Graphics2D g, NodeBox n) {
        Box b = n.box();
        Shape s = Glyphs.rounded(b, ARC);
        g.setColor(new Color(0xFFF5F5));
        g.fill(s);
        g.setColor(Palette.GHOST_LINE);
        g.setStroke(Palette.GHOST);
        g.draw(s);
        g.setColor(Palette.DANGER);
        double top = n.role() == NodeRole.CLUSTER ? b.y() + 18 : b.y() + 20;
        Glyphs.shrunk(g, "missing: " + n.node().name(), Palette.NAME, b.x() + 8, top, b.width() - 16);
        g.setColor(Palette.MUTED);
        Glyphs.fitted(g, "not declared anywhere", Palette.SMALL, b.x() + 8, top + 15, b.width() - 16);
    }

    private void cluster(Graphics2D g, NodeBox n) {
        Box b = n.box();
        Shape s = Glyphs.rounded(b, ARC + 4);
        Optional<ClusterOutcome> outcome = overlay.cluster(n.node().name());
        boolean down = outcome.map(o -> o.state() == ClusterState.DOWN).orElse(false);
        g.setColor(down ? new Color(0xFBE3E3) : Palette.CLUSTER_FILL);
        g.fill(s);
        g.setColor(down ? Palette.DANGER : Palette.CLUSTER_LINE);
        g.setStroke(down ? Palette.DOWN : Palette.BOX);
        g.draw(s);
        String engine = ctx.input().topology().cluster(n.node().name()).map(Cluster::engine).orElse(null);
        String title = n.node().name() + (engine == null ? "" : "  ·  " + engine);
        double reserve = (outcome.map(o -> o.state() != ClusterState.OK).orElse(false) ? 100 : 0) + (ctx.badge(n.node()).isPresent() ? 36 : 0);
        g.setColor(Palette.INK);
        Glyphs.fitted(g, title, Palette.NAME, b.x() + 10, b.y() + 18, b.width() - 20 - reserve);
        double shift = ctx.badge(n.node()).isPresent() ? 36 : 0;
        if (down) {
            Glyphs.pill(g, b.maxX() - 98 - shift, b.y() + 7, "✖ NO PRIMARY", Palette.DANGER, Palette.BACKGROUND);
        } else if (outcome.map(o -> o.state() == ClusterState.DEGRADED).orElse(false)) {
            Glyphs.pill(g, b.maxX() - 80 - shift, b.y() + 7, "DEGRADED", Palette.WARN, Palette.BACKGROUND);
        }
    }

    private void service(Graphics2D g, NodeBox n) {
        Box b = n.box();
        Shape s = Glyphs.rounded(b, b.height());
        Optional<ServiceState> state = overlay.service(n.node().name());
        g.setColor(Palette.SERVICE_FILL);
        g.fill(s);
        g.setColor(state.filter(x -> x == ServiceState.DOWN).isPresent() ? Palette.DANGER : Palette.SERVICE_LINE);
        g.setStroke(state.filter(x -> x == ServiceState.DOWN).isPresent() ? Palette.DOWN : Palette.BOX);
        g.draw(s);
        double textX = b.x() + 16;
        if (state.isPresent()) {
            StatusSigns.service(g, state.get(), b.x() + 20, b.centerY());
            textX = b.x() + 36;
        }
        g.setColor(Palette.INK);
        Glyphs.shrunk(g, n.node().name(), Palette.NAME, textX, b.y() + 18, b.maxX() - 18 - textX);
        g.setColor(Palette.MUTED);
        String sub = state.map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).orElse("service");
        Glyphs.fitted(g, sub, Palette.SMALL, textX, b.y() + 32, b.maxX() - 12 - textX);
    }

    private void server(Graphics2D g, NodeBox n) {
        Box b = n.box();
        Node node = n.node();
        Shape s = Glyphs.rounded(b, ARC);
        Optional<Server> server = ctx.server(node);
        ServerStatus status = ctx.status(node);
        boolean decom = status == ServerStatus.DECOMMISSIONED;
        g.setColor(decom ? Palette.DECOM_FILL : Palette.SERVER_FILL);
        g.fill(s);
        if (decom) {
            Glyphs.hatch(g, s, b, Palette.DECOM_HATCH, 7);
        }
        g.setColor(decom ? Palette.MUTED : Palette.SERVER_LINE);
        g.setStroke(n.role() == NodeRole.PRIMARY ? new java.awt.BasicStroke(2.2f) : Palette.BOX);
        g.draw(s);
        g.setColor(decom ? Palette.MUTED : Palette.INK);
        double nameRoom = b.width() - (overlay.promoted(node.name()) ? 52 : 20);
        String shown = Glyphs.shrunk(g, node.name(), Palette.NAME, b.x() + 9, b.y() + 19, nameRoom);
        if (decom) {
            double w = g.getFontMetrics().stringWidth(shown);
            g.setStroke(new java.awt.BasicStroke(1.5f));
            g.draw(new Line2D.Double(b.x() + 8, b.y() + 15, b.x() + 10 + w, b.y() + 15));
        }
        secondLine(g, n, status, b);
        tags(g, server, status, b);
        if (overlay.failed(node.name())) {
            StatusSigns.crossOut(g, b);
        }
        if (overlay.promoted(node.name())) {
            Glyphs.crown(g, b.maxX() - 40, b.y() + 21, 22);
        }
    }

    private void secondLine(Graphics2D g, NodeBox n, ServerStatus status, Box b) {
        String text = switch (status) {
            case DECOMMISSIONED -> "decommissioned";
            case MAINTENANCE -> "maintenance";
            case ACTIVE -> switch (n.role()) {
                case PRIMARY -> "primary";
                case REPLICA -> "replica";
                default -> "not in a cluster";
            };
        };
        if (overlay.failed(n.node().name())) {
            text = "FAILED";
        } else if (overlay.server(n.node().name()) == StateOverlay.ServerState.STALE) {
            text = "stale: its source is gone";
        } else if (overlay.promoted(n.node().name())) {
            text = "promoted to primary";
        }
        g.setColor(status == ServerStatus.DECOMMISSIONED ? Palette.INK : Palette.MUTED);
        Glyphs.fitted(g, text, status == ServerStatus.DECOMMISSIONED ? Palette.SMALL_BOLD : Palette.SMALL,
                b.x() + 9, b.y() + 34, b.width() - 18);
    }

    private static void tags(Graphics2D g, Optional<Server> server, ServerStatus status, Box b) {
        double x = b.x() + 8;
        double y = b.maxY() - 2;
        if (status == ServerStatus.MAINTENANCE) {
            x += Glyphs.pill(g, x, y - 7, "MAINTENANCE", Palette.WARN, Palette.BACKGROUND) + 4;
        }
        if (server.map(Server::noFailover).orElse(false)) {
            Glyphs.pill(g, x, y - 7, "NO FAILOVER", Palette.INK, Palette.BACKGROUND);
        }
    }
}
