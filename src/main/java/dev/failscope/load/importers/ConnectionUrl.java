package dev.failscope.load.importers;

import dev.failscope.model.Access;
import dev.failscope.model.Follow;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One database URL as applications write it, parsed without ever keeping its password: {@code postgresql://},
 * {@code postgres://}, {@code jdbc:postgresql://}, {@code mysql://}, {@code jdbc:mysql://}, {@code redis://},
 * {@code rediss://}, and Sentinel URLs ({@code redis-sentinel://}, {@code redis+sentinel://},
 * {@code sentinel://}). Hosts are comma-separated ({@code h1:5432,h2:5432}); IPv6 hosts are bracketed.
 *
 * @param scheme      the scheme, lower case, {@code jdbc:} kept ({@code jdbc:postgresql})
 * @param start       the index of the URL in the text it was found in
 * @param hosts       each host as written ({@code db1:5432}) with its index in that text
 * @param params      the query parameters, keys as written
 * @param master      a Sentinel URL's master name (the fragment, a {@code sentinelMasterId}/{@code master_name}
 *                    parameter, or a non-numeric first path segment), with its index; or null
 * @param redacted    the URL with its password replaced by {@code ***}
 */
record ConnectionUrl(String scheme, int start, List<Host> hosts, Map<String, String> params, Host master,
                     String redacted) {
    /** A host as written and where it starts. */
    record Host(String text, int index) {}

    static final Pattern URL = Pattern.compile("(?i)(?<![A-Za-z0-9+.-])((?:jdbc:)?(?:postgresql|postgres|mysql|mariadb"
            + "|redis|rediss|redis-sentinel|redis\\+sentinel|rediss\\+sentinel|sentinel)://)([^\\s\"'`<>;]*)");

    /** Every URL in {@code text}. */
    static List<ConnectionUrl> find(String text) {
        List<ConnectionUrl> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            out.add(parse(m.group(1).toLowerCase(Locale.ROOT).replace("://", ""), m.group(2), m.start(),
                    m.start(2)));
        }
        return out;
    }

    private static ConnectionUrl parse(String scheme, String rest, int start, int restAt) {
        int hash = rest.indexOf('#');
        String fragment = hash >= 0 ? rest.substring(hash + 1) : null;
        String body = hash >= 0 ? rest.substring(0, hash) : rest;
        int q = body.indexOf('?');
        String query = q >= 0 ? body.substring(q + 1) : "";
        String beforeQuery = q >= 0 ? body.substring(0, q) : body;
        int slash = beforeQuery.indexOf('/');
        String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
        String path = slash >= 0 ? beforeQuery.substring(slash + 1) : "";
        int at = authority.lastIndexOf('@');
        int hostsAt = restAt + (at >= 0 ? at + 1 : 0);
        String hostList = at >= 0 ? authority.substring(at + 1) : authority;
        List<Host> hosts = new ArrayList<>();
        int offset = 0;
        for (String h : hostList.split(",", -1)) {
            String decoded = decode(h);
            if (!decoded.isBlank()) {
                hosts.add(new Host(decoded, hostsAt + offset));
            }
            offset += h.length() + 1;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.put(decode(p.substring(0, eq)), decode(p.substring(eq + 1)));
            }
        }
        Host master = null;
        if (sentinel(scheme)) {
            int pathAt = restAt + (slash >= 0 ? slash + 1 : 0);
            if (fragment != null && !fragment.isBlank()) {
                master = new Host(decode(fragment), restAt + hash + 1);
            } else {
                Optional<String> named = param(params, "sentinelMasterId", "master_name", "masterName",
                        "service_name", "sentinel_master", "master");
                if (named.isPresent()) {
                    master = new Host(named.get(), restAt + Math.max(0, q) + 1);
                } else {
                    String first = path.split("/")[0];
                    if (!first.isBlank() && !first.matches("\\d+")) {
                        master = new Host(decode(first), pathAt);
                    }
                }
            }
        }
        String whole = scheme + "://" + rest;
        return new ConnectionUrl(scheme, start, hosts, params, master, Secrets.redact(whole));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static Optional<String> param(Map<String, String> params, String... names) {
        for (String n : names) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().equalsIgnoreCase(n) && !e.getValue().isBlank()) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static boolean sentinel(String scheme) {
        return scheme.contains("sentinel");
    }

    boolean postgres() {
        return scheme.contains("postgres");
    }

    /** libpq's {@code target_session_attrs} or pgJDBC's {@code targetServerType}, lower case, or "". */
    String sessionAttrs() {
        return param(params, "target_session_attrs", "targetServerType").orElse("").toLowerCase(Locale.ROOT);
    }

    /**
     * Write unless the URL asks for a standby; MULTI_HOST only for several PostgreSQL hosts with
     * {@code read-write}/{@code primary}; a Sentinel URL follows its manager; anything else is a fixed host.
     */
    Follow follow() {
        if (sentinel(scheme)) {
            return Follow.MANAGER;
        }
        return postgres() && hosts.size() > 1 && primaryAttrs(sessionAttrs()) ? Follow.MULTI_HOST : Follow.NONE;
    }

    Optional<Access> access() {
        String a = sessionAttrs();
        if (primaryAttrs(a)) {
            return Optional.of(Access.WRITE);
        }
        return standbyAttrs(a) ? Optional.of(Access.READ) : Optional.empty();
    }

    static boolean primaryAttrs(String a) {
        return a.equals("read-write") || a.equals("primary") || a.equals("master");
    }

    static boolean standbyAttrs(String a) {
        return List.of("read-only", "standby", "prefer-standby", "secondary", "slave", "prefersecondary",
                "preferstandby", "preferslave").contains(a);
    }
}
