package dev.failscope.model;

import java.util.Locale;

/** What a service needs from a dependency: a writable primary, or any healthy member. */
public enum Access {
    WRITE, READ;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
