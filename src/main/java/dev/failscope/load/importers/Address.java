package dev.failscope.load.importers;

import java.util.Locale;
import java.util.Optional;

/**
 * A network address {@code host[:port]} as configs write it ({@code 10.0.0.5:5432}, {@code db1}, {@code
 * [fe80::1]:6379}). Hosts compare case-insensitively.
 *
 * @param host lower-case host, without IPv6 brackets
 * @param port the port, or -1 when none is written
 */
public record Address(String host, int port) {

    /** The address, or empty for blank text. */
    public static Optional<Address> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String host = t;
        int port = -1;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close > 0) {
                host = t.substring(1, close);
                port = portAfter(t.substring(close + 1));
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon > 0 && t.indexOf(':') == colon) {
                int p = portAfter(t.substring(colon));
                if (p >= 0) {
                    host = t.substring(0, colon);
                    port = p;
                }
            }
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(new Address(host.toLowerCase(Locale.ROOT), port));
    }

    private static int portAfter(String rest) {
        if (rest.length() > 1 && rest.charAt(0) == ':' && rest.substring(1).matches("\\d{1,5}")) {
            return Integer.parseInt(rest.substring(1));
        }
        return -1;
    }

    public boolean hasPort() {
        return port >= 0;
    }

    /** Same place: host and port where both have a port, else host alone. */
    public boolean matches(Address other) {
        if (!host.equals(other.host)) {
            return false;
        }
        return !hasPort() || !other.hasPort() || port == other.port;
    }

    /** {@code host:port}, or {@code host}. */
    public static String format(String host, Integer port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == null || port < 0 ? h : h + ":" + port;
    }
}
