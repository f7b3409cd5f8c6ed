package dev.failscope.simulation;

import dev.failscope.model.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that fails in a scenario, at a time offset.
 *
 * @param kind what the name denotes
 * @param name a server, zone, region or host name
 * @param at   when it fails (zero for "at the start")
 */
public record FailureTarget(Kind kind, String name, Duration at) implements Comparable<FailureTarget> {
    /** What a failure target names. */
    public enum Kind {
        SERVER, ZONE, REGION, HOST;

        /** {@code zone}: the prefix of the textual form; empty for servers. */
        public String prefix() {
            return this == SERVER ? "" : name().toLowerCase(Locale.ROOT) + ":";
        }
    }

    public FailureTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank failure target name");
        }
        if (at.isNegative()) {
            throw new IllegalArgumentException("negative failure time: " + at);
        }
    }

    public static FailureTarget server(String name) {
        return new FailureTarget(Kind.SERVER, name, Duration.ZERO);
    }

    public static FailureTarget of(Kind kind, String name) {
        return new FailureTarget(kind, name, Duration.ZERO);
    }

    /**
     * Parses {@code NAME}, {@code server:NAME}, {@code zone:NAME}, {@code region:NAME} or {@code host:NAME}, each
     * optionally followed by {@code @TIME} (for example {@code db-2@90s}). A colon after anything but those
     * prefixes is part of a server name ({@code 127.0.0.1:6379}). Returns an explanation on the right when the
     * text is not of that form.
     */
    public static Parsed parse(String text) {
        String t = text.trim();
        Duration at = Duration.ZERO;
        int atSign = t.lastIndexOf('@');
        if (atSign >= 0) {
            Optional<Duration> d = Durations.parse(t.substring(atSign + 1));
            if (d.isEmpty()) {
                return Parsed.error("bad failure time in '" + text + "': expected a duration such as 30s, 90s, 5m");
            }
            at = d.get();
            t = t.substring(0, atSign).trim();
        }
        Kind kind = Kind.SERVER;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            String prefix = t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            kind = switch (prefix) {
                case "zone" -> Kind.ZONE;
                case "region" -> Kind.REGION;
                case "host" -> Kind.HOST;
                case "server" -> Kind.SERVER;
                default -> null;
            };
            if (kind == null) {
                // no kind prefix: a server name that holds a colon, as reports print them (127.0.0.1:6379)
                kind = Kind.SERVER;
            } else {
                t = t.substring(colon + 1).trim();
            }
        }
        if (t.isEmpty()) {
            return Parsed.error("empty failure target '" + text + "'");
        }
        return new Parsed(new FailureTarget(kind, t, at), null);
    }

    /** What {@code --fail} accepts, for error messages. */
    public static final String ACCEPTED_FORMS = "a server name as reports print it (db-2, 127.0.0.1:6379), "
            + "server:NAME, zone:NAME, region:NAME or host:NAME, each optionally followed by @TIME (db-2@90s)";

    /** {@code zone:us-west-2a}, or {@code db-2@90s} when it fails later than the start. */
    public String label() {
        return kind.prefix() + name + (at.isZero() ? "" : "@" + Durations.format(at));
    }

    /** "zone us-west-2a", for sentences. */
    public String describe() {
        return kind == Kind.SERVER ? name : kind.prefix().replace(":", " ") + name;
    }

    @Override
    public int compareTo(FailureTarget o) {
        int c = at.compareTo(o.at);
        if (c != 0) {
            return c;
        }
        c = kind.compareTo(o.kind);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return label();
    }

    /** A parsed target, or the reason the text could not be parsed. */
    public record Parsed(FailureTarget target, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }

        public Optional<FailureTarget> targetOpt() {
            return Optional.ofNullable(target);
        }

        public Optional<String> errorOpt() {
            return Optional.ofNullable(error);
        }
    }
}
