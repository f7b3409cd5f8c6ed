package dev.failscope.load;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.Access;
import dev.failscope.model.Follow;
import dev.failscope.model.HealthCheck;
import dev.failscope.model.Ref;
import dev.failscope.model.Route;
import dev.failscope.model.RouteKind;
import dev.failscope.model.RouteTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a native {@code kind: route} document: the pooler, proxy or connection string between services and a
 * cluster. Targets are kept as written ({@link RouteTarget#server()} null): matching them to inventory servers
 * is the route resolver's job, once every file is loaded.
 */
final class RouteReader {
    static final Set<String> ROUTE_KEYS = Set.of("kind", "name", "software", "serves", "access", "targets",
            "follows", "check", "listen", "clients");
    static final Set<String> TARGET_KEYS = Set.of("server", "route", "cluster", "backup", "read-only");
    static final Set<String> CHECK_KEYS = Set.of("method", "path", "port", "interval", "fall", "rise");
    /** HAProxy's defaults: {@code inter 2s}, {@code fall 3}, {@code rise 2}. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    static final int DEFAULT_FALL = 3;
    static final int DEFAULT_RISE = 2;

    private final LoadSink sink;

    RouteReader(LoadSink sink) {
        this.sink = sink;
    }

    void read(PMap map) {
        String label = map.text("name").map(n -> "route '" + n + "'").orElse("route");
        Fields f = new Fields(map, label, sink);
        PScalar name = f.requiredName("name");
        String subject = name != null ? name.text() : "route";
        f.checkKeys(ROUTE_KEYS, subject);
        RouteKind software = f.choice("software", RouteKind.class).orElse(RouteKind.DECLARED);
        Optional<PScalar> serves = f.optionalName("serves");
        Access access = f.choice("access", Access.class).orElse(Access.WRITE);
        Optional<Follow> follows = f.choice("follows", Follow.class);
        if (follows.isEmpty() && map.get("follows").isEmpty()) {
            sink.error(label + " is missing required key 'follows' (how it reaches a new primary: health-check, "
                    + "multi-host, read-only-flag, manager, failover-command, virtual-ip or none)", map.position());
        }
        List<RouteTarget> targets = new ArrayList<>();
        Optional<PSeq> list = f.list("targets");
        if (list.isEmpty() && map.get("targets").isEmpty()) {
            sink.error(label + " is missing required key 'targets'", map.position());
        } else if (list.isPresent() && list.get().items().isEmpty()) {
            sink.error(label + " must have at least one target", list.get().position());
        }
        list.ifPresent(seq -> seq.items().forEach(item -> target(item, label, subject).ifPresent(targets::add)));
        HealthCheck check = f.node("check").map(n -> check(n, label, subject)).orElse(null);
        Optional<String> listen = f.string("listen");
        List<Ref> clients = new ArrayList<>();
        f.list("clients").ifPresent(seq -> clients(seq, label, clients));
        if (name != null && follows.isPresent()) {
            sink.builder().route(new Route(name.text(), name.position(), software, clients,
                    serves.map(NativeReader::ref).orElse(null), access, targets, follows.get(), check,
                    listen.orElse(null), f.facts()));
        }
    }

    /** A scalar names a server or a {@code host:port}; a map says {@code server}, {@code route} or {@code cluster}. */
    private Optional<RouteTarget> target(PNode node, String route, String subject) {
        if (node instanceof PScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)
                && !s.text().isBlank()) {
            return Optional.of(RouteTarget.host(NativeReader.ref(s)));
        }
        if (!(node instanceof PMap map)) {
            sink.error("a target of " + route + " must be a server name, a host:port or a map with 'server', "
                    + "'route' or 'cluster', got " + node.describe(), node.position());
            return Optional.empty();
        }
        Fields f = new Fields(map, "target of " + route, sink);
        f.checkKeys(TARGET_KEYS, subject);
        Optional<PScalar> server = f.optionalName("server");
        Optional<PScalar> via = f.optionalName("route");
        Optional<PScalar> cluster = f.optionalName("cluster");
        boolean backup = f.bool("backup", false);
        boolean readOnly = f.bool("read-only", false);
        int written = (map.get("server").isPresent() ? 1 : 0) + (map.get("route").isPresent() ? 1 : 0)
                + (map.get("cluster").isPresent() ? 1 : 0);
        if (written != 1) {
            sink.error("a target of " + route + " needs exactly one of 'server', 'route' or 'cluster'",
                    map.position());
            return Optional.empty();
        }
        if (server.isPresent()) {
            return Optional.of(new RouteTarget(NativeReader.ref(server.get()), null, null, null, backup, readOnly));
        }
        if (via.isPresent()) {
            PScalar r = via.get();
            return Optional.of(new RouteTarget(NativeReader.ref(r), null, r.text(), null, backup, readOnly));
        }
        return cluster.map(c -> new RouteTarget(NativeReader.ref(c), null, null, c.text(), backup, readOnly));
    }

    private HealthCheck check(PNode node, String route, String subject) {
        if (!(node instanceof PMap map)) {
            sink.error("'check' of " + route + " must be a map with 'method' (and path, port, interval, fall, "
                    + "rise), got " + node.describe(), node.position());
            return null;
        }
        Fields f = new Fields(map, "check of " + route, sink);
        f.checkKeys(CHECK_KEYS, subject);
        String method = f.string("method").orElse("tcp");
        Optional<String> path = f.string("path");
        Optional<Long> port = f.integer("port", 1);
        if (port.isPresent() && port.get() > 65535) {
            sink.error("'port' of check of " + route + " must be at most 65535, got " + port.get(),
                    map.get("port").orElseThrow().position());
            port = Optional.empty();
        }
        Duration interval = f.duration("interval").orElse(DEFAULT_INTERVAL);
        if (interval.isZero()) {
            sink.error("'interval' of check of " + route + " must be longer than 0s",
                    map.get("interval").orElseThrow().position());
            interval = DEFAULT_INTERVAL;
        }
        int fall = f.integer("fall", 1).map(RouteReader::toInt).orElse(DEFAULT_FALL);
        int rise = f.integer("rise", 1).map(RouteReader::toInt).orElse(DEFAULT_RISE);
        return new HealthCheck(method, path.orElse(null), port.map(RouteReader::toInt).orElse(null), interval,
                fall, rise, map.position());
    }

    private void clients(PSeq seq, String route, List<Ref> into) {
        for (PNode item : seq.items()) {
            if (item instanceof PScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)
                    && !s.text().isBlank()) {
                into.add(NativeReader.ref(s));
            } else {
                sink.error("a client of " + route + " must be a service name, got " + item.describe(),
                        item.position());
            }
        }
    }

    private static int toInt(long v) {
        return (int) Math.min(v, Integer.MAX_VALUE);
    }
}
