package dev.failscope.scene;

/** A dash pattern in layout units; {@link #SOLID} has none. */
public record Dash(double on, double off) {
    public static final Dash SOLID = new Dash(0, 0);

    public Dash {
        if (on < 0 || off < 0) {
            throw new IllegalArgumentException("dash lengths must not be negative");
        }
    }

    public boolean solid() {
        return on == 0;
    }
}
