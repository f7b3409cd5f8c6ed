package dev.failscope.model;

import java.time.Duration;
import java.util.Optional;

/** The format's durations: an integer with {@code ms}, {@code s}, {@code m} or {@code h}. */
public final class Durations {
    /**
     * The longest duration the format accepts: one year (8760h). Longer is a typo, and the simulator adds
     * durations up, so a bound keeps every sum far from overflowing.
     */
    public static final Duration MAX = Duration.ofHours(8760);

    private Durations() {}

    /** The duration, or empty when the text is not an integer (1 to 12 ASCII digits) with a unit. */
    public static Optional<Duration> parse(String text) {
        String t = text.trim();
        int digits = 0;
        while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            return Optional.empty();
        }
        long n = Long.parseLong(t, 0, digits, 10);
        int unit = t.length() - digits;
        char u = unit == 0 ? 0 : t.charAt(digits);
        if (unit == 1 && u == 's') {
            return Optional.of(n < SECONDS.length ? SECONDS[(int) n] : Duration.ofSeconds(n));
        } else if (unit == 1 && u == 'm') {
            return Optional.of(Duration.ofMinutes(n));
        } else if (unit == 1 && u == 'h') {
            return Optional.of(Duration.ofHours(n));
        } else if (unit == 2 && u == 'm' && t.charAt(digits + 1) == 's') {
            return Optional.of(Duration.ofMillis(n));
        }
        return Optional.empty();
    }

    /** Whole seconds up to an hour, made once: a fleet's lags and timeouts repeat a few of them. */
    private static final Duration[] SECONDS = new Duration[3601];

    static {
        for (int i = 0; i < SECONDS.length; i++) {
            SECONDS[i] = Duration.ofSeconds(i);
        }
    }

    /** Shortest exact form: 1h, 5m, 90s, 250ms. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms >= 600_000) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
