package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.Lane;
import dev.failscope.layout.LayoutMetrics;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The boxes of clusters, servers, services and missing placeholders, as configured (no failure state). */
final class NodeItems {

    private final SceneModel model;
    private final SceneView view;
    private final Map<NodeBox, String> names;

    NodeItems(SceneModel model, SceneView view, Map<NodeBox, String> names) {
        this.model = model;
        this.view = view;
        this.names = names;
    }

    NodeItems(SceneModel model, SceneView view) {
        this(model, view, Map.of());
    }

    private boolean full() {
        return view.detail() == Detail.FULL;
    }

    /** At names-only and overview, badges and compact names keep a constant size on screen. */
    private double k() {
        return full() ? 1 : Math.max(1, view.px(1));
    }

    Group cluster(NodeBox n, boolean collapsed) {
        Pen pen = new Pen(view);
        Box b = n.box();
        Node node = n.node();
        String name = node.missing() ? "missing: " + node.name() : node.name();
        if (view.detail() == Detail.OVERVIEW) {
            Optional<SceneModel.Badge> worst = model.clusterWorst(node.name());
            Style stroke = worst.map(w -> severityStyle(w.severity())).orElse(Style.CLUSTER_LINE);
            pen.rect(b, 0, Style.CLUSTER_FILL, stroke, worst.isPresent() ? 3 : 1);
            compactName(pen, name, new Box(b.x(), b.y(), b.width(), Math.min(b.height(), view.px(16))), Style.TEXT);
            worst.ifPresent(w -> badge(pen, w, b.maxX(), b.y()));
            return pen.group(Layer.CLUSTERS, model.id(n), "node cluster", node.name(), collapsed ? "collapsed" : "");
        }
        double arc = 14;
        double head = LayoutMetrics.CLUSTER_HEADER;
        pen.rect(b, arc, Style.CLUSTER_FILL, Style.NONE, 0);
        pen.rect(new Box(b.x(), b.y(), b.width(), head), arc, Style.CLUSTER_HEADER, Style.NONE, 0);
        pen.rect(new Box(b.x(), b.y() + head / 2, b.width(), head / 2), 0, Style.CLUSTER_HEADER, Style.NONE, 0);
        if (node.missing()) {
            pen.dashed(b, arc, Style.DANGER, 1.5, 6, 4);
        } else {
            pen.rect(b, arc, Style.NONE, Style.CLUSTER_LINE, 1.5);
        }
        Optional<SceneModel.Badge> badge = model.badge(node);
        if (full()) {
            double reserve = badge.isPresent() ? 44 : 10;
            String engine = model.engine(node.name());
            double engineW = engine.isEmpty() ? 0 : TextFit.width(engine, Pen.SMALL, false) + 12;
            double room = b.width() - 20 - reserve - engineW;
            if (room < 60) {
                engine = "";
                room = b.width() - 20 - reserve;
            }
            pen.text(TextFit.name(name, room, Pen.NAME, true), b.x() + 10, b.y() + 15, Align.LEFT, Pen.NAME, true,
                    node.missing() ? Style.DANGER : Style.TEXT);
            if (!engine.isEmpty()) {
                pen.text(engine, b.maxX() - reserve, b.y() + 15, Align.RIGHT, Pen.SMALL, false, Style.SUBTEXT);
            }
        } else {
            compactName(pen, name, new Box(b.x(), b.y(), b.width(), head), Style.TEXT);
        }
        if (collapsed) {
            int count = model.members(node.name());
            String t = "▸ " + count + (count == 1 ? " server" : " servers") + " (collapsed)";
            double size = full() ? Pen.SMALL : Math.min(view.px(10), (b.height() - head) * 0.5);
            pen.text(TextFit.end(t, b.width() - 16, size, true), b.centerX(), b.y() + head + (b.height() - head) / 2,
                    Align.CENTER, size, true, Style.SUBTEXT);
        }
        badge.ifPresent(w -> badge(pen, w, b.maxX(), b.y()));
        return pen.group(Layer.CLUSTERS, model.id(n), "node cluster" + (node.missing() ? " missing" : ""),
                node.name(), collapsed ? "collapsed" : "");
    }

    /** A server, a service or a missing placeholder. */
    Group vertex(NodeBox n) {
        Pen pen = new Pen(view);
        if (n.node().missing()) {
            ghost(pen, n);
        } else if (n.role() == NodeRole.SERVICE) {
            service(pen, n);
        } else if (n.role() == NodeRole.ROUTE) {
            route(pen, n);
        } else {
            server(pen, n);
        }
        model.badge(n.node()).ifPresent(w -> badge(pen, w, n.box().maxX() - (n.role() == NodeRole.SERVICE ? 6 : 0),
                n.box().y()));
        String kind = "node " + n.role().name().toLowerCase(java.util.Locale.ROOT) + (n.node().missing() ? " missing" : "");
        return pen.group(Layer.NODES, model.id(n), kind, n.node().name(), "");
    }

    /** A route (pooler, proxy, connection string): a slanted box, "⇄ name" over its kind and how it follows. */
    private void route(Pen pen, NodeBox n) {
        Box b = n.box();
        double slant = 10;
        pen.items.add(new Item.Poly(List.of(new dev.failscope.layout.Point(b.x() + slant, b.y()),
                new dev.failscope.layout.Point(b.maxX(), b.y()), new dev.failscope.layout.Point(b.maxX() - slant, b.maxY()),
                new dev.failscope.layout.Point(b.x(), b.maxY())), Style.ROUTE_FILL, Style.ROUTE, pen.px(1.5)));
        routeWords(pen, n);
    }

    /** A route's name and subtitle (full detail) or compact name (names only). */
    void routeWords(Pen pen, NodeBox n) {
        Box b = n.box();
        if (full()) {
            pen.text(TextFit.name("⇄ " + n.node().name(), b.width() - 30, Pen.NAME, true), b.x() + 16, b.y() + 15,
                    Align.LEFT, Pen.NAME, true, Style.TEXT);
            pen.text(TextFit.end(model.routeSubtitle(n.node()), b.width() - 30, Pen.SMALL, false), b.x() + 16,
                    b.y() + 31, Align.LEFT, Pen.SMALL, false, Style.SUBTEXT);
        } else if (view.detail() == Detail.NAMES) {
            compactName(pen, n.node().name(), b, Style.TEXT);
        }
    }

    private void ghost(Pen pen, NodeBox n) {
        Box b = n.box();
        pen.rect(b, 8, Style.BACKGROUND, Style.NONE, 0);
        pen.dashed(b, 8, Style.DANGER, 1.5, 6, 4);
        String name = "missing: " + n.node().name();
        if (full()) {
            pen.text(TextFit.name(name, b.width() - 12, Pen.NAME, true), b.centerX(), b.y() + 18, Align.CENTER,
                    Pen.NAME, true, Style.DANGER);
            pen.text("declared nowhere", b.centerX(), b.y() + 36, Align.CENTER, Pen.SMALL, false, Style.SUBTEXT);
        } else if (view.detail() == Detail.NAMES) {
            compactName(pen, name, b, Style.DANGER);
        }
    }

    private void server(Pen pen, NodeBox n) {
        Box b = n.box();
        Node node = n.node();
        boolean decom = model.decommissioned(node);
        pen.rect(b, view.detail() == Detail.OVERVIEW ? 0 : 8, decom ? Style.DECOM_FILL : Style.SERVER_FILL,
                Style.NONE, 0);
        if (decom && view.detail() != Detail.OVERVIEW) {
            pen.items.add(new Item.Hatch(b, Style.HATCH, 10, pen.px(1)));
        }
        boolean primary = n.role() == NodeRole.PRIMARY;
        pen.rect(b, view.detail() == Detail.OVERVIEW ? 0 : 8, Style.NONE,
                decom ? Style.SUBTEXT : primary ? Style.PRIMARY_LINE : Style.SERVER_LINE, primary ? 2 : 1.2);
        Style ink = decom ? Style.SUBTEXT : Style.TEXT;
        if (!full()) {
            if (view.detail() == Detail.NAMES) {
                compactName(pen, names.getOrDefault(n, node.name()), b, ink);
            }
            return;
        }
        // a long name first gets smaller type (down to 9), and only then loses its middle
        double size = TextFit.shrink(node.name(), b.width() - 16, Pen.NAME, 9, true);
        String shown = TextFit.width(node.name(), size, true) <= b.width() - 16 ? node.name()
                : names.getOrDefault(n, TextFit.name(node.name(), b.width() - 16, size, true));
        Item.Text t = pen.text(shown, b.centerX(), b.y() + 17, Align.CENTER, size, true, ink);
        if (decom) {
            pen.line(t.x() - t.width() / 2, b.y() + 17, t.x() + t.width() / 2, b.y() + 17, ink, 1.5);
        }
        row(pen, b, List.of(), tags(node), secondLine(n));
    }

    /** MAINT and NO-FAILOVER, as (text, fill, ink). */
    List<Tag> tags(Node node) {
        List<Tag> out = new ArrayList<>();
        Optional<Server> s = model.server(node);
        if (model.status(node) == ServerStatus.MAINTENANCE) {
            out.add(new Tag(Tags.MAINT, Style.WARNING, Style.ON_WARNING));
        }
        if (s.map(Server::noFailover).orElse(false)) {
            out.add(new Tag(Tags.NO_FAILOVER, Style.TEXT, Style.ON_STRONG));
        }
        return out;
    }

    /** A tag on a second line. */
    record Tag(String text, Style fill, Style ink) {}

    /** The words of a server's second line (role and zone; "decommissioned"). */
    String secondLine(NodeBox n) {
        if (model.decommissioned(n.node())) {
            return "decommissioned";
        }
        String role = switch (n.role()) {
            case PRIMARY -> "primary";
            case REPLICA -> "replica";
            default -> "";
        };
        String sub = model.subtitle(n.node());
        return role.isEmpty() ? sub : sub.isEmpty() ? role : role + " · " + sub;
    }

    /**
     * A server's second line: the state tag first, then status tags, then the words fitted into what is left,
     * centred as a whole; nothing on it overlaps, by construction.
     */
    static void row(Pen pen, Box b, List<Tag> first, List<Tag> tags, String words) {
        List<Tag> all = new ArrayList<>(first);
        all.addAll(tags);
        double gap = 4;
        double room = b.width() - 12;
        double pills = 0;
        List<Tag> fitting = new ArrayList<>();
        for (Tag t : all) {
            double w = Pen.pillWidth(t.text());
            if (pills + w > room) {
                break;
            }
            fitting.add(t);
            pills += w + gap;
        }
        String text = words.isEmpty() || room - pills < 24 ? "" : TextFit.end(words, room - pills, Pen.SMALL, false);
        boolean bold = "decommissioned".equals(words);
        double textW = text.isEmpty() ? 0 : TextFit.width(text, Pen.SMALL, bold);
        double total = pills + textW - (text.isEmpty() && !fitting.isEmpty() ? gap : 0);
        double x = b.centerX() - total / 2;
        double cy = b.y() + 36;
        for (Tag t : fitting) {
            x += pen.pill(t.text(), x, cy, t.fill(), t.ink()) + gap;
        }
        if (!text.isEmpty()) {
            pen.text(text, x, cy, Align.LEFT, Pen.SMALL, bold, bold ? Style.TEXT : Style.SUBTEXT);
        }
    }

    private void service(Pen pen, NodeBox n) {
        Box b = n.box();
        boolean overview = view.detail() == Detail.OVERVIEW;
        pen.rect(b, overview ? 0 : b.height(), Style.SERVICE_FILL, Style.SERVICE_LINE, 1.5);
        if (full()) {
            pen.text(TextFit.name(n.node().name(), b.width() - 24, Pen.NAME, true), b.centerX(), b.y() + 15,
                    Align.CENTER, Pen.NAME, true, Style.TEXT);
            pen.text("service", b.centerX(), b.y() + 31, Align.CENTER, Pen.SMALL, false, Style.SUBTEXT);
        } else if (view.detail() == Detail.NAMES) {
            compactName(pen, n.node().name(), b, Style.TEXT);
        }
    }

    /** The name centred in a box at about 9.5 pixels on screen, if it fits the box's height. */
    void compactName(Pen pen, String name, Box b, Style ink) {
        double size = Math.min(view.px(9.5), b.height() * 0.62);
        if (size * view.scale() < 5 || b.width() * view.scale() < 36) {
            return; // under 5 pixels high or in under 36 pixels of room nobody reads it (and text is what costs)
        }
        pen.text(TextFit.name(name, b.width() - view.px(6), size, true), b.centerX(), b.centerY(), Align.CENTER, size,
                true, ink);
    }

    static Style severityStyle(Severity s) {
        return switch (s) {
            case ERROR -> Style.DANGER;
            case WARNING -> Style.WARNING;
            case INFO -> Style.INFO;
        };
    }

    static String icon(Severity s) {
        return switch (s) {
            case ERROR -> "✖";
            case WARNING -> "▲";
            case INFO -> "ℹ";
        };
    }

    /** The finding badge straddling a box's top-right corner, at every level of detail. */
    void badge(Pen pen, SceneModel.Badge badge, double right, double top) {
        double k = k();
        String t = icon(badge.severity()) + (badge.count() > 1 ? " " + badge.count() : "");
        double w = Math.max(20, TextFit.width(t, Pen.SMALL, true) + 10) * k;
        double h = 18 * k;
        Box box = new Box(right - w + 6 * k, top - 8 * k, w, h);
        pen.items.add(new Item.Rect(box, h, severityStyle(badge.severity()), Style.NONE, 0, Dash.SOLID));
        pen.text(t, box.centerX(), box.centerY(), Align.CENTER, Pen.SMALL * k, true,
                badge.severity() == Severity.WARNING ? Style.ON_WARNING : Style.ON_STRONG);
    }

    /** A collapsed zone or region: one box under the lane's header saying what it holds and its worst finding. */
    void laneSummary(Pen pen, Lane lane, Box bounds, List<NodeBox> members) {
        long clusters = members.stream().filter(m -> m.node().kind() == NodeKind.CLUSTER).count();
        long servers = members.stream().filter(m -> m.node().kind() == NodeKind.SERVER).count();
        SceneModel.Badge worst = null;
        for (NodeBox m : members) {
            var b = model.badge(m.node()).orElse(null);
            if (b != null) {
                worst = worst == null ? b : new SceneModel.Badge(worst.severity().atLeast(b.severity())
                        ? worst.severity() : b.severity(), worst.count() + b.count());
            }
        }
        Box box = new Box(bounds.x() + 8, lane.header().maxY() + 8, bounds.width() - 16,
                Math.max(view.px(40), Math.min(120, bounds.height() - lane.header().height() - 16)));
        pen.rect(box, 12, Style.CLUSTER_FILL, worst == null ? Style.CLUSTER_LINE : severityStyle(worst.severity()),
                worst == null ? 1.5 : 3);
        String t = "▸ " + (clusters == 0 ? "" : clusters + (clusters == 1 ? " cluster · " : " clusters · ")) + servers
                + (servers == 1 ? " server" : " servers");
        double size = full() ? Pen.SMALL : view.px(10);
        pen.text(TextFit.end(t, box.width() - 16, size, true), box.centerX(), box.centerY(), Align.CENTER, size, true,
                Style.SUBTEXT);
        if (worst != null) {
            badge(pen, worst, box.maxX(), box.y());
        }
    }
}
