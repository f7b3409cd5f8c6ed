package dev.failscope.scene;

import dev.failscope.diff.ChangeType;
import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.LayoutMetrics;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.NodeRole;
import dev.failscope.layout.Point;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.scene.SceneDiff.GhostLine;
import dev.failscope.scene.SceneDiff.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Diff marks: added elements ringed green and marked "+", changed ones amber "~" with what changed, removed ones
 * as dashed grey ghosts "−". Marks carry the meaning; colour only repeats it. A mark's words go to the first of
 * four spots that covers no box, cluster title, edge label or earlier mark.
 */
final class DiffItems {
    private static final double MARK = 11;
    private final SceneModel model;
    private final SceneView view;
    private final SceneDiff diff;
    private final Box visible;
    private final EdgeItems edges;
    private final List<Box> taken = new ArrayList<>();

    DiffItems(SceneModel model, SceneView view, Box visible) {
        this.model = model;
        this.view = view;
        this.diff = view.diff();
        this.visible = visible;
        this.edges = new EdgeItems(model, view);
    }

    private boolean full() {
        return view.detail() == Detail.FULL;
    }

    Box bounds(Box layoutBounds) {
        Box b = layoutBounds;
        if (diff.strip().isPresent()) {
            b = b.union(diff.strip().get());
        }
        return b;
    }

    private static Style colour(ChangeType t) {
        return switch (t) {
            case ADDED -> Style.ADDED;
            case REMOVED -> Style.REMOVED;
            case CHANGED, REORDERED -> Style.CHANGED;
        };
    }

    private static Style halo(ChangeType t) {
        return switch (t) {
            case ADDED -> Style.ADDED_HALO;
            case REMOVED -> Style.REMOVED_HALO;
            case CHANGED, REORDERED -> Style.CHANGED_HALO;
        };
    }

    private boolean meets(Box b) {
        return b.intersects(visible.x(), visible.y(), visible.width(), visible.height());
    }

    List<Group> build(List<NodeBox> nodes, List<EdgeRoute> drawn, Set<NodeBox> hidden) {
        List<Group> out = new ArrayList<>();
        diff.strip().filter(this::meets).ifPresent(s -> out.add(strip(s)));
        List<GhostLine> lines = diff.lines().stream().filter(l -> meets(Geometry.bounds(l.points()))).toList();
        for (GhostLine l : lines) {
            out.add(ghostLine(l));
        }
        diff.ghosts().entrySet().stream().filter(e -> meets(e.getValue()))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Node::toString)))
                .forEach(e -> out.add(ghost(e.getKey(), e.getValue())));
        List<Map.Entry<EdgeRoute, Mark>> routes = new ArrayList<>();
        for (EdgeRoute r : drawn) {
            Mark m = diff.edges().get(r.edge());
            if (m != null) {
                routes.add(Map.entry(r, m));
            }
        }
        routes.sort(Comparator.comparing(e -> e.getKey().edge().toString()));
        List<Group> halos = new ArrayList<>();
        for (var e : routes) {
            halos.add(halo(e.getKey(), e.getValue()));
        }
        out.addAll(halos);
        nodes.stream().filter(n -> !hidden.contains(n)).filter(n -> diff.mark(n.node()).isPresent())
                .sorted(Comparator.comparing(n -> n.node().toString()))
                .forEach(n -> out.add(nodeMark(n, diff.mark(n.node()).get())));
        if (full()) {
            for (var e : routes) {
                out.add(edgeBadge(e.getKey(), e.getValue()));
            }
            for (GhostLine l : lines) {
                out.add(ghostLabel(l));
            }
        }
        return out;
    }

    private Group strip(Box s) {
        Pen pen = new Pen(view);
        pen.rect(s, 12, Style.GHOST_PLATE, Style.NONE, 0);
        pen.dashed(s, 12, Style.REMOVED, 1, 5, 4);
        if (full()) {
            pen.text("\u2212 REMOVED BY THIS CHANGE (drawn where there was no room for them)", s.x() + 12, s.y() + 15,
                    Align.LEFT, MARK, true, Style.REMOVED);
        }
        return pen.group(Layer.CHANGES, "", "change strip", "", "removed");
    }

    private Group ghost(Node node, Box b) {
        taken.add(b);
        Pen pen = new Pen(view);
        pen.rect(b, 8, Style.GHOST_PLATE, Style.NONE, 0);
        pen.dashed(b, 8, Style.REMOVED, 1.6, 5, 4);
        if (node.equals(diff.selectedGhost())) {
            pen.rect(b.grow(4), 12, Style.NONE, Style.ACCENT, 3);
        }
        if (full()) {
            String kind = node.kind().name().toLowerCase(Locale.ROOT);
            pen.text(TextFit.name("\u2212 " + node.name(), b.width() - 12, Pen.NAME, true), b.centerX(), b.y() + 17,
                    Align.CENTER, Pen.NAME, true, Style.REMOVED);
            pen.text(kind + " removed by this change", b.centerX(), b.y() + 35, Align.CENTER, Pen.SMALL, false,
                    Style.REMOVED);
        }
        return pen.group(Layer.CHANGES, "", "change removed ghost", node.name(), "removed");
    }

    private Group ghostLine(GhostLine line) {
        Pen pen = new Pen(view);
        pen.line(line.points(), Style.REMOVED, 1.8, pen.dash(3, 4), 0);
        if (full()) {
            Point at = line.at();
            double w = TextFit.width(line.label(), MARK, true) + 14;
            taken.add(new Box(at.x() - w / 2, at.y() - 10, w, 20));
        }
        return pen.group(Layer.CHANGES, "", "change removed line", line.label(), "removed");
    }

    /** Drawn last, so marks never hide it; its place was taken first, so marks avoid it. */
    private Group ghostLabel(GhostLine line) {
        Pen pen = new Pen(view);
        Point at = line.at();
        double w = TextFit.width(line.label(), MARK, true) + 14;
        Box box = new Box(at.x() - w / 2, at.y() - 10, w, 20);
        pen.rect(box, 20, Style.BACKGROUND, Style.NONE, 0);
        pen.items.add(new Item.Rect(box, 20, Style.NONE, Style.REMOVED, pen.px(1.5), pen.dash(3, 3)));
        pen.text(line.label(), at.x(), at.y(), Align.CENTER, MARK, true, Style.REMOVED);
        return pen.group(Layer.CHANGES, "", "change removed label", line.label(), "removed");
    }

    private Group halo(EdgeRoute r, Mark m) {
        Pen pen = new Pen(view);
        pen.line(r.points(), halo(m.type()), full() ? 8 : 4, Dash.SOLID, 0);
        return pen.group(Layer.CHANGES, "", "change " + m.type().label() + " edge", EdgeItems.name(r.edge()),
                m.type().label());
    }

    private Group edgeBadge(EdgeRoute r, Mark m) {
        Point at = r.label();
        double lw = edges.labelBox(r).map(Box::width).orElse(0.0);
        Box spot = place(List.of(new Box(at.x() - 11, at.y() + 12, 22, 22),
                new Box(at.x() + lw / 2 + 3, at.y() - 11, 22, 22),
                new Box(at.x() - lw / 2 - 25, at.y() - 11, 22, 22),
                new Box(at.x() - 11, at.y() - 34, 22, 22)), null);
        Pen pen = new Pen(view);
        pen.items.add(new Item.Disc(spot.centerX(), spot.centerY(), 10, colour(m.type()), Style.BACKGROUND, pen.px(1.5)));
        pen.text(m.symbol(), spot.centerX(), spot.centerY(), Align.CENTER, 13, true, Style.ON_STRONG);
        return pen.group(Layer.CHANGES, "", "change " + m.type().label() + " badge", EdgeItems.name(r.edge()),
                m.type().label());
    }

    private Group nodeMark(NodeBox nb, Mark m) {
        Box b = nb.box();
        Pen pen = new Pen(view);
        Style c = colour(m.type());
        if (m.type() == ChangeType.REMOVED) {
            pen.dashed(b.grow(5), 14, c, 2.5, 5, 4);
        } else {
            pen.rect(b.grow(5), 14, Style.NONE, c, 2.5);
        }
        if (full()) {
            String t = m.symbol() + " " + m.label();
            t = TextFit.end(t, 360, MARK, true);
            double w = TextFit.width(t, MARK, true) + 14;
            Box spot = place(List.of(new Box(b.x() - 5, b.y() - 24, w, 18), new Box(b.maxX() + 5 - w, b.y() - 24, w, 18),
                    new Box(b.x() - 5, b.maxY() + 6, w, 18), new Box(b.maxX() + 5 - w, b.maxY() + 6, w, 18)),
                    nb.node());
            pen.items.add(new Item.Rect(spot, 18, c, Style.NONE, 0, Dash.SOLID));
            pen.text(t, spot.centerX(), spot.centerY(), Align.CENTER, MARK, true,
                    m.type() == ChangeType.ADDED || m.type() == ChangeType.REMOVED ? Style.ON_STRONG : Style.ON_WARNING);
        }
        return pen.group(Layer.CHANGES, "", "change " + m.type().label(), nb.node().name(), m.type().label());
    }

    /** The first spot over no server or service, cluster header, edge label or earlier mark; else the first. */
    private Box place(List<Box> spots, Node self) {
        Box chosen = spots.stream().filter(s -> free(s, self)).findFirst().orElse(spots.get(0));
        taken.add(chosen);
        return chosen;
    }

    private boolean free(Box spot, Node self) {
        var layout = model.layout();
        for (NodeBox nb : layout.nodesIn(spot.x() - 10, spot.y() - 10, spot.width() + 20, spot.height() + 20)) {
            if (nb.node().equals(self)) {
                continue;
            }
            Box b = nb.box();
            Box solid = nb.role() == NodeRole.CLUSTER
                    ? new Box(b.x(), b.y() - 8, b.width(), LayoutMetrics.CLUSTER_HEADER + 8) : b.grow(8);
            if (solid.overlaps(spot)) {
                return false;
            }
        }
        for (var lane : layout.lanes()) {
            if (lane.header().overlaps(spot)) {
                return false; // zone and region titles stay readable
            }
        }
        for (EdgeRoute r : layout.edgesIn(spot.x() - 60, spot.y() - 12, spot.width() + 120, spot.height() + 24)) {
            if (edges.labelBox(r).filter(l -> l.overlaps(spot)).isPresent()) {
                return false;
            }
        }
        return taken.stream().noneMatch(t -> t.overlaps(spot));
    }

    static String key(Edge e) {
        return e.toString();
    }
}
