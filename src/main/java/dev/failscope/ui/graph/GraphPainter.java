package dev.failscope.ui.graph;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.LayoutMetrics;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.model.Node;
import dev.failscope.model.Severity;
import dev.failscope.ui.viewmodel.GraphOverlay;
import dev.failscope.ui.viewmodel.GraphScene;
import dev.failscope.ui.viewmodel.GraphScene.NodeLook;
import dev.failscope.ui.viewmodel.Viewport;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link GraphScene} onto a canvas: only what the viewport shows (culling through the layout's spatial
 * index), and with less detail when elements are small on screen.
 */
public final class GraphPainter extends LanesAndEdges {
    /** At or above this scale: text, badges, arrow heads and dashes. */
    public static final double LABELS = 0.42;
    /** At or above this scale (and below {@link #LABELS}): names only, drawn at a legible size. */
    public static final double NAMES = 0.24;
    /** Below this scale: plain rectangles and straight lines, no membership or dependency edges. */
    public static final double SIMPLE = 0.2;
    /** Width of the legend box in pixels (the view leaves room for it when fitting). */
    public static final double LEGEND_WIDTH = 300;

    /** The tag of a failed server, drawn inside its box. */
    public static final String FAILED_TAG = "✖ FAILED";
    /** The tag of a cluster that failed over (or lost a replica) and runs on reduced redundancy. */
    public static final String DEGRADED_TAG = "▲ DEGRADED";

    /** What to draw besides the scene itself. */
    public record State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                        Palette palette, java.util.Map<String, String> spof, java.util.Map<String, String> drift) {
        public State {
            spof = java.util.Map.copyOf(spof);
            drift = java.util.Map.copyOf(drift);
        }

        /** Without drift marks. */
        public State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                     Palette palette, java.util.Map<String, String> spof) {
            this(selected, hovered, overlay, pulse, legend, palette, spof, java.util.Map.of());
        }

        /** Without single points of failure marked. */
        public State(Node selected, Node hovered, GraphOverlay overlay, double pulse, boolean legend,
                     Palette palette) {
            this(selected, hovered, overlay, pulse, legend, palette, java.util.Map.of());
        }
    }

    private GraphLayer layer;

    /** Paints one frame and returns how many boxes were drawn (for the benchmark). */
    public int paint(GraphicsContext g, double w, double h, GraphScene scene, Viewport vp, State state) {
        this.gc = g;
        this.p = state.palette();
        this.scale = vp.scale();
        this.overlay = state.overlay();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(p.background());
        gc.fillRect(0, 0, w, h);
        gc.setTransform(scale, 0, 0, scale, vp.tx(), vp.ty());
        Box vis = vp.visible(w, h);
        Layout layout = scene.layout();
        lanes(layout, vis);
        List<NodeBox> boxes = layout.nodesIn(vis.x(), vis.y(), vis.width(), vis.height());
        for (NodeBox nb : boxes) {
            if (nb.role() == NodeRole.CLUSTER) {
                cluster(nb, scene.look(nb.node()));
            }
        }
        for (EdgeRoute r : layout.edgesIn(vis.x(), vis.y(), vis.width(), vis.height())) {
            edge(r, scene.look(r.edge()), layout);
        }
        repointed(layout);
        for (NodeBox nb : boxes) {
            switch (nb.role()) {
                case CLUSTER -> { }
                case SERVICE -> service(nb, scene.look(nb.node()));
                case ROUTE -> RoutePainter.paint(gc, p, nb, scene.look(nb.node()), overlay, px(1), labels());
                default -> server(nb, scene.look(nb.node()));
            }
        }
        for (NodeBox nb : boxes) {
            String why = state.spof().get(nb.node().name());
            if (why != null && nb.node().kind() == dev.failscope.model.NodeKind.SERVER) {
                spof(nb.box());
            }
            if (state.drift().containsKey(nb.node().name()) && (nb.node().kind()
                    == dev.failscope.model.NodeKind.SERVER || nb.node().kind() == dev.failscope.model.NodeKind.CLUSTER)) {
                drift(nb.box());
            }
            highlight(nb, state);
        }
        if (layer != null) {
            layer.paint(gc, scene, vp, w, h, p);
        }
        gc.setTransform(1, 0, 0, 1, 0, 0);
        if (state.legend()) {
            Legend.draw(gc, p, h, overlay.active(), !state.spof().isEmpty(), !scene.topology().routes().isEmpty(),
                    !state.drift().isEmpty());
        }
        return boxes.size();
    }

    /** Sets (or with null removes) the layer drawn over the graph. */
    public void setLayer(GraphLayer layer) {
        this.layer = layer;
    }

    private void cluster(NodeBox nb, NodeLook look) {
        Box b = nb.box();
        boolean down = overlay.clustersDown().contains(nb.node().name());
        boolean degraded = !down && overlay.clustersDegraded().contains(nb.node().name());
        if (simple()) {
            gc.setFill(down ? p.dangerFill() : p.clusterFill());
            gc.fillRect(b.x(), b.y(), b.width(), b.height());
            gc.setStroke(down ? p.danger() : p.clusterStroke());
            gc.setLineWidth(px(1));
            gc.strokeRect(b.x(), b.y(), b.width(), b.height());
            return;
        }
        double arc = 14;
        gc.setFill(down ? p.dangerFill() : p.clusterFill());
        gc.fillRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
        gc.setFill(down ? p.danger().deriveColor(0, 1, 1, 0.25) : p.clusterHeader());
        gc.fillRoundRect(b.x(), b.y(), b.width(), LayoutMetrics.CLUSTER_HEADER, arc, arc);
        gc.fillRect(b.x(), b.y() + LayoutMetrics.CLUSTER_HEADER / 2, b.width(), LayoutMetrics.CLUSTER_HEADER / 2);
        gc.setStroke(down ? p.danger() : degraded ? p.warning() : p.clusterStroke());
        gc.setLineWidth(px(down || degraded ? 3 : 1.5));
        if (nb.node().missing()) {
            gc.setLineDashes(px(6), px(4));
        }
        gc.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
        gc.setLineDashes();
        if (labels()) {
            String name = nb.node().missing() ? "missing: " + nb.node().name() : nb.node().name();
            text("⛁ " + fit(name, b.width() - 90, 13), b.x() + 10, b.y() + 15, NAME, p.text(), TextAlignment.LEFT);
            if (down) {
                pill("✖ NO PRIMARY", b.maxX() - (look.worst() != null ? 44 : 8), b.y() + 14, p.danger(),
                        Color.WHITE, true);
            } else if (degraded) {
                pill(DEGRADED_TAG, b.maxX() - (look.worst() != null ? 44 : 8), b.y() + 14, p.warning(),
                        Color.BLACK, true);
            } else if (!look.subtitle().isEmpty()) {
                double room = look.worst() != null ? 44 : 10;
                text(look.subtitle(), b.maxX() - room, b.y() + 15, SMALL, p.subText(), TextAlignment.RIGHT);
            }
            severityBadge(look, b.maxX(), b.y());
        } else if (namesOnly()) {
            String name = nb.node().missing() ? "missing: " + nb.node().name() : nb.node().name();
            compactName(name, new Box(b.x(), b.y(), b.width(), LayoutMetrics.CLUSTER_HEADER), p.text());
        }
    }

    private void server(NodeBox nb, NodeLook look) {
        Box b = nb.box();
        String name = nb.node().name();
        boolean failed = overlay.failed().contains(name);
        if (simple()) {
            gc.setFill(look.ghost() ? p.background() : look.decommissioned() ? p.decommFill()
                    : failed ? p.dangerFill() : p.serverFill());
            gc.fillRect(b.x(), b.y(), b.width(), b.height());
            gc.setStroke(look.ghost() || failed || look.worst() == Severity.ERROR ? p.danger() : p.serverStroke());
            gc.setLineWidth(px(1));
            gc.strokeRect(b.x(), b.y(), b.width(), b.height());
            return;
        }
        double arc = 8;
        if (look.ghost()) {
            gc.setStroke(p.danger());
            gc.setLineWidth(px(1.5));
            gc.setLineDashes(px(6), px(4));
            gc.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
            gc.setLineDashes();
            if (labels()) {
                text(fit("missing: " + name, b.width() - 12, 13), b.centerX(), b.y() + 18, NAME, p.danger(),
                        TextAlignment.CENTER);
                text("declared nowhere", b.centerX(), b.y() + 36, SMALL, p.subText(), TextAlignment.CENTER);
            }
            severityBadge(look, b.maxX(), b.y());
            return;
        }
        gc.setFill(look.decommissioned() ? p.decommFill() : failed ? p.dangerFill() : p.serverFill());
        gc.fillRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
        if (look.decommissioned()) {
            hatch(b);
        }
        boolean promoted = overlay.promoted().contains(name);
        gc.setStroke(failed ? p.danger() : promoted ? p.ok() : nb.role() == NodeRole.PRIMARY ? p.replication()
                : p.serverStroke());
        gc.setLineWidth(px(promoted ? 3 : nb.role() == NodeRole.PRIMARY ? 2 : 1.2));
        gc.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
        if (labels()) {
            String shown = fit(name, b.width() - 16, 13);
            Color ink = look.decommissioned() ? p.subText() : p.text();
            text(shown, b.centerX(), b.y() + 17, NAME, ink, TextAlignment.CENTER);
            if (look.decommissioned()) {
                double half = Math.min(b.width() - 16, shown.length() * 7.4) / 2;
                gc.setStroke(ink);
                gc.setLineWidth(px(1.5));
                gc.strokeLine(b.centerX() - half, b.y() + 17, b.centerX() + half, b.y() + 17);
                text("decommissioned", b.centerX(), b.y() + 36, SMALL_BOLD, p.text(), TextAlignment.CENTER);
            } else {
                String role = switch (nb.role()) {
                    case PRIMARY -> "primary";
                    case REPLICA -> "replica";
                    default -> "";
                };
                if (promoted) {
                    text("♛ promoted to primary", b.centerX(), b.y() + 36, SMALL_BOLD, p.ok(), TextAlignment.CENTER);
                } else if (failed) {
                    // The tag sits inside the box, where the role line was: above it, it would cover edge labels
                    // and zone titles.
                    double w = pillWidth(FAILED_TAG);
                    pill(FAILED_TAG, b.centerX() - w / 2, b.y() + 36, p.danger(), Color.WHITE, false);
                } else {
                    String sub = role.isEmpty() ? look.subtitle() : role + (look.subtitle().isEmpty() ? ""
                            : " · " + look.subtitle());
                    text(fit(sub, b.width() - 12, 11), b.centerX(), b.y() + 36, SMALL, p.subText(),
                            TextAlignment.CENTER);
                }
            }
            badges(look, b);
            severityBadge(look, b.maxX(), b.y());
        } else if (namesOnly()) {
            compactName(name, b, look.decommissioned() ? p.subText() : p.text());
        }
        simulation(nb, failed);
    }

    private void service(NodeBox nb, NodeLook look) {
        Box b = nb.box();
        GraphOverlay.ServiceHealth health = overlay.services().get(nb.node().name());
        Color stroke = health == GraphOverlay.ServiceHealth.DOWN ? p.danger()
                : health == GraphOverlay.ServiceHealth.DEGRADED ? p.warning() : p.serviceStroke();
        gc.setFill(health == GraphOverlay.ServiceHealth.DOWN ? p.dangerFill() : p.serviceFill());
        if (simple()) {
            gc.fillRect(b.x(), b.y(), b.width(), b.height());
            return;
        }
        gc.fillRoundRect(b.x(), b.y(), b.width(), b.height(), b.height(), b.height());
        gc.setStroke(stroke);
        gc.setLineWidth(px(health == GraphOverlay.ServiceHealth.DOWN ? 2.5 : 1.5));
        gc.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), b.height(), b.height());
        if (labels()) {
            text(fit(nb.node().name(), b.width() - 24, 13), b.centerX(), b.y() + 15, NAME, p.text(),
                    TextAlignment.CENTER);
            String sub = health != null ? health.label() : "service";
            text(sub, b.centerX(), b.y() + 31, health != null ? SMALL_BOLD : SMALL,
                    health == null ? p.subText() : stroke, TextAlignment.CENTER);
            severityBadge(look, b.maxX() - 6, b.y());
        } else if (namesOnly()) {
            compactName(nb.node().name(), b, p.text());
        }
    }

    private void highlight(NodeBox nb, State state) {
        Box b = nb.box();
        boolean trying = overlay.isTrying(nb.node().name());
        if (trying) {
            double a = 0.35 + 0.65 * state.pulse();
            gc.setStroke(p.warning().deriveColor(0, 1, 1, a));
            gc.setLineWidth(px(3 + 5 * state.pulse()));
            double g = 4 + 6 * state.pulse();
            gc.strokeRoundRect(b.x() - g, b.y() - g, b.width() + 2 * g, b.height() + 2 * g, 14, 14);
            if (labels()) {
                // under the box (where the "timed out" callout comes later): above it would cover zone titles
                String t = overlay.tryingWhy() == null ? "⟳ trying" : "⟳ trying: " + overlay.tryingWhy();
                double w = pillWidth(t);
                pill(t, b.centerX() - w / 2, b.maxY() + 16 + 4 + 6 * state.pulse(), p.warning(), Color.BLACK, false);
            }
        }
        if (nb.node().equals(state.selected())) {
            gc.setStroke(p.accent());
            gc.setLineWidth(px(3));
            gc.strokeRoundRect(b.x() - 3, b.y() - 3, b.width() + 6, b.height() + 6, 12, 12);
        } else if (nb.node().equals(state.hovered())) {
            gc.setStroke(p.accent().deriveColor(0, 1, 1, 0.5));
            gc.setLineWidth(px(2));
            gc.strokeRoundRect(b.x() - 2, b.y() - 2, b.width() + 4, b.height() + 4, 10, 10);
        }
    }

    private void badges(NodeLook look, Box b) {
        double x = b.x() + 4;
        for (String badge : look.badges()) {
            double w = pill(badge, x, b.maxY() - 2, p.warning(), Color.BLACK, false);
            x += w + 4;
        }
    }

    private void severityBadge(NodeLook look, double right, double top) {
        if (look.worst() == null || !labels()) {
            return;
        }
        Color c = look.worst() == Severity.ERROR ? p.danger() : look.worst() == Severity.WARNING ? p.warning()
                : p.accent();
        String t = dev.failscope.ui.viewmodel.Icons.severity(look.worst().label()) + (look.findings() > 1
                ? " " + look.findings() : "");
        double w = Math.max(20, t.length() * 7 + 10);
        gc.setFill(c);
        gc.fillRoundRect(right - w + 6, top - 8, w, 18, 18, 18);
        text(t, right - w / 2 + 6, top + 1, SMALL_BOLD, look.worst() == Severity.WARNING ? Color.BLACK : Color.WHITE,
                TextAlignment.CENTER);
    }
}
