package dev.failscope.load.importers;

import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.Access;
import dev.failscope.model.Facts;
import dev.failscope.model.Follow;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection strings in application configs: {@code .env} and {@code .properties} lines ({@code KEY=value},
 * {@code key: value}), and YAML or JSON values ({@code spring.datasource.url}, a Compose service's
 * {@code environment}). Each URL ({@link ConnectionUrl}) or libpq keyword string ({@code host=a,b port=5432
 * target_session_attrs=read-write}) is a route named {@code FILE/KEY}.
 *
 * <p>Its client is the declared service named like the Compose service it is under, else like the file
 * ({@code cat-posting.env}), else like the nearest folder of the file ({@code cat-posting/.env}); with none, the
 * route has no client and one {@code route-client-unknown} info per file says how to name it. A file another
 * format reads (a repmgr.conf's {@code conninfo}, a PgBouncer {@code [databases]} line) is left to it. Passwords
 * are never kept: messages show URLs through {@link Secrets}.
 */
public final class ConnectionStringImporter implements Importer {
    static final String CLIENT_UNKNOWN = "route-client-unknown";
    static final String PLACEHOLDER = "route-placeholder";
    private static final Pattern KEYWORDS = Pattern.compile(
            "(?i)(?:^|[\\s=:'\"])host\\s*=\\s*\\S+.*\\s(?:dbname|port)\\s*=");
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*)\\s*[=:]\\s*(.*)$");
    private static final Set<String> NOT_CLIENT_ROUTES = Set.of("primary_conninfo", "conninfo", "restore_command",
            "recovery_target");

    private final List<Importer> others;

    /** @param others the formats whose files this one leaves alone */
    public ConnectionStringImporter(List<Importer> others) {
        this.others = List.copyOf(others);
    }

    @Override
    public String id() {
        return "connection-string";
    }

    @Override
    public String label() {
        return "connection strings in application configs (.env, .properties, YAML, JSON)";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        String text = source.text();
        return (ConnectionUrl.URL.matcher(text).find() || KEYWORDS.matcher(text).find())
                && others.stream().noneMatch(i -> i.detect(source));
    }

    /** A route read, waiting for every service to be declared. */
    private record Pending(SourceText source, String key, SourcePosition at, Access access, Follow follow,
                           List<RouteTarget> targets, List<String> candidates) {}

    @Override
    public Session open(ImportContext context) {
        List<Pending> pending = new ArrayList<>();
        return new Session() {
            @Override
            public void read(SourceText source, boolean forced) {
                int before = pending.size();
                if (source.structured() && source.parseErrors().isEmpty()) {
                    for (PNode doc : source.documents()) {
                        walk(doc, "", null, source, context, pending);
                    }
                } else if (!source.structured()) {
                    lines(source, context, pending);
                }
                if (forced && pending.size() == before) {
                    context.error("no connection string (postgresql://, jdbc:postgresql://, redis://, mysql://, "
                            + "sentinel URL or host=… port=…) in this file", source.start());
                }
            }

            @Override
            public void finish() {
                emit(pending, context);
            }
        };
    }

    private static void lines(SourceText source, ImportContext ctx, List<Pending> out) {
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";") || t.startsWith("!") || t.startsWith("//")) {
                continue;
            }
            Matcher m = LINE.matcher(raw);
            String key = m.matches() ? m.group(1) : "line " + (i + 1);
            int valueAt = m.matches() ? m.start(2) : 0;
            SourcePosition keyAt = source.at(i + 1, m.matches() ? m.start(1) + 1 : raw.indexOf(t) + 1);
            value(raw, valueAt, i + 1, key, keyAt, null, source, ctx, out);
        }
    }

    /** The routes in one value, which starts at index {@code from} of the raw line {@code line}. */
    private static void value(String raw, int from, int line, String key, SourcePosition keyAt, String compose,
                              SourceText source, ImportContext ctx, List<Pending> out) {
        if (NOT_CLIENT_ROUTES.contains(lastKey(key).toLowerCase(Locale.ROOT))) {
            return;
        }
        String text = raw.substring(Math.min(from, raw.length()));
        List<ConnectionUrl> urls = ConnectionUrl.find(text);
        int n = 0;
        for (ConnectionUrl u : urls) {
            String entry = urls.size() > 1 && n++ > 0 ? key + "#" + n : key;
            url(u, from, line, entry, keyAt, compose, source, ctx, out);
        }
        if (urls.isEmpty() && KEYWORDS.matcher(text).find()) {
            String unquoted = text.strip();
            int lead = text.indexOf(unquoted);
            if (unquoted.length() >= 2 && (unquoted.startsWith("\"") || unquoted.startsWith("'"))
                    && unquoted.endsWith(unquoted.substring(0, 1))) {
                unquoted = unquoted.substring(1, unquoted.length() - 1);
                lead++;
            }
            keywords(unquoted, from + lead + 1, line, key, keyAt, compose, source, ctx, out);
        }
    }

    private static void url(ConnectionUrl u, int from, int line, String key, SourcePosition keyAt, String compose,
                            SourceText source, ImportContext ctx, List<Pending> out) {
        List<RouteTarget> targets = new ArrayList<>();
        if (ConnectionUrl.sentinel(u.scheme())) {
            if (u.master() == null) {
                ctx.finding("route-sentinel-master-unknown", Severity.INFO, "the Sentinel URL " + u.redacted()
                        + " names no master (a #name fragment, ?sentinelMasterId= or /name): the client's master "
                        + "name is set elsewhere, so no route is read from it", key, null, keyAt);
                return;
            }
            String master = u.master().text();
            targets.add(new RouteTarget(new Ref(master, source.at(line, from + u.master().index() + 1)), null, null,
                    master, false, false));
        } else {
            for (ConnectionUrl.Host h : u.hosts()) {
                SourcePosition at = source.at(line, from + h.index() + 1);
                if (placeholder(h.text(), key, at, ctx)) {
                    continue;
                }
                if (h.text().startsWith("/")) {
                    continue;
                }
                targets.add(RouteTarget.host(new Ref(h.text(), at)));
            }
        }
        if (targets.isEmpty()) {
            if (u.hosts().isEmpty()) {
                ctx.finding(PgbouncerImporter.UNIX_SOCKET, Severity.INFO, u.redacted() + " names no host, so the "
                        + "client connects through the local Unix socket: not checked", key, null, keyAt);
            }
            return;
        }
        Access access = u.access().orElse(RouteNames.access(key));
        out.add(new Pending(source, key, keyAt, access, u.follow(), targets, candidates(source, compose)));
    }

    private static void keywords(String text, int column, int line, String key, SourcePosition keyAt,
                                 String compose, SourceText source, ImportContext ctx, List<Pending> out) {
        Map<String, Libpq.Pair> pairs = Libpq.pairs(text, source, line, column, ctx);
        List<RouteTarget> targets = new ArrayList<>();
        for (Ref h : Libpq.hosts(pairs, source, line, ctx)) {
            if (!placeholder(h.name(), key, h.position(), ctx)) {
                targets.add(RouteTarget.host(h));
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        String attrs = Optional.ofNullable(pairs.get("target_session_attrs")).map(Libpq.Pair::value).orElse("")
                .toLowerCase(Locale.ROOT);
        Follow follow = targets.size() > 1 && ConnectionUrl.primaryAttrs(attrs) ? Follow.MULTI_HOST : Follow.NONE;
        Access access = ConnectionUrl.primaryAttrs(attrs) ? Access.WRITE
                : ConnectionUrl.standbyAttrs(attrs) ? Access.READ : RouteNames.access(key);
        out.add(new Pending(source, key, keyAt, access, follow, targets, candidates(source, compose)));
    }

    /** True (with an info) for a host filled in at run time: {@code ${DB_HOST}}, {@code $DB_HOST}, {@code {{ x }}}. */
    static boolean placeholder(String host, String subject, SourcePosition at, ImportContext ctx) {
        if (host.contains("$") || host.contains("{{") || host.contains("%(")) {
            ctx.finding(PLACEHOLDER, Severity.INFO, "the host '" + host + "' is a placeholder filled in at run "
                    + "time: this target is not checked", subject, null, at);
            return true;
        }
        return false;
    }

    private void walk(PNode node, String path, String compose, SourceText source, ImportContext ctx,
                      List<Pending> out) {
        if (node instanceof PMap m) {
            for (PEntry e : m.entries()) {
                String k = e.key().text();
                String p = path.isEmpty() ? k : path + "." + k;
                String c = compose == null && path.equals("services") ? k : compose;
                walk(e.value(), p, c, source, ctx, out);
            }
        } else if (node instanceof PSeq s) {
            for (int i = 0; i < s.items().size(); i++) {
                walk(s.items().get(i), path, compose, source, ctx, out);
            }
        } else if (node instanceof PScalar v && v.type() == ScalarType.STRING) {
            scalar(v, path, compose, source, ctx, out);
        }
    }

    private static void scalar(PScalar v, String path, String compose, SourceText source, ImportContext ctx,
                               List<Pending> out) {
        String text = v.text();
        if (!ConnectionUrl.URL.matcher(text).find() && !KEYWORDS.matcher(text).find() || text.contains("\n")) {
            return;
        }
        int line = v.position().line();
        String raw = source.lines().get(line - 1);
        String key = path.isEmpty() ? "value" : path;
        Matcher env = Pattern.compile("^([A-Z_][A-Z0-9_]*)=").matcher(text);
        if (env.find()) {
            key = path + "." + env.group(1);
        }
        int found = raw.indexOf(text, v.position().column() - 1);
        int from = found >= 0 ? found : v.position().column() - 1;
        if (found < 0) {
            raw = " ".repeat(from) + text;
        }
        value(raw, from, line, key, v.position(), compose, source, ctx, out);
    }

    /** Names a service may have that this file belongs to: the Compose service, the file's name, its folders. */
    private static List<String> candidates(SourceText source, String compose) {
        Set<String> c = new LinkedHashSet<>();
        if (compose != null) {
            c.add(compose);
        }
        String display = source.display().replace('\\', '/');
        String file = display.substring(display.lastIndexOf('/') + 1);
        String stem = file.startsWith(".") ? "" : file.replaceFirst("\\.[^.]*$", "");
        if (!stem.isEmpty()) {
            c.add(stem);
        }
        String[] parts = display.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".") && !parts[i].equals("..")) {
                c.add(parts[i]);
            }
        }
        return List.copyOf(c);
    }

    private static void emit(List<Pending> pending, ImportContext ctx) {
        List<Service> services = ctx.sink().builder().services();
        Set<String> told = new LinkedHashSet<>();
        for (Pending p : pending) {
            Optional<String> client = p.candidates().stream().flatMap(c -> services.stream()
                    .filter(s -> s.name().equalsIgnoreCase(c)).map(Service::name)).findFirst();
            if (client.isEmpty() && told.add(p.source().display())) {
                List<String> tried = p.candidates().subList(0, Math.min(4, p.candidates().size()));
                ctx.finding(CLIENT_UNKNOWN, Severity.INFO, "no declared service is named like this file or its "
                        + "folders (tried " + (tried.isEmpty() ? "nothing" : "'" + String.join("', '", tried) + "'")
                        + "): its connection strings have no client; put the file in a folder named after the "
                        + "service (cat-posting/.env) or name the file after it (cat-posting.properties)",
                        p.source().display(), null, p.at());
            }
            List<Ref> clients = client.map(c -> List.of(new Ref(c, p.at()))).orElse(List.of());
            String name = RouteNames.unique(ctx.sink().builder(), p.source().display(), p.key());
            RouteNames.add(ctx, new Route(name, p.at(), RouteKind.CONNECTION_STRING, clients, null, p.access(),
                    p.targets(), p.follow(), null, null, Facts.NONE));
        }
    }

    private static String lastKey(String key) {
        int dot = key.lastIndexOf('.');
        return dot >= 0 ? key.substring(dot + 1) : key;
    }
}
