package dev.failscope.model;

import java.util.Objects;

/** A name used to refer to another element, with the position of the referring scalar. */
public record Ref(String name, SourcePosition position) {
    public Ref {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String toString() {
        return name;
    }
}
