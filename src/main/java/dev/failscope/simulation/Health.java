package dev.failscope.simulation;

import java.util.Locale;

/**
 * The state of a cluster or service: from best to worst. {@link #WRITES_BLOCKED} is a cluster whose primary is
 * up but cannot commit (strict synchronous replication without a standby): an outage for writers.
 */
public enum Health {
    OK, DEGRADED, WRITES_BLOCKED, DOWN;

    /** {@code writes-blocked}: the spelling in text and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Health worst(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Down or writes blocked: what {@code sweep --fail-on outage} counts. */
    public boolean outage() {
        return ordinal() >= WRITES_BLOCKED.ordinal();
    }
}
