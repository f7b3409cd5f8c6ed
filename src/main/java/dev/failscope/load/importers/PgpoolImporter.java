package dev.failscope.load.importers;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgpool-II's {@code pgpool.conf}: one route per file to its backends ({@code backend_hostnameN},
 * {@code backend_portN}, default port 5432), listening on {@code delegate_ip} (with the watchdog) or
 * {@code listen_addresses}, on {@code port} (default 9999).
 *
 * <p>How it follows a failover: with a {@code failover_command} pgpool runs it when it detaches a backend
 * ({@link Follow#FAILOVER_COMMAND}); without one, a watchdog's {@code delegate_ip} moves with the pgpool leader
 * ({@link Follow#VIRTUAL_IP}); with neither, pgpool still detaches a failed backend and finds the new primary by
 * asking each live backend {@code pg_is_in_recovery()} ({@link Follow#HEALTH_CHECK}) when it has more than one
 * backend, unless both its health check ({@code health_check_period = 0}) and {@code failover_on_backend_error}
 * are off. The health check is {@code health_check_period} seconds, {@code health_check_max_retries + 1} failures.
 */
public final class PgpoolImporter implements Importer {
    private static final Pattern BACKEND = Pattern.compile("(?im)^\\s*(backend_hostname\\d+|backend_clustering_mode"
            + "|master_slave_mode|failover_command|use_watchdog)\\s*=");
    private static final Pattern NUMBERED = Pattern.compile("backend_(hostname|port|flag)(\\d{1,4})");
    static final int DEFAULT_BACKEND_PORT = 5432;
    static final int DEFAULT_PORT = 9999;

    @Override
    public String id() {
        return "pgpool";
    }

    @Override
    public String label() {
        return "pgpool-II pgpool.conf (backend_hostnameN)";
    }

    @Override
    public boolean lineBased() {
        return true;
    }

    @Override
    public boolean detect(SourceText source) {
        return BACKEND.matcher(source.text()).find();
    }

    @Override
    public Session open(ImportContext context) {
        return (source, forced) -> read(source, context);
    }

    /** One numbered backend. */
    private static final class Backend {
        IniLines.Entry host;
        IniLines.Entry port;
        IniLines.Entry flag;
    }

    private void read(SourceText source, ImportContext ctx) {
        IniLines ini = IniLines.read(source, ctx, false);
        Map<Integer, Backend> backends = new TreeMap<>();
        for (IniLines.Entry e : ini.entries) {
            Matcher m = NUMBERED.matcher(e.lowerKey());
            if (m.matches()) {
                Backend b = backends.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new Backend());
                switch (m.group(1)) {
                    case "hostname" -> b.host = e;
                    case "port" -> b.port = e;
                    default -> b.flag = e;
                }
            }
        }
        Map<String, SourcePosition> facts = new LinkedHashMap<>();
        List<RouteTarget> targets = new ArrayList<>();
        for (Map.Entry<Integer, Backend> e : backends.entrySet()) {
            target(e.getKey(), e.getValue(), facts, ctx).ifPresent(targets::add);
        }
        if (targets.isEmpty()) {
            ctx.finding("route-none", Severity.INFO, "no backend_hostnameN is set: pgpool-II routes to nothing "
                    + "from this file (a sample, or backends set elsewhere)", source.display(), null, source.start());
            return;
        }
        Optional<IniLines.Entry> command = value(ini, "failover_command");
        boolean watchdog = value(ini, "use_watchdog").map(v -> Tree.parseBool(v.value()).orElse(false))
                .orElse(false);
        Optional<IniLines.Entry> vip = value(ini, "delegate_ip");
        Optional<HealthCheck> check = check(ini, ctx);
        command.ifPresent(c -> facts.put("failover_command", c.valueAt()));
        value(ini, "use_watchdog").ifPresent(c -> facts.put("use_watchdog", c.valueAt()));
        vip.ifPresent(c -> facts.put("delegate_ip", c.valueAt()));
        Follow follow;
        if (command.isPresent()) {
            follow = Follow.FAILOVER_COMMAND;
        } else if (watchdog && vip.isPresent()) {
            follow = Follow.VIRTUAL_IP;
        } else {
            boolean onError = value(ini, "failover_on_backend_error")
                    .map(v -> Tree.parseBool(v.value()).orElse(true)).orElse(true);
            follow = targets.size() > 1 && (check.isPresent() || onError) ? Follow.HEALTH_CHECK : Follow.NONE;
        }
        String listen = listen(ini, watchdog ? vip : Optional.empty(), ctx);
        SourcePosition at = backends.values().stream().filter(b -> b.host != null).findFirst()
                .map(b -> b.host.keyAt()).orElse(source.start());
        String name = RouteNames.unique(ctx.sink().builder(), source.display(), "backends");
        RouteNames.add(ctx, new Route(name, at, RouteKind.PGPOOL, List.of(), null, Access.WRITE, targets, follow,
                check.orElse(null), listen, new Facts(facts)));
    }

    /** A setting written with a non-blank value (pgpool's {@code delegate_IP} spelling too). */
    private static Optional<IniLines.Entry> value(IniLines ini, String key) {
        return ini.get("", key).filter(e -> !e.value().isBlank());
    }

    private static Optional<RouteTarget> target(int n, Backend b, Map<String, SourcePosition> facts,
                                                ImportContext ctx) {
        if (b.host == null || b.host.value().isBlank()) {
            IniLines.Entry any = b.port != null ? b.port : b.flag;
            ctx.error("backend " + n + " has no backend_hostname" + n, any.keyAt());
            return Optional.empty();
        }
        Integer port = DEFAULT_BACKEND_PORT;
        if (b.port != null) {
            if (b.port.value().matches("\\d{1,5}")) {
                port = Integer.valueOf(b.port.value());
            } else {
                ctx.error("backend_port" + n + " must be a number, got '" + b.port.value() + "'", b.port.valueAt());
            }
        }
        if (b.flag != null) {
            String f = b.flag.value().toUpperCase(Locale.ROOT);
            for (String part : f.split("\\|")) {
                if (!List.of("ALLOW_TO_FAILOVER", "DISALLOW_TO_FAILOVER", "ALWAYS_PRIMARY", "ALWAYS_MASTER")
                        .contains(part.strip())) {
                    ctx.error("backend_flag" + n + " must be ALLOW_TO_FAILOVER, DISALLOW_TO_FAILOVER or "
                            + "ALWAYS_PRIMARY, got '" + b.flag.value() + "'", b.flag.valueAt());
                }
            }
            facts.put("backend_flag" + n, b.flag.valueAt());
        }
        facts.put("backend_hostname" + n, b.host.valueAt());
        String host = b.host.value().strip();
        if (host.startsWith("/")) {
            ctx.finding(PgbouncerImporter.UNIX_SOCKET, Severity.INFO, "backend " + n + " connects through a Unix "
                    + "socket (" + host + "): the server on pgpool's own machine, which Failscope cannot name",
                    "backend " + n, null, b.host.valueAt());
            return Optional.empty();
        }
        return Optional.of(RouteTarget.host(new Ref(Address.format(host, port), b.host.valueAt())));
    }

    private static Optional<HealthCheck> check(IniLines ini, ImportContext ctx) {
        Optional<IniLines.Entry> period = value(ini, "health_check_period");
        if (period.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> seconds = number(period.get(), ctx);
        if (seconds.isEmpty() || seconds.get() == 0) {
            return Optional.empty();
        }
        int retries = value(ini, "health_check_max_retries").flatMap(e -> number(e, ctx)).orElse(0);
        return Optional.of(new HealthCheck("pgsql", null, null, Duration.ofSeconds(seconds.get()), retries + 1, 1,
                period.get().valueAt()));
    }

    private static Optional<Integer> number(IniLines.Entry e, ImportContext ctx) {
        if (e.value().matches("\\d{1,7}")) {
            return Optional.of(Integer.parseInt(e.value()));
        }
        ctx.error(e.key() + " must be a whole number, got '" + e.value() + "'", e.valueAt());
        return Optional.empty();
    }

    private static String listen(IniLines ini, Optional<IniLines.Entry> vip, ImportContext ctx) {
        int port = DEFAULT_PORT;
        Optional<IniLines.Entry> p = value(ini, "port");
        if (p.isPresent()) {
            port = number(p.get(), ctx).filter(x -> x <= 65535).orElse(DEFAULT_PORT);
        }
        String host = vip.map(IniLines.Entry::value)
                .orElse(value(ini, "listen_addresses").map(IniLines.Entry::value).orElse("localhost"));
        return Address.format(host.split(",")[0].strip(), port);
    }
}
