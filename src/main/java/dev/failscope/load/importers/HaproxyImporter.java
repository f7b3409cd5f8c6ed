package dev.failscope.load.importers;

import dev.failscope.model.Access;
import dev.failscope.model.Facts;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HAProxy configs ({@code haproxy.cfg}): each {@code listen} section, each frontend with the backend it sends to
 * ({@code default_backend}, and each {@code use_backend}), and each backend no frontend uses, become a route whose
 * targets are the backend's {@code server} lines. {@code defaults} sections (unnamed, or named and taken with
 * {@code from}) give their {@code default-server}, check options and {@code mode} to the proxies after them; a
 * new unnamed {@code defaults} starts afresh, as in HAProxy.
 *
 * <p>How the route follows a failover comes from the check ({@link HaproxyCheck}): an HTTP check of Patroni's
 * {@code /primary} (or {@code /master}, {@code /leader}, {@code /read-write}) or a {@code tcp-check expect} of
 * {@code role:master} follows the primary; a check that only sees a server alive ({@code pgsql-check},
 * {@code mysql-check}, a TCP connect) does not.
 */
public final class HaproxyImporter implements Importer {
    static final Set<String> SECTIONS = Set.of("global", "defaults", "frontend", "backend", "listen", "peers",
            "resolvers", "userlist", "mailers", "program", "http-errors", "ring", "cache", "fcgi-app",
            "crt-store", "traces", "log-forward");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*(listen|backend|frontend)\\s+[^\\s#]+");
    private static final Pattern BODY = Pattern.compile(
            "(?m)^\\s*(server|bind|default_backend|use_backend|balance|mode|option|default-server)\\s");
    static final String NO_BACKEND = "route-frontend-without-backend";

    @Override
    public String id() {
        return "haproxy";
    }

    @Override
    public String label() {
        return "HAProxy config (frontend/backend/listen)";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        return HEADER.matcher(source.text()).find() && BODY.matcher(source.text()).find();
    }

    @Override
    public Session open(ImportContext context) {
        return (source, forced) -> read(source, context);
    }

    /** A name as written, with its position. */
    record Named(String text, SourcePosition at) {}

    /** One proxy section as read. */
    static final class Proxy {
        final String type;
        final String name;
        final SourcePosition at;
        final HaproxyCheck.Settings settings;
        final Map<String, SourcePosition> facts = new LinkedHashMap<>();
        final List<HaproxyCheck.Server> servers = new ArrayList<>();
        final List<Words.Word> binds = new ArrayList<>();
        Named defaultBackend;
        final List<Named> useBackends = new ArrayList<>();

        Proxy(String type, String name, SourcePosition at, HaproxyCheck.Settings settings) {
            this.type = type;
            this.name = name;
            this.at = at;
            this.settings = settings;
        }

        boolean frontSide() {
            return type.equals("frontend") || type.equals("listen");
        }

        boolean backSide() {
            return type.equals("backend") || type.equals("listen");
        }
    }

    private void read(SourceText source, ImportContext ctx) {
        List<Proxy> proxies = new ArrayList<>();
        Map<String, HaproxyCheck.Settings> named = new LinkedHashMap<>();
        HaproxyCheck.Settings defaults = new HaproxyCheck.Settings();
        Proxy current = null;
        String section = null;
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            Words w = Words.of(i + 1, lines.get(i));
            if (w.open() > 0) {
                ctx.error("unterminated quote", source.at(i + 1, w.open()));
                continue;
            }
            if (w.isEmpty()) {
                continue;
            }
            String kw = w.word(0);
            if (SECTIONS.contains(kw)) {
                section = kw;
                current = null;
                if (kw.equals("defaults")) {
                    defaults = new HaproxyCheck.Settings();
                    if (w.size() > 1 && !w.word(1).equals("from")) {
                        named.put(w.text(1), defaults);
                    }
                    from(w, 1, named, source, ctx).ifPresent(defaults::inherit);
                } else if (Set.of("frontend", "backend", "listen").contains(kw)) {
                    current = proxy(w, defaults, named, source, ctx).orElse(null);
                    if (current != null) {
                        proxies.add(current);
                    }
                }
                continue;
            }
            if (section == null) {
                ctx.error("'" + w.text(0) + "' outside a section: an HAProxy config starts with a section "
                        + "keyword (global, defaults, frontend, backend, listen)", w.at(source, 0));
                continue;
            }
            if (section.equals("defaults")) {
                HaproxyCheck.keyword(w, defaults, source, ctx);
            } else if (current != null) {
                directive(w, current, source, ctx);
            }
        }
        if (proxies.isEmpty()) {
            ctx.error("not an HAProxy config Failscope can read: no frontend, backend or listen section",
                    source.start());
            return;
        }
        new HaproxyRoutes(source, ctx, proxies).emit();
    }

    private static Optional<HaproxyCheck.Settings> from(Words w, int start, Map<String, HaproxyCheck.Settings> named,
                                                        SourceText source, ImportContext ctx) {
        for (int k = start; k + 1 < w.size(); k++) {
            if (w.word(k).equals("from")) {
                HaproxyCheck.Settings s = named.get(w.text(k + 1));
                if (s == null) {
                    ctx.error("no defaults section named '" + w.text(k + 1) + "' before this line", w.at(source, k + 1));
                }
                return Optional.ofNullable(s);
            }
        }
        return Optional.empty();
    }

    private static Optional<Proxy> proxy(Words w, HaproxyCheck.Settings defaults,
                                         Map<String, HaproxyCheck.Settings> named, SourceText source,
                                         ImportContext ctx) {
        if (w.size() < 2 || w.word(1).equals("from")) {
            ctx.error("'" + w.text(0) + "' needs a name", w.at(source, 0));
            return Optional.empty();
        }
        HaproxyCheck.Settings settings = new HaproxyCheck.Settings();
        settings.inherit(from(w, 2, named, source, ctx).orElse(defaults));
        return Optional.of(new Proxy(w.word(0), w.text(1), w.at(source, 1), settings));
    }

    private static void directive(Words w, Proxy p, SourceText source, ImportContext ctx) {
        String kw = w.word(0);
        switch (kw) {
            case "bind" -> {
                if (!p.frontSide()) {
                    return;
                }
                if (w.size() < 2) {
                    ctx.error("'bind' needs an address", w.at(source, 0));
                } else {
                    p.binds.add(w.words().get(1));
                    p.facts.putIfAbsent("bind", w.at(source, 1));
                }
            }
            case "default_backend" -> {
                if (w.size() < 2) {
                    ctx.error("'default_backend' needs a backend name", w.at(source, 0));
                } else if (p.frontSide()) {
                    p.defaultBackend = new Named(w.text(1), w.at(source, 1));
                    p.facts.put("default_backend", w.at(source, 1));
                }
            }
            case "use_backend" -> {
                if (w.size() < 2) {
                    ctx.error("'use_backend' needs a backend name", w.at(source, 0));
                } else if (p.frontSide()) {
                    p.useBackends.add(new Named(w.text(1), w.at(source, 1)));
                    p.facts.putIfAbsent("use_backend", w.at(source, 1));
                }
            }
            case "server" -> {
                if (p.backSide()) {
                    HaproxyCheck.server(w, p, source, ctx);
                } else {
                    ctx.error("'server' in a frontend: servers belong in a backend or listen section",
                            w.at(source, 0));
                }
            }
            case "server-template" -> ctx.finding("route-server-template", Severity.INFO, "'server-template' "
                    + "lines (servers found through DNS at run time) are not read; write the servers as "
                    + "'server' lines or describe them in a native route", p.name, null, w.at(source, 0));
            default -> HaproxyCheck.keyword(w, p.settings, source, ctx);
        }
    }

    /** Turns the proxies of one file into routes. */
    private record HaproxyRoutes(SourceText source, ImportContext ctx, List<Proxy> proxies) {
        void emit() {
            Map<String, Proxy> backends = new LinkedHashMap<>();
            proxies.stream().filter(Proxy::backSide).forEach(p -> backends.putIfAbsent(p.name, p));
            java.util.Set<String> used = new java.util.HashSet<>();
            for (Proxy p : proxies) {
                if (p.type.equals("listen")) {
                    route(p.name, p, p, p.at);
                    used.add(p.name);
                }
                if (!p.type.equals("frontend")) {
                    continue;
                }
                List<Named> targets = new ArrayList<>(p.useBackends);
                if (p.defaultBackend != null) {
                    targets.add(0, p.defaultBackend);
                }
                if (targets.isEmpty()) {
                    ctx.finding(NO_BACKEND, Severity.INFO, "frontend '" + p.name + "' has no default_backend "
                            + "or use_backend: no route is read from it", p.name, null, p.at);
                }
                for (Named b : targets) {
                    Proxy backend = backends.get(b.text());
                    SourcePosition at = b == p.defaultBackend ? p.at : b.at();
                    if (backend == null) {
                        ctx.error("no backend named '" + b.text() + "' in this file (HAProxy refuses to start)",
                                b.at());
                        continue;
                    }
                    used.add(backend.name);
                    route(b == p.defaultBackend ? p.name : p.name + "/" + backend.name, p, backend, at);
                }
            }
            for (Proxy b : backends.values()) {
                if (!used.contains(b.name)) {
                    route(b.name, null, b, b.at);
                }
            }
        }

        private void route(String entry, Proxy front, Proxy back, SourcePosition at) {
            Map<String, SourcePosition> facts = new LinkedHashMap<>(back.facts);
            if (front != null) {
                facts.putAll(front.facts);
            }
            HaproxyCheck.Verdict v = HaproxyCheck.verdict(back);
            v.check().ifPresent(c -> facts.put("check", c.position()));
            List<RouteTarget> targets = new ArrayList<>();
            for (HaproxyCheck.Server s : back.servers) {
                if (!s.disabled()) {
                    targets.add(new RouteTarget(new Ref(s.address(), s.at()), null, null, null, s.backup(),
                            v.access() == Access.READ));
                }
            }
            String listen = front == null || front.binds.isEmpty() ? null : listen(front.binds.get(0).text());
            String name = RouteNames.unique(ctx.sink().builder(), source.display(), entry);
            RouteNames.add(ctx, new Route(name, at, RouteKind.HAPROXY, List.of(), null, v.access(), targets,
                    v.follow(), v.check().orElse(null), listen, new Facts(facts)));
        }

        /** {@code *:5000}, {@code 10.0.0.5:5000}; {@code ipv4@} prefixes and a port range's first port kept. */
        private static String listen(String bind) {
            String b = bind.replaceFirst("^(ipv4|ipv6|tcp|tcp4|tcp6)@", "");
            return b.replaceFirst(":(\\d+)-\\d+$", ":$1").replaceFirst(",.*$", "");
        }
    }
}
