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
import dev.failscope.report.render.Java2dSceneWriter;
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
 * @param model  the scene model the picture was drawn from (for the state marks the script lays over it)
 */
record GraphData(String key, String label, String prefix, String svg, Map<String, Object> json,
                 dev.failscope.scene.SceneModel model) {

    /** Up to this many boxes the SVG is inlined whole; above it the page gets an overview PNG and SVG tiles. */
    static final int INLINE_LIMIT = 1500;
    /** Tile edge in layout units. */
    static final double TILE = 2048;
    /** The overview PNG's longer side, in pixels. */
    static final double OVERVIEW_PX = 4096;

    static GraphData of(String key, String label, Topology topology, List<Finding> findings,
                        dev.failscope.scene.SceneDiff diff) {
        RenderInput input = RenderInput.of(topology).withFindings(findings).withDiff(diff);
        var model = new dev.failscope.scene.SceneModel(topology, input.layout(), findings);
        String prefix = "fs-" + key.charAt(0) + "-";
        Map<String, Object> json = geometry(key, label, prefix, topology, input.layout());
        if (input.layout().nodes().size() <= INLINE_LIMIT) {
            return new GraphData(key, label, prefix, ImageExport.graphSvgElement(input, prefix), json, model);
        }
        return new GraphData(key, label, prefix, overview(new Java2dSceneWriter(input, model), json), json, model);
    }

    /**
     * A large graph: thousands of SVG elements in one document make a browser slow to open and to repaint, so
     * the page shows render's picture as a PNG when zoomed out and instantiates render's SVG tile by tile where
     * the user zooms in. Tiles travel gzipped and base64-encoded in inert
     * {@code <script type="text/x-failscope-tile">} elements: never run, a tenth of the bytes, cheap to parse,
     * inflated by the page (DecompressionStream) only when needed.
     */
    private static String overview(Java2dSceneWriter writer, Map<String, Object> json) {
        RenderInput input = writer.input();
        Box b = input.layout().bounds();
        double w = Math.max(1, Math.ceil(b.width()));
        double h = Math.max(1, Math.ceil(b.height()));
        double scale = Math.min(1, OVERVIEW_PX / Math.max(w, h));
        byte[] png;
        try {
            png = ImageExport.graphPng(writer, scale);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing a PNG to memory", e);
        }
        int cols = (int) Math.ceil(w / TILE);
        int rows = (int) Math.ceil(h / TILE);
        List<String> tiles = new ArrayList<>();
        String prefix = (String) json.get("prefix");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Box tile = new Box(c * TILE, r * TILE, Math.min(TILE, w - c * TILE), Math.min(TILE, h - r * TILE));
                tiles.add(ImageExport.graphSvgElement(writer, prefix, prefix + "t" + (r * cols + c) + "-", tile));
            }
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("size", TILE);
        t.put("cols", cols);
        t.put("rows", rows);
        json.put("tiles", t);
        StringBuilder html = new StringBuilder("<img class=\"fs-overview\" alt=\"the topology graph\" width=\"")
                .append((long) w).append("\" height=\"").append((long) h).append("\" src=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(png)).append("\"><div class=\"fs-tiles\"></div>\n");
        for (int i = 0; i < tiles.size(); i++) {
            html.append("<script type=\"text/x-failscope-tile\" id=\"").append(prefix).append("tile-").append(i)
                    .append("\">").append(java.util.Base64.getEncoder().encodeToString(gzip(tiles.get(i))))
                    .append("</script>\n");
        }
        return html.toString();
    }

    /** Gzip with a zero timestamp (what Java writes), so the same tile gives the same bytes. */
    private static byte[] gzip(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length() / 6);
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("compressing in memory", e);
        }
        return bytes.toByteArray();
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

    /** The state marks of a simulation step or sweep row on this side, in page coordinates. */
    List<Object> marks(dev.failscope.scene.SceneState state) {
        return SceneJson.groups(dev.failscope.scene.SceneBuilder.stateMarks(model, state), model.layout().bounds());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
