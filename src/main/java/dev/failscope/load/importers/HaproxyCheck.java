package dev.failscope.load.importers;

import dev.failscope.model.Access;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy health checks: the check options of a section ({@code option httpchk}, {@code http-check send},
 * {@code option pgsql-check}, {@code tcp-check expect}), the check settings of {@code default-server} and
 * {@code server} lines ({@code check}, {@code port}, {@code inter}, {@code fall}, {@code rise}, {@code backup}),
 * and what they make of a route. HAProxy's own defaults: {@code inter 2s}, {@code fall 3}, {@code rise 2}.
 */
final class HaproxyCheck {
    static final Duration DEFAULT_INTER = Duration.ofMillis(2000);
    static final int DEFAULT_FALL = 3;
    static final int DEFAULT_RISE = 2;
    /** Patroni REST endpoints that answer 200 only on the primary (leader) of a cluster. */
    static final Set<String> PRIMARY_PATHS = Set.of("/primary", "/master", "/leader", "/read-write");
    /** Patroni REST endpoints that answer 200 on replicas (or on any member able to serve reads). */
    static final Set<String> REPLICA_PATHS = Set.of("/replica", "/read-only", "/standby-leader", "/standby_leader",
            "/async", "/asynchronous", "/sync", "/synchronous", "/quorum", "/read-only-sync", "/read-only-quorum");
    private static final Pattern TIME = Pattern.compile("(\\d{1,9})(us|ms|s|m|h|d)?");

    private HaproxyCheck() {}

    /** Check-related settings of one server line or default-server, each unset until written. */
    static final class ServerOptions {
        Boolean check;
        Boolean backup;
        Boolean disabled;
        Integer port;
        Duration inter;
        Integer fall;
        Integer rise;
        SourcePosition checkAt;

        ServerOptions copy() {
            ServerOptions o = new ServerOptions();
            o.check = check;
            o.backup = backup;
            o.disabled = disabled;
            o.port = port;
            o.inter = inter;
            o.fall = fall;
            o.rise = rise;
            o.checkAt = checkAt;
            return o;
        }
    }

    /** What a defaults or proxy section says about checks. */
    static final class Settings {
        String type = "tcp";
        String method;
        String path;
        SourcePosition at;
        final List<String> expects = new ArrayList<>();
        ServerOptions server = new ServerOptions();

        void inherit(Settings d) {
            type = d.type;
            method = d.method;
            path = d.path;
            at = d.at;
            expects.clear();
            expects.addAll(d.expects);
            server = d.server.copy();
        }
    }

    /** One {@code server} line. */
    record Server(String name, String address, SourcePosition at, boolean check, boolean backup, boolean disabled,
                  Integer port, Duration inter, int fall, int rise, SourcePosition checkAt) {}

    /** How a backend follows a failover. */
    record Verdict(Follow follow, Access access, Optional<HealthCheck> check) {}

    /** Reads a check keyword of a section; other keywords are ignored (HAProxy has hundreds). */
    static void keyword(Words w, Settings s, SourceText source, ImportContext ctx) {
        switch (w.word(0)) {
            case "option" -> option(w, s, source);
            case "http-check" -> {
                if (w.word(1).equals("send")) {
                    for (int k = 2; k + 1 < w.size(); k++) {
                        if (w.word(k).equals("meth")) {
                            s.method = w.text(k + 1);
                        } else if (w.word(k).equals("uri")) {
                            s.path = w.text(k + 1);
                        }
                    }
                    s.at = w.at(source, 0);
                } else if (w.word(1).equals("expect") && w.size() > 2) {
                    s.expects.add(String.join(" ", w.words().subList(2, w.size()).stream()
                            .map(Words.Word::text).toList()));
                }
            }
            case "tcp-check" -> {
                if (w.word(1).equals("expect") && w.size() > 3) {
                    s.expects.add(w.text(3));
                }
            }
            case "default-server" -> options(w, 1, s.server, source, ctx);
            default -> { }
        }
    }

    private static void option(Words w, Settings s, SourceText source) {
        String o = w.word(1);
        switch (o) {
            case "httpchk" -> {
                s.type = "http";
                s.method = w.size() >= 4 ? w.text(2) : "OPTIONS";
                s.path = w.size() >= 4 ? w.text(3) : w.size() == 3 ? w.text(2) : "/";
                s.at = w.at(source, 1);
            }
            case "pgsql-check", "mysql-check", "redis-check", "ldap-check", "smtpchk", "ssl-hello-chk",
                 "tcp-check", "spop-check" -> {
                s.type = switch (o) {
                    case "pgsql-check" -> "pgsql";
                    case "mysql-check" -> "mysql";
                    case "redis-check" -> "redis";
                    case "ldap-check" -> "ldap";
                    case "smtpchk" -> "smtp";
                    case "ssl-hello-chk" -> "ssl-hello";
                    case "spop-check" -> "spop";
                    default -> "tcp";
                };
                s.at = w.at(source, 1);
                if (!o.equals("tcp-check")) {
                    s.expects.clear();
                }
            }
            default -> { }
        }
    }

    /** A {@code server NAME ADDRESS [options]} line, into the proxy. */
    static void server(Words w, HaproxyImporter.Proxy p, SourceText source, ImportContext ctx) {
        if (w.size() < 3) {
            ctx.error("'server' needs a name and an address (server NAME ADDRESS[:PORT] [options])",
                    w.at(source, w.size() < 2 ? 0 : 1));
            return;
        }
        ServerOptions o = p.settings.server.copy();
        options(w, 3, o, source, ctx);
        String address = w.text(2).replaceFirst("^(ipv4|ipv6)@", "");
        p.servers.add(new Server(w.text(1), address, w.at(source, 2), Boolean.TRUE.equals(o.check),
                Boolean.TRUE.equals(o.backup), Boolean.TRUE.equals(o.disabled), o.port,
                o.inter == null ? DEFAULT_INTER : o.inter, o.fall == null ? DEFAULT_FALL : o.fall,
                o.rise == null ? DEFAULT_RISE : o.rise, o.checkAt));
        p.facts.putIfAbsent("server " + w.text(1), w.at(source, 2));
    }

    private static void options(Words w, int from, ServerOptions o, SourceText source, ImportContext ctx) {
        for (int k = from; k < w.size(); k++) {
            String kw = w.word(k);
            switch (kw) {
                case "check" -> {
                    o.check = true;
                    o.checkAt = w.at(source, k);
                }
                case "no-check" -> o.check = false;
                case "backup" -> o.backup = true;
                case "no-backup" -> o.backup = false;
                case "disabled" -> o.disabled = true;
                case "enabled" -> o.disabled = false;
                case "port" -> o.port = number(w, ++k, 1, 65535, "port", source, ctx).orElse(o.port);
                case "fall" -> o.fall = number(w, ++k, 1, 1_000_000, "fall", source, ctx).orElse(o.fall);
                case "rise" -> o.rise = number(w, ++k, 1, 1_000_000, "rise", source, ctx).orElse(o.rise);
                case "inter" -> o.inter = time(w, ++k, source, ctx).orElse(o.inter);
                default -> { }
            }
        }
    }

    private static Optional<Integer> number(Words w, int k, int min, int max, String what, SourceText source,
                                            ImportContext ctx) {
        String t = w.text(k);
        if (t.matches("\\d{1,9}") && Integer.parseInt(t) >= min && Integer.parseInt(t) <= max) {
            return Optional.of(Integer.parseInt(t));
        }
        ctx.error("'" + what + "' needs a number from " + min + " to " + max + (t.isEmpty() ? "" : ", got '"
                + t + "'"), w.at(source, t.isEmpty() ? k - 1 : k));
        return Optional.empty();
    }

    /** An HAProxy time: a number with an optional unit (us, ms, s, m, h, d); no unit means milliseconds. */
    static Optional<Duration> time(Words w, int k, SourceText source, ImportContext ctx) {
        Matcher m = TIME.matcher(w.text(k).toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            ctx.error("'inter' needs a positive time such as 2000, 3s or 500ms" + (w.text(k).isEmpty() ? ""
                    : ", got '" + w.text(k) + "'"), w.at(source, w.text(k).isEmpty() ? k - 1 : k));
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return Optional.of(switch (unit) {
            case "us" -> Duration.ofNanos(Math.max(1000, n * 1000));
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(Math.min(n, 365));
            default -> Duration.ofMillis(n);
        });
    }

    /**
     * The backend's check (from its first checked server, non-backup first) and what it tells: a check that
     * passes only on the primary follows it (write), one that passes on replicas follows them (read), and a check
     * that only sees a server alive follows nothing; then the backend's name says read ({@code _ro},
     * {@code replica}) or write.
     */
    static Verdict verdict(HaproxyImporter.Proxy p) {
        Optional<Server> first = p.servers.stream().filter(s -> s.check() && !s.disabled() && !s.backup())
                .findFirst().or(() -> p.servers.stream().filter(s -> s.check() && !s.disabled()).findFirst());
        Access byName = RouteNames.access(p.name);
        if (first.isEmpty()) {
            return new Verdict(Follow.NONE, byName, Optional.empty());
        }
        Settings s = p.settings;
        Server f = first.get();
        String path = s.type.equals("http") ? s.path : null;
        SourcePosition at = s.at != null ? s.at : f.checkAt() != null ? f.checkAt() : f.at();
        HealthCheck check = new HealthCheck(s.type, path, f.port(), f.inter(), f.fall(), f.rise(), at);
        Optional<Access> role = role(s);
        return role.map(r -> new Verdict(Follow.HEALTH_CHECK, r, Optional.of(check)))
                .orElse(new Verdict(Follow.NONE, byName, Optional.of(check)));
    }

    /** WRITE for a check of the primary, READ for a check of replicas, empty when it does not tell. */
    static Optional<Access> role(Settings s) {
        if (s.type.equals("http") && s.path != null) {
            String path = s.path.replaceFirst("[?#].*$", "").toLowerCase(Locale.ROOT);
            path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (PRIMARY_PATHS.contains(path)) {
                return Optional.of(Access.WRITE);
            }
            if (REPLICA_PATHS.contains(path)) {
                return Optional.of(Access.READ);
            }
            return Optional.empty();
        }
        if (s.type.equals("tcp")) {
            for (String e : s.expects) {
                String x = e.toLowerCase(Locale.ROOT);
                if (x.contains("role:master") || x.contains("role:primary")) {
                    return Optional.of(Access.WRITE);
                }
                if (x.contains("role:slave") || x.contains("role:replica")) {
                    return Optional.of(Access.READ);
                }
            }
        }
        return Optional.empty();
    }
}
