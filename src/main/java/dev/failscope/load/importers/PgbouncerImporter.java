package dev.failscope.load.importers;

import dev.failscope.model.Facts;
import dev.failscope.model.Follow;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PgBouncer's {@code pgbouncer.ini}: every {@code [databases]} entry ({@code catify = host=db-main-1 port=5432
 * dbname=catify}, and the {@code *} fallback) is a route to its host or hosts, listening on {@code [pgbouncer]
 * listen_addr:listen_port} (default port 6432). PgBouncer connects to the host written there and nothing else,
 * so the route follows nothing ({@link Follow#NONE}); a host list is tried round-robin, not by role. A route
 * only follows a failover when its host is itself a route that does (an HAProxy frontend, a virtual IP).
 */
public final class PgbouncerImporter implements Importer {
    private static final Pattern HEADER = Pattern.compile("(?im)^\\s*\\[\\s*(databases|pgbouncer)\\s*]");
    static final int DEFAULT_LISTEN_PORT = 6432;
    static final String UNIX_SOCKET = "route-unix-socket";

    @Override
    public String id() {
        return "pgbouncer";
    }

    @Override
    public String label() {
        return "PgBouncer pgbouncer.ini ([databases], [pgbouncer])";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        return HEADER.matcher(source.text()).find();
    }

    @Override
    public Session open(ImportContext context) {
        return (source, forced) -> read(source, context);
    }

    private void read(SourceText source, ImportContext ctx) {
        IniLines ini = IniLines.read(source, ctx, true);
        if (ini.sections.stream().noneMatch(s -> s.name().equals("databases") || s.name().equals("pgbouncer"))) {
            ctx.error("not a PgBouncer config: no [databases] or [pgbouncer] section", source.start());
            return;
        }
        String listen = listen(ini, ctx);
        Map<String, SourcePosition> common = new LinkedHashMap<>();
        ini.get("pgbouncer", "listen_addr").ifPresent(e -> common.put("listen_addr", e.valueAt()));
        ini.get("pgbouncer", "listen_port").ifPresent(e -> common.put("listen_port", e.valueAt()));
        List<IniLines.Entry> dbs = ini.in("databases");
        if (dbs.isEmpty()) {
            ctx.finding("route-none", Severity.INFO, "no [databases] entry: PgBouncer routes nothing from this "
                    + "file (auth_query or auth_dbname setups still need one per database)", source.display(), null,
                    ini.sections.get(0).at());
        }
        for (IniLines.Entry db : dbs) {
            database(db, listen, common, source, ctx);
        }
    }

    private static String listen(IniLines ini, ImportContext ctx) {
        Optional<IniLines.Entry> port = ini.get("pgbouncer", "listen_port");
        int p = DEFAULT_LISTEN_PORT;
        if (port.isPresent()) {
            if (port.get().value().matches("\\d{1,5}")) {
                p = Integer.parseInt(port.get().value());
            } else {
                ctx.error("listen_port must be a number, got '" + port.get().value() + "'", port.get().valueAt());
            }
        }
        String addr = ini.get("pgbouncer", "listen_addr").map(IniLines.Entry::value).orElse("");
        String first = addr.split(",")[0].strip();
        return Address.format(first.isEmpty() ? "*" : first, p);
    }

    private void database(IniLines.Entry db, String listen, Map<String, SourcePosition> common, SourceText source,
                          ImportContext ctx) {
        String name = db.key().replaceAll("^\"|\"$", "");
        Map<String, Libpq.Pair> pairs = Libpq.pairs(db.value(), source, db.line(), db.valueColumn(), ctx);
        Map<String, SourcePosition> facts = new LinkedHashMap<>(common);
        pairs.values().forEach(p -> facts.put(p.key(), source.at(db.line(), p.keyColumn())));
        if (name.equals("*")) {
            facts.put("fallback", db.keyAt());
        }
        List<Ref> hosts = Libpq.hosts(pairs, source, db.line(), ctx);
        Libpq.Pair host = pairs.get("host");
        if (hosts.isEmpty()) {
            String why = host == null ? "has no host=, so PgBouncer connects through the local Unix socket"
                    : "connects through a Unix socket (" + host.value() + ")";
            ctx.finding(UNIX_SOCKET, Severity.INFO, "[databases] " + name + " " + why + ": the server on "
                    + "PgBouncer's own machine, which Failscope cannot name; write host= with the server's "
                    + "address to check this route", name, null, db.keyAt());
            return;
        }
        List<RouteTarget> targets = hosts.stream().map(RouteTarget::host).toList();
        String route = RouteNames.unique(ctx.sink().builder(), source.display(), name);
        RouteNames.add(ctx, new Route(route, db.keyAt(), RouteKind.PGBOUNCER, List.of(), null,
                RouteNames.access(name), targets, Follow.NONE, null, listen, new Facts(facts)));
    }
}
