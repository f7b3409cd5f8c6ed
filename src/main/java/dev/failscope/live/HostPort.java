package dev.failscope.live;

import java.util.Optional;

/** A {@code host:port} (IPv6 in brackets), as sentinels and Redis name each other. */
record HostPort(String host, int port) {
    static Optional<HostPort> parse(String s) {
        String t = s.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            return port > 0 && port < 65536 && !host.isBlank() ? Optional.of(new HostPort(host, port))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How Failscope names a Redis node: {@code host:port}, IPv6 hosts in brackets. */
    String name() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
