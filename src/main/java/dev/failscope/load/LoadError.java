package dev.failscope.load;

import dev.failscope.model.SourcePosition;
import java.util.Comparator;
import java.util.Objects;

/** The input cannot be understood: syntax, wrong type, missing key, unreadable path, over a limit. */
public record LoadError(String message, SourcePosition position) {
    public static final Comparator<LoadError> ORDER = Comparator.comparing(LoadError::position)
            .thenComparing(LoadError::message);

    public LoadError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(position, "position");
    }

    /** {@code PATH:LINE:COL: error: MESSAGE}. */
    public String format() {
        return position + ": error: " + message;
    }
}
