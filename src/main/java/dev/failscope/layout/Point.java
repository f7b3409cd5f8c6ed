package dev.failscope.layout;

/** A point in layout coordinates (y grows downwards). */
public record Point(double x, double y) {
}
