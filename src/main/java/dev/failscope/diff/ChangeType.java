package dev.failscope.diff;

import java.util.Locale;

/** How an element differs between the two versions. */
public enum ChangeType {
    ADDED("+"), REMOVED("-"), CHANGED("~"), REORDERED("~");

    private final String mark;

    ChangeType(String mark) {
        this.mark = mark;
    }

    /** "+", "-" or "~", as the GUI overlay and the text report mark it. */
    public String mark() {
        return mark;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
