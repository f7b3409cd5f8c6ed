package dev.failscope.model;

import java.util.Locale;

/** Whether a replica acknowledges commits (sync) or trails the primary (async). */
public enum ReplicationMode {
    SYNC, ASYNC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
