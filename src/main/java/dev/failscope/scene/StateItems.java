package dev.failscope.scene;

import dev.failscope.layout.Box;
import dev.failscope.layout.LayoutMetrics;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.scene.NodeItems.Tag;
import dev.failscope.scene.SceneState.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marks of a failure state, one group per element and mark, drawn over the configured boxes (so the review
 * page can lay them over render's picture step by step): failed servers crossed out and tagged ✖ FAILED,
 * promoted ♛ PROMOTED, the candidate being tried ⟳ TRYING, given up ✖ SKIPPED with why, stale replicas STALE,
 * clusters ✖ NO PRIMARY or ▲ DEGRADED, services ✔ ok / ▲ degraded / ✖ down, re-pointed replication, single
 * points of failure ⚠ SPOF. State tags sit on the server's second line, before its status tags, so they never
 * cover another label.
 */
final class StateItems {

    private final SceneModel model;
    private final SceneView view;
    private final SceneState state;
    private final NodeItems nodes;

    StateItems(SceneModel model, SceneView view) {
        this.model = model;
        this.view = view;
        this.state = view.state();
        this.nodes = new NodeItems(model, view);
    }

    private boolean full() {
        return view.detail() == Detail.FULL;
    }

    List<Group> marks(NodeBox n, boolean collapsed) {
        if (!state.active() || n.node().missing()) {
            return List.of();
        }
        return switch (n.node().kind()) {
            case SERVER -> server(n);
            case CLUSTER -> cluster(n);
            case SERVICE -> service(n);
            case ROUTE -> route(n);
            default -> List.of();
        };
    }

    private record Mark(String mark, Tag tag, Style ring, double width) {}

    private List<Group> server(NodeBox n) {
        String name = n.node().name();
        Box b = n.box();
        List<Mark> marks = new ArrayList<>();
        if (state.failed().contains(name)) {
            marks.add(new Mark("failed", new Tag(Tags.FAILED, Style.DANGER, Style.ON_STRONG), Style.DANGER, 3));
        }
        if (state.promoted().contains(name)) {
            marks.add(new Mark("promoted", new Tag(Tags.PROMOTED, Style.OK, Style.ON_STRONG), Style.OK, 3));
        }
        if (state.isTrying(name)) {
            marks.add(new Mark("trying", new Tag(Tags.TRYING, Style.WARNING, Style.ON_WARNING), Style.NONE, 0));
        } else if (state.skipped().containsKey(name) && !state.promoted().contains(name)) {
            marks.add(new Mark("skipped", new Tag(Tags.SKIPPED, Style.DANGER, Style.ON_STRONG), Style.NONE, 0));
        }
        if (state.stale().contains(name) && !state.failed().contains(name)) {
            marks.add(new Mark("stale", new Tag(Tags.STALE, Style.WARNING, Style.ON_WARNING), Style.WARNING, 2));
        }
        List<Group> out = new ArrayList<>();
        boolean overview = view.detail() == Detail.OVERVIEW;
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            Pen pen = new Pen(view);
            if (m.ring() != Style.NONE) {
                pen.rect(b, overview ? 0 : 8, m.mark().equals("failed") ? Style.DANGER_SOFT : Style.NONE, m.ring(),
                        m.width());
            }
            if (m.mark().equals("failed")) {
                lostSources(pen, n.node());
                pen.line(b.x() + 4, b.y() + 4, b.maxX() - 4, b.maxY() - 4, Style.DANGER, 3);
                pen.line(b.maxX() - 4, b.y() + 4, b.x() + 4, b.maxY() - 4, Style.DANGER, 3);
            }
            if (i == 0 && full()) {
                pen.rect(new Box(b.x() + 3, b.y() + 27, b.width() - 6, 18), 6, m.mark().equals("failed")
                        ? Style.DANGER_FILL : model.decommissioned(n.node()) ? Style.DECOM_FILL : Style.SERVER_FILL,
                        Style.NONE, 0);
                List<Tag> tags = marks.stream().map(Mark::tag).toList();
                NodeItems.row(pen, b, tags, nodes.tags(n.node()), nodes.secondLine(n));
            }
            if (full() && m.mark().equals("trying") && state.tryingWhy() != null) {
                callout(pen, b, "⟳ trying: " + state.tryingWhy(), Style.WARNING_FILL, Style.WARNING);
            }
            if (full() && m.mark().equals("skipped")) {
                callout(pen, b, "✖ " + state.skipped().get(name), Style.DANGER_FILL, Style.DANGER);
            }
            out.add(pen.group(Layer.STATES, "", "state " + m.mark(), name, m.mark()));
        }
        String why = state.spof().get(name);
        if (why != null) {
            Pen pen = new Pen(view);
            double g = full() ? 5 : view.px(2);
            pen.rect(b.grow(g), 14, Style.NONE, Style.DANGER, full() ? 3 : 2);
            if (full()) {
                double w = Pen.pillWidth(Tags.SPOF);
                pen.pill(Tags.SPOF, b.maxX() - 4 - w, b.maxY() + 2, Style.DANGER, Style.ON_STRONG);
            }
            out.add(pen.group(Layer.STATES, "", "state spof", name, "spof"));
        }
        drift(name, b, out);
        return out;
    }

    /** Replication from a failed server: its replicas lost their source (faint red, dotted). */
    private void lostSources(Pen pen, Node server) {
        if (view.detail() == Detail.OVERVIEW) {
            return;
        }
        for (Edge e : model.topology().graph().outgoingEdgesOf(server)) {
            if (e.kind() == EdgeKind.REPLICATION) {
                model.layout().route(e).ifPresent(r -> pen.line(r.points(), Style.DANGER, 2, pen.dash(2, 4), 0));
            }
        }
    }

    /** A pill under the box, tied to it by a short line (below: above it would cover zone titles). */
    private void callout(Pen pen, Box b, String text, Style fill, Style ink) {
        String t = TextFit.end(text, Math.max(b.width() + 80, 120), Pen.SMALL, true);
        double w = Pen.pillWidth(t) + 6;
        double y = b.maxY() + 8;
        Box box = new Box(b.centerX() - w / 2, y, w, 20);
        pen.line(b.centerX(), b.maxY(), b.centerX(), y, ink, 1.5);
        pen.items.add(new Item.Rect(box, 8, fill, ink, pen.px(1.5), Dash.SOLID));
        pen.text(t, box.centerX(), box.centerY(), Align.CENTER, Pen.SMALL, true, ink);
    }

    /**
     * Drift ({@code failscope drift}): a dashed ring outside the box (dashes, not colour alone, tell it from a SPOF
     * ring), and the tag on its top edge when labels are shown.
     */
    private void drift(String name, Box b, List<Group> out) {
        if (!state.drift().containsKey(name)) {
            return;
        }
        Pen pen = new Pen(view);
        double g = full() ? 9 : view.px(3);
        pen.dashed(b.grow(g), 16, Style.WARNING, full() ? 3 : 2, 6, 4);
        if (full()) {
            double w = Pen.pillWidth(Tags.DRIFT);
            pen.pill(Tags.DRIFT, b.maxX() - 4 - w, b.y() - g, Style.WARNING, Style.ON_WARNING);
        }
        out.add(pen.group(Layer.STATES, "", "state drift", name, "drift"));
    }

    private List<Group> cluster(NodeBox n) {
        List<Group> out = new ArrayList<>(clusterHealth(n));
        drift(n.node().name(), n.box(), out);
        return out;
    }

    private List<Group> clusterHealth(NodeBox n) {
        String name = n.node().name();
        boolean down = state.down().contains(name);
        boolean degraded = !down && state.degraded().contains(name);
        if (!down && !degraded) {
            return List.of();
        }
        Box b = n.box();
        Pen pen = new Pen(view);
        Style colour = down ? Style.DANGER : Style.WARNING;
        if (view.detail() == Detail.OVERVIEW) {
            pen.rect(b, 0, down ? Style.DANGER_SOFT : Style.NONE, colour, 3);
        } else {
            pen.rect(b, 14, Style.NONE, colour, 3);
        }
        if (full()) {
            String tag = down ? Tags.NO_PRIMARY : Tags.DEGRADED;
            double reserve = model.badge(n.node()).isPresent() ? 44 : 10;
            double w = Pen.pillWidth(tag);
            double x = b.maxX() - reserve - w;
            double head = LayoutMetrics.CLUSTER_HEADER;
            pen.rect(new Box(x - 4, b.y() + 2, w + 8, head - 4), 8, Style.CLUSTER_HEADER, Style.NONE, 0);
            pen.pill(tag, x, b.y() + 14, colour, down ? Style.ON_STRONG : Style.ON_WARNING);
        }
        String mark = down ? "down" : "degraded";
        return List.of(pen.group(Layer.STATES, "", "state " + mark, name, mark));
    }

    private List<Group> service(NodeBox n) {
        Outcome o = state.services().get(n.node().name());
        if (o == null) {
            return List.of();
        }
        Box b = n.box();
        Pen pen = new Pen(view);
        Style colour = switch (o) {
            case OK -> Style.OK;
            case DEGRADED -> Style.WARNING;
            case DOWN -> Style.DANGER;
        };
        boolean overview = view.detail() == Detail.OVERVIEW;
        pen.rect(b, overview ? 0 : b.height(), Style.NONE, colour, o == Outcome.OK ? 1.5 : 2.5);
        if (full()) {
            String words = switch (o) {
                case OK -> "✔ ok";
                case DEGRADED -> "▲ degraded";
                case DOWN -> "✖ down";
            };
            pen.rect(new Box(b.centerX() - 45, b.y() + 24, 90, 14), 6, Style.SERVICE_FILL, Style.NONE, 0);
            pen.text(words, b.centerX(), b.y() + 31, Align.CENTER, Pen.SMALL, true, colour);
        }
        String mark = o.name().toLowerCase(java.util.Locale.ROOT);
        return List.of(pen.group(Layer.STATES, "", "state " + mark, n.node().name(), mark));
    }

    /** Where a route sends its clients: "✔ FOLLOWING db-replica-1" or, outlined red, "✖ PINNED → db-main-1". */
    private List<Group> route(NodeBox n) {
        dev.failscope.simulation.SimulationStep.Route r = state.routes().get(n.node().name());
        if (r == null) {
            return List.of();
        }
        Box b = n.box();
        Pen pen = new Pen(view);
        String word = r.state().toUpperCase(java.util.Locale.ROOT);
        String label = r.server() == null ? word : r.following() ? "✔ " + word + " " + r.server()
                : "✖ " + word + " → " + r.server();
        if (!r.following()) {
            // repainted red, with its words again on top
            double slant = 10;
            pen.items.add(new Item.Poly(List.of(new Point(b.x() + slant, b.y()), new Point(b.maxX(), b.y()),
                    new Point(b.maxX() - slant, b.maxY()), new Point(b.x(), b.maxY())), Style.DANGER_FILL,
                    Style.DANGER, pen.px(2.5)));
            nodes.routeWords(pen, n);
        }
        if (full()) {
            pen.pill(TextFit.end(label, b.width() + 60, Pen.SMALL, true), b.x() + 12, b.maxY() + 12,
                    r.following() ? Style.OK : Style.DANGER, Style.ON_STRONG);
        }
        String mark = r.state();
        return List.of(pen.group(Layer.STATES, "", "state route " + mark, n.node().name(), mark));
    }

    /** Replication that moved to a promoted primary, drawn from the new primary to the replica. */
    List<Group> repointed() {
        List<Group> out = new ArrayList<>();
        state.repointed().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(en -> {
            Optional<NodeBox> to = model.layout().box(NodeKind.SERVER, en.getKey());
            Optional<NodeBox> from = model.layout().box(NodeKind.SERVER, en.getValue());
            if (to.isEmpty() || from.isEmpty()) {
                return;
            }
            Box a = from.get().box();
            Box b = to.get().box();
            Point start = new Point(a.centerX(), a.centerY() < b.centerY() ? a.maxY() : a.y());
            Point end = new Point(b.centerX(), a.centerY() < b.centerY() ? b.y() : b.maxY());
            if (Math.abs(a.centerY() - b.centerY()) < 1) {
                start = new Point(a.centerX() < b.centerX() ? a.maxX() : a.x(), a.centerY());
                end = new Point(a.centerX() < b.centerX() ? b.x() : b.maxX(), b.centerY());
            }
            Pen pen = new Pen(view);
            pen.line(List.of(start, end), Style.OK, 2.5, Dash.SOLID, 9);
            if (full()) {
                pen.text("↪ re-pointed", (start.x() + end.x()) / 2, (start.y() + end.y()) / 2 - 8, Align.CENTER,
                        Pen.SMALL, true, Style.OK);
            }
            out.add(pen.group(Layer.EDGES, "", "state repointed", en.getKey(), "repointed"));
        });
        return out;
    }

    /** The pulsing ring of the candidate being tried, and the selection and hover rings. */
    Optional<Group> selection(NodeBox n) {
        Box b = n.box();
        Pen pen = new Pen(view);
        Node node = n.node();
        if (node.kind() == NodeKind.SERVER && state.isTrying(node.name())) {
            double p = view.pulse();
            double g = 4 + 6 * p;
            pen.rect(b.grow(g), 14, Style.NONE, Style.WARNING, 3 + 5 * p);
        }
        if (node.equals(view.selected())) {
            pen.rect(b.grow(3), 12, Style.NONE, Style.ACCENT, 3);
        } else if (node.equals(view.hovered())) {
            pen.rect(b.grow(2), 10, Style.NONE, Style.ACCENT_SOFT, 2);
        }
        if (pen.items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pen.group(Layer.SELECTION, "", "selection", node.name(), ""));
    }
}
