package dev.failscope.load;

import java.util.Locale;
import java.util.Optional;

/**
 * The booleans of the native format: exactly {@code true/false}, {@code yes/no} and {@code on/off}, in any case,
 * as YAML 1.1 and YAML 1.2 users write them. Anything else is a load error, never a silent false.
 */
public final class Booleans {
    /** For messages. */
    public static final String EXPECTED = "true or false (also yes/no, on/off)";

    private Booleans() {}

    public static Optional<Boolean> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
