package dev.failscope.layout;

/** An axis-aligned rectangle in layout coordinates (y grows downwards). */
public record Box(double x, double y, double width, double height) {
    public Box {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("negative or NaN size: " + width + "x" + height);
        }
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= maxX() && py >= y && py <= maxY();
    }

    /** True when {@code other} lies entirely inside this box (edges may touch). */
    public boolean contains(Box other) {
        return other.x >= x && other.y >= y && other.maxX() <= maxX() && other.maxY() <= maxY();
    }

    /** True when the interiors overlap, or the rectangle touches this box (viewport queries). */
    public boolean intersects(double qx, double qy, double qw, double qh) {
        return qx <= maxX() && qx + qw >= x && qy <= maxY() && qy + qh >= y;
    }

    /** True when the interiors overlap (touching edges do not count). */
    public boolean overlaps(Box o) {
        return o.x < maxX() && o.maxX() > x && o.y < maxY() && o.maxY() > y;
    }

    public Box union(Box o) {
        double nx = Math.min(x, o.x);
        double ny = Math.min(y, o.y);
        return new Box(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
    }

    public Box grow(double margin) {
        return new Box(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }
}
