package dev.failscope.simulation;

import java.util.Locale;

/** The state of a cluster or service: from best to worst. */
public enum Health {
    OK, DEGRADED, DOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Health worst(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
