package dev.failscope.load.tree;

import dev.failscope.model.SourcePosition;
import java.util.Objects;

/** A scalar with its text as written and its resolved type. */
public record PScalar(String text, ScalarType type, SourcePosition position) implements PNode {
    public PScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
    }

    public boolean isNull() {
        return type == ScalarType.NULL;
    }

    @Override
    public String describe() {
        return type == ScalarType.STRING ? "the string '" + abbreviate(text) + "'" : type.describe() + " (" + abbreviate(text) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
