package dev.failscope.report.render;

import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import java.awt.Graphics2D;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Wraps each drawn box and edge line in an SVG group with a stable id and class, so a web page can find them:
 * {@code fs-n12} (with the default prefix {@code fs-}) is the 13th of {@link Layout#nodes()}, {@code fs-e4} the 5th of {@link Layout#edges()}; the
 * class names the role or edge kind ({@code fs-node fs-cluster}, {@code fs-edge fs-failover}). Ids and classes
 * never contain a name from a config, so nothing needs escaping. Java2D targets other than JFreeSVG ignore the
 * hints.
 */
final class SvgGroups {
    private final Map<NodeBox, Integer> nodes = new IdentityHashMap<>();
    private final Map<EdgeRoute, Integer> edges = new IdentityHashMap<>();

    private final String prefix;

    SvgGroups(Layout layout, String prefix) {
        this.prefix = prefix;
        for (int i = 0; i < layout.nodes().size(); i++) {
            nodes.put(layout.nodes().get(i), i);
        }
        for (int i = 0; i < layout.edges().size(); i++) {
            edges.put(layout.edges().get(i), i);
        }
    }

    void begin(Graphics2D g, NodeBox n) {
        Integer i = nodes.get(n);
        if (i != null && g instanceof SVGGraphics2D) {
            String cls = "fs-node fs-" + n.role().name().toLowerCase(Locale.ROOT) + (n.node().missing() ? " fs-missing" : "");
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("id", prefix + "n" + i, "class", cls));
        }
    }

    void begin(Graphics2D g, EdgeRoute e) {
        Integer i = edges.get(e);
        if (i != null && g instanceof SVGGraphics2D) {
            String cls = "fs-edge fs-" + e.edge().kind().name().toLowerCase(Locale.ROOT);
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("id", prefix + "e" + i, "class", cls));
        }
    }

    void end(Graphics2D g, Object element) {
        if (g instanceof SVGGraphics2D && (nodes.containsKey(element) || edges.containsKey(element))) {
            g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
        }
    }
}
