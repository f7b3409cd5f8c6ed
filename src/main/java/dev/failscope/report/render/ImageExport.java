package dev.failscope.report.render;

import dev.failscope.layout.Point;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/** Writes a {@link Java2dSceneWriter} page as PNG or SVG. Works headless. */
public final class ImageExport {
    /** PNGs are scaled down to stay under this many pixels (about 160 MB of ARGB). */
    public static final long MAX_PIXELS = 40_000_000L;

    public enum Format {
        PNG, SVG;

        /** The format named by a file's extension, if it is .png or .svg. */
        public static java.util.Optional<Format> ofFile(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return java.util.Optional.of(PNG);
            }
            return name.endsWith(".svg") ? java.util.Optional.of(SVG) : java.util.Optional.empty();
        }
    }

    /** Pixel size of a PNG at the requested scale. */
    public record PixelSize(int width, int height, double scale) {}

    private ImageExport() {}

    /** The PNG size for {@code scale}, reduced so it stays under {@link #MAX_PIXELS}. */
    public static PixelSize pixelSize(RenderInput input, double scale) {
        Point page = new Java2dSceneWriter(input).pageSize();
        double s = scale;
        double pixels = page.x() * page.y() * s * s;
        if (pixels > MAX_PIXELS) {
            s = s * Math.sqrt(MAX_PIXELS / pixels);
        }
        return new PixelSize(Math.max(1, (int) Math.ceil(page.x() * s)), Math.max(1, (int) Math.ceil(page.y() * s)),
                s);
    }

    public static BufferedImage image(RenderInput input, double scale) {
        PixelSize size = pixelSize(input, scale);
        BufferedImage img = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(size.scale(), size.scale());
            new Java2dSceneWriter(input).paintPage(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Longest side of a PNG, in pixels: beyond it, image viewers and browsers give up, and drawing one takes
     * minutes (a 2,000-deep cascade made an 84,299-pixel-tall PNG in 108 s). SVG has no such limit.
     */
    public static final int MAX_SIDE = 32_767;

    /** Why a PNG is not drawn, or empty when it can be. */
    public static java.util.Optional<String> tooLarge(PixelSize size) {
        if (size.width() <= MAX_SIDE && size.height() <= MAX_SIDE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the picture would be " + size.width() + "x" + size.height() + " pixels, over "
                + "the limit of " + MAX_SIDE + " pixels per side: draw fewer paths, or write SVG");
    }

    /** The page as PNG bytes. */
    public static byte[] png(RenderInput input, double scale) throws IOException {
        java.util.Optional<String> refusal = tooLarge(pixelSize(input, scale));
        if (refusal.isPresent()) {
            throw new IOException(refusal.get());
        }
        BufferedImage img = image(input, scale);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
        return out.toByteArray();
    }

    /** Writes PNG atomically, replacing {@code file} (the caller has confirmed the target). */
    public static void writePng(RenderInput input, double scale, Path file) throws IOException {
        write(file, png(input, scale));
    }

    /** The page as a standalone SVG document (no DOCTYPE; deterministic ids). */
    public static String svg(RenderInput input) {
        Java2dSceneWriter painter = new Java2dSceneWriter(input);
        Point page = painter.pageSize();
        SVGGraphics2D g = new SVGGraphics2D(page.x(), page.y());
        g.setDefsKeyPrefix("failscope-");
        painter.paintPage(g);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    /**
     * The graph alone (no title, no legend) as an {@code <svg>} element in layout coordinates: its viewBox is
     * {@link dev.failscope.layout.Layout#bounds()}. Each box and edge line is a group with a stable id (see
     * {@link SvgGroups}), starting with {@code idPrefix} (and its clip paths too). For embedding in a web page: no XML declaration.
     */
    public static String graphSvgElement(RenderInput input, String idPrefix) {
        dev.failscope.layout.Box b = input.layout().bounds();
        return graphSvgElement(input, idPrefix, idPrefix + "def-", new dev.failscope.layout.Box(0, 0, Math.max(1, Math.ceil(b.width())),
                Math.max(1, Math.ceil(b.height()))));
    }

    /**
     * One tile of the graph: what meets {@code region} (relative to the layout's bounds, so (0,0) is its top
     * left corner), culled as the painter culls a viewport. The viewBox is the region itself. Group ids start
     * with {@code idPrefix}, clip path ids with {@code defsPrefix} (unique per tile, so tiles can share a page).
     */
    public static String graphSvgElement(RenderInput input, String idPrefix, String defsPrefix,
                                         dev.failscope.layout.Box region) {
        return graphSvgElement(new Java2dSceneWriter(input), idPrefix, defsPrefix, region);
    }

    /** As above, with a writer made once for many tiles (its scene model is prepared once). */
    public static String graphSvgElement(Java2dSceneWriter writer, String idPrefix, String defsPrefix,
                                         dev.failscope.layout.Box region) {
        RenderInput input = writer.input();
        dev.failscope.layout.Box b = input.layout().bounds();
        SVGGraphics2D g = new SVGGraphics2D(region.width(), region.height());
        g.setDefsKeyPrefix(defsPrefix);
        g.setGeomDoubleConverter(ImageExport::tenths);
        g.setTransformDoubleConverter(ImageExport::tenths);
        g.translate(-b.x(), -b.y());
        writer.paintGraph(g, new dev.failscope.layout.Box(b.x() + region.x(), b.y() + region.y(),
                region.width(), region.height()), idPrefix, 1);
        return g.getSVGElement(null, true, new org.jfree.svg.ViewBox(region.x(), region.y(), region.width(),
                region.height()), null, null);
    }

    /** A number to one decimal, as the page needs it (a third of the bytes of full precision); locale-free. */
    static String tenths(double v) {
        long r = Math.round(v * 10);
        long a = Math.abs(r);
        String sign = r < 0 ? "-" : "";
        return a % 10 == 0 ? sign + a / 10 : sign + a / 10 + "." + a % 10;
    }

    /** The graph alone as PNG bytes, {@code scale} pixels per layout unit (an overview of a large graph). */
    public static byte[] graphPng(RenderInput input, double scale) throws IOException {
        return graphPng(new Java2dSceneWriter(input), scale);
    }

    /** As above, with a writer made once. */
    public static byte[] graphPng(Java2dSceneWriter writer, double scale) throws IOException {
        RenderInput input = writer.input();
        dev.failscope.layout.Box b = input.layout().bounds();
        int w = Math.max(1, (int) Math.ceil(b.width() * scale));
        int h = Math.max(1, (int) Math.ceil(b.height() * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            g.translate(-b.x(), -b.y());
            writer.paintGraph(g, b, "fs-", scale);
        } finally {
            g.dispose();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
        return out.toByteArray();
    }

    /** The legend alone as an {@code <svg>} element, {@code width} layout units wide. */
    public static String legendSvgElement(boolean overlay, double width) {
        LegendPainter legend = new LegendPainter(overlay);
        Point size = legend.size(width);
        SVGGraphics2D g = new SVGGraphics2D(Math.ceil(size.x()), Math.ceil(size.y()));
        g.setDefsKeyPrefix("fs-legend-");
        legend.paint(g, 0, 0, width);
        return g.getSVGElement(null, true, null, null, null);
    }

    /** Writes SVG atomically, replacing {@code file} (the caller has confirmed the target). */
    public static void writeSvg(RenderInput input, Path file) throws IOException {
        write(file, svg(input).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try {
            SafeOutput.unguarded(true).writeFile(file, bytes);
        } catch (OutputRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
