package dev.failscope.model;

import java.util.Locale;

/** Lifecycle status of a server as the inventory records it. */
public enum ServerStatus {
    ACTIVE, MAINTENANCE, DECOMMISSIONED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
