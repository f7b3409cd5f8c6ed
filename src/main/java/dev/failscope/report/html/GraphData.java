package dev.failscope.report.html;

import dev.failscope.layout.Box;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.layout.Point;
import dev.failscope.model.Finding;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import dev.failscope.report.render.ImageExport;
import dev.failscope.report.render.RenderInput;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One side of the page's graph: render's SVG (Java2D through JFreeSVG, the same painter as {@code failscope
 * render}) and, for the page's script, where each box and edge is. The SVG's group ids ({@code PREFIX n12},
 * {@code PREFIX e4}) index the {@code nodes} and {@code edges} lists written here.
 *
 * @param key    {@code graph}, {@code before} or {@code after}
 * @param label  words for people (paths)
 * @param prefix the id prefix of this side's SVG
 * @param svg    the {@code <svg>} element
 * @param json   the geometry for the script
 */
record GraphData(String key, String label, String prefix, String svg, Map<String, Object> json) {

    static GraphData of(String key, String label, Topology topology, List<Finding> findings) {
        RenderInput input = RenderInput.of(topology).withFindings(findings);
        String prefix = "fs-" + key.charAt(0) + "-";
        String svg = ImageExport.graphSvgElement(input, prefix);
        return new GraphData(key, label, prefix, svg, geometry(key, label, prefix, topology, input.layout()));
    }

    private static Map<String, Object> geometry(String key, String label, String prefix, Topology topology,
                                                Layout layout) {
        Box b = layout.bounds();
        Map<NodeBox, Integer> index = new IdentityHashMap<>();
        List<Object> nodes = new ArrayList<>();
        for (NodeBox n : layout.nodes()) {
            index.put(n, nodes.size());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n.node().name());
            m.put("kind", lower(n.node().kind().name()));
            m.put("role", lower(n.role().name()));
            if (n.node().missing()) {
                m.put("missing", true);
            }
            topology.server(n.node().name()).filter(s -> !n.node().missing()
                    && s.status() != ServerStatus.ACTIVE).ifPresent(s -> m.put("status", lower(s.status().name())));
            Box nb = n.box();
            m.put("box", List.of(round(nb.x() - b.x()), round(nb.y() - b.y()), round(nb.width()),
                    round(nb.height())));
            if (n.cluster() != null) {
                m.put("cluster", n.cluster());
            }
            nodes.add(m);
        }
        List<Object> edges = new ArrayList<>();
        for (EdgeRoute r : layout.edges()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", lower(r.edge().kind().name()));
            m.put("from", layout.box(r.edge().from()).map(index::get).orElse(-1));
            m.put("to", layout.box(r.edge().to()).map(index::get).orElse(-1));
            if (r.edge().order() > 0) {
                m.put("order", r.edge().order());
            }
            List<Double> pts = new ArrayList<>();
            for (Point p : r.points()) {
                pts.add(round(p.x() - b.x()));
                pts.add(round(p.y() - b.y()));
            }
            m.put("points", pts);
            edges.add(m);
        }
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("key", key);
        side.put("label", label);
        side.put("prefix", prefix);
        side.put("size", List.of(Math.max(1, Math.ceil(b.width())), Math.max(1, Math.ceil(b.height()))));
        side.put("nodes", nodes);
        side.put("edges", edges);
        return side;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
