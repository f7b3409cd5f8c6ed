package dev.failscope.ui.viewmodel;

import dev.failscope.layout.Box;

/**
 * The mapping from layout coordinates to screen pixels: {@code screen = world * scale + translate}. Immutable;
 * pure arithmetic, so panning and zooming are unit-tested without a toolkit.
 */
public record Viewport(double scale, double tx, double ty) {
    public static final double MIN_SCALE = 0.01;
    public static final double MAX_SCALE = 4;
    public static final Viewport IDENTITY = new Viewport(1, 0, 0);

    public Viewport {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** Fit never magnifies more than this: small topologies are shown large but not blown up. */
    public static final double MAX_FIT = 1.5;

    /** The whole box, with a margin in pixels, centred in a view of the given size (at most {@link #MAX_FIT}). */
    public static Viewport fit(Box content, double viewW, double viewH, double margin) {
        return fit(content, viewW, viewH, margin, MAX_FIT);
    }

    /** The whole box, magnified at most {@code maxFit} (presentation mode lets a small graph fill the screen). */
    public static Viewport fit(Box content, double viewW, double viewH, double margin, double maxFit) {
        double w = Math.max(1, viewW - 2 * margin);
        double h = Math.max(1, viewH - 2 * margin);
        double s = clamp(Math.min(maxFit, Math.min(w / Math.max(1, content.width()), h / Math.max(1, content.height()))));
        double tx = (viewW - content.width() * s) / 2 - content.x() * s;
        double ty = (viewH - content.height() * s) / 2 - content.y() * s;
        return new Viewport(s, tx, ty);
    }

    public double toScreenX(double x) {
        return x * scale + tx;
    }

    public double toScreenY(double y) {
        return y * scale + ty;
    }

    public double toWorldX(double sx) {
        return (sx - tx) / scale;
    }

    public double toWorldY(double sy) {
        return (sy - ty) / scale;
    }

    /** The world rectangle visible in a view of the given size. */
    public Box visible(double viewW, double viewH) {
        return new Box(toWorldX(0), toWorldY(0), viewW / scale, viewH / scale);
    }

    public Viewport panBy(double dx, double dy) {
        return new Viewport(scale, tx + dx, ty + dy);
    }

    /** Zooms by the factor keeping the screen point (px, py) fixed. */
    public Viewport zoomAt(double factor, double px, double py) {
        double s = clamp(scale * factor);
        double wx = toWorldX(px);
        double wy = toWorldY(py);
        return new Viewport(s, px - wx * s, py - wy * s);
    }

    /** Same scale (at least {@code minScale}), with the world point (x, y) in the middle of the view. */
    public Viewport centreOn(double x, double y, double viewW, double viewH, double minScale) {
        double s = Math.max(scale, clamp(minScale));
        return new Viewport(s, viewW / 2 - x * s, viewH / 2 - y * s);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
