package dev.failscope.load.importers;

import dev.failscope.load.LoadError;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Access;
import dev.failscope.model.Facts;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ProxySQL's {@code proxysql.cnf} (libconfig syntax, read by {@link Libconfig}): {@code mysql_servers} by
 * hostgroup, and one route per active {@code mysql_users} entry to its {@code default_hostgroup} (or, without
 * users, one per hostgroup). A hostgroup of a {@code mysql_replication_hostgroups} pair follows a failover: the
 * ProxySQL monitor reads each server's {@code read_only} every {@code monitor_read_only_interval} ms and moves
 * the writable one into the writer hostgroup ({@link Follow#READ_ONLY_FLAG}), so both hostgroups' servers are
 * the route's targets. {@code mysql_group_replication_hostgroups} and {@code mysql_galera_hostgroups} pairs are
 * treated the same way. Any other hostgroup is fixed ({@link Follow#NONE}).
 */
public final class ProxysqlImporter implements Importer {
    private static final Pattern SECTION = Pattern.compile("(?m)^\\s*(mysql_servers|mysql_replication_hostgroups"
            + "|mysql_users|mysql_variables|admin_variables|mysql_query_rules)\\s*[=:]");
    static final List<String> PAIRS = List.of("mysql_replication_hostgroups", "mysql_group_replication_hostgroups",
            "mysql_galera_hostgroups");
    static final int DEFAULT_PORT = 3306;

    @Override
    public String id() {
        return "proxysql";
    }

    @Override
    public String label() {
        return "ProxySQL proxysql.cnf (mysql_servers, mysql_users)";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        return SECTION.matcher(source.text()).find();
    }

    @Override
    public Session open(ImportContext context) {
        return (source, forced) -> read(source, context);
    }

    /** A writer/reader hostgroup pair, where it was written. */
    private record Pair(long writer, long reader, SourcePosition at) {}

    /** A server of a hostgroup. */
    private record Backend(long hostgroup, Ref address) {}

    private void read(SourceText source, ImportContext ctx) {
        List<LoadError> errors = new ArrayList<>();
        PMap root = Libconfig.parse(source, errors);
        errors.forEach(ctx.sink()::error);
        if (!errors.isEmpty()) {
            return;
        }
        Tree tree = new Tree(ctx, "ProxySQL");
        List<Backend> backends = backends(root, tree, ctx);
        List<Pair> pairs = new ArrayList<>();
        for (String key : PAIRS) {
            for (PNode n : Tree.list(root, key)) {
                Optional<Long> w = tree.integer(n, "writer_hostgroup");
                Optional<Long> r = tree.integer(n, "reader_hostgroup");
                if (w.isEmpty() || r.isEmpty()) {
                    ctx.error(key + " entry needs writer_hostgroup and reader_hostgroup", n.position());
                } else {
                    pairs.add(new Pair(w.get(), r.get(), n.position()));
                }
            }
        }
        Optional<HealthCheck> check = check(root, tree, pairs);
        String listen = listen(root);
        List<PNode> users = Tree.list(root, "mysql_users").stream()
                .filter(u -> tree.integer(u, "active").orElse(1L) != 0).toList();
        if (backends.isEmpty()) {
            ctx.finding("route-none", Severity.INFO, "no mysql_servers entry: ProxySQL routes to nothing from "
                    + "this file (servers may be set through the admin interface)", source.display(), null, source.start());
            return;
        }
        if (users.isEmpty()) {
            Set<Long> groups = new LinkedHashSet<>();
            backends.forEach(b -> groups.add(b.hostgroup()));
            pairs.forEach(p -> groups.remove(p.reader()));
            for (long g : groups) {
                route("hostgroup " + g, g, backends.stream().filter(b -> b.hostgroup() == g).findFirst()
                        .map(b -> b.address().position()).orElse(source.start()), backends, pairs, check, listen,
                        source, ctx);
            }
            return;
        }
        for (PNode u : users) {
            Optional<PScalar> name = Tree.scalar(u, "username");
            if (name.isEmpty()) {
                ctx.error("mysql_users entry needs a username", u.position());
                continue;
            }
            long group = tree.integer(u, "default_hostgroup").orElse(0L);
            route(name.get().text(), group, name.get().position(), backends, pairs, check, listen, source, ctx);
        }
    }

    private static List<Backend> backends(PMap root, Tree tree, ImportContext ctx) {
        List<Backend> out = new ArrayList<>();
        for (PNode n : Tree.list(root, "mysql_servers")) {
            Optional<PScalar> address = Tree.scalar(n, "address").or(() -> Tree.scalar(n, "hostname"));
            if (address.isEmpty()) {
                ctx.error("mysql_servers entry needs an address", n.position());
                continue;
            }
            long port = tree.integer(n, "port").orElse((long) DEFAULT_PORT);
            if (port < 1 || port > 65535) {
                ctx.error("mysql_servers port must be from 1 to 65535, got " + port, Tree.position(n, "port"));
                continue;
            }
            long group = tree.integer(n, "hostgroup").or(() -> tree.integer(n, "hostgroup_id")).orElse(0L);
            if (Tree.text(n, "status").map(s -> s.equalsIgnoreCase("OFFLINE_HARD")).orElse(false)) {
                continue;
            }
            String host = address.get().text().strip();
            out.add(new Backend(group, new Ref(Address.format(host, (int) port), address.get().position())));
        }
        return out;
    }

    private static void route(String entry, long group, SourcePosition at, List<Backend> backends, List<Pair> pairs,
                              Optional<HealthCheck> check, String listen, SourceText source, ImportContext ctx) {
        Optional<Pair> pair = pairs.stream().filter(p -> p.writer() == group || p.reader() == group).findFirst();
        Set<Long> groups = pair.map(p -> Set.of(p.writer(), p.reader())).orElse(Set.of(group));
        Access access = pair.isPresent() && pair.get().reader() == group ? Access.READ : Access.WRITE;
        List<RouteTarget> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Backend b : backends) {
            if (groups.contains(b.hostgroup()) && seen.add(b.address().name())) {
                targets.add(new RouteTarget(b.address(), null, null, null, false, access == Access.READ));
            }
        }
        Map<String, SourcePosition> facts = new LinkedHashMap<>();
        facts.put("default_hostgroup", at);
        pair.ifPresent(p -> facts.put("replication_hostgroups", p.at()));
        if (targets.isEmpty()) {
            ctx.finding("route-none", Severity.INFO, "hostgroup " + group + " of '" + entry + "' has no "
                    + "mysql_servers entry: no route is read from it", entry, null, at);
            return;
        }
        String name = RouteNames.unique(ctx.sink().builder(), source.display(), entry);
        RouteNames.add(ctx, new Route(name, at, RouteKind.PROXYSQL, List.of(), null, access, targets,
                pair.isPresent() ? Follow.READ_ONLY_FLAG : Follow.NONE, pair.isPresent() ? check.orElse(null) : null,
                listen, new Facts(facts)));
    }

    /** The monitor's read_only check (ProxySQL's defaults: every 1500 ms, 3 timeouts before a change). */
    private static Optional<HealthCheck> check(PMap root, Tree tree, List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        long interval = tree.integer(root, "mysql_variables", "monitor_read_only_interval").orElse(1500L);
        long fall = tree.integer(root, "mysql_variables", "monitor_read_only_max_timeout_count").orElse(3L);
        SourcePosition at = Tree.at(root, "mysql_variables", "monitor_read_only_interval").map(PNode::position)
                .orElse(pairs.get(0).at());
        return Optional.of(new HealthCheck("mysql read_only", null, null,
                Duration.ofMillis(Math.max(1, Math.min(interval, 86_400_000L))), (int) Math.max(1, Math.min(fall,
                1_000_000)), 1, at));
    }

    /** The first TCP address of {@code mysql_variables.interfaces} (default {@code 0.0.0.0:6033}). */
    private static String listen(PMap root) {
        String interfaces = Tree.text(root, "mysql_variables", "interfaces").orElse("0.0.0.0:6033");
        for (String i : interfaces.split(";")) {
            if (!i.isBlank() && !i.strip().startsWith("/")) {
                return i.strip();
            }
        }
        return "0.0.0.0:6033";
    }
}
