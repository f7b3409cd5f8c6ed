package dev.failscope.load;

import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.Access;
import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads documents of the native {@code failscope/v1} format into the topology builder. */
public final class NativeReader {
    /** The kinds this format defines. */
    public static final List<String> KINDS = List.of("inventory", "cluster", "failover", "service", "waivers",
            "route");

    static final Set<String> INVENTORY_KEYS = Set.of("kind", "servers", "authoritative");
    static final Set<String> SERVER_KEYS = Set.of("name", "address", "region", "zone", "host", "status",
            "no-failover", "tags", "observed");
    static final Set<String> CLUSTER_KEYS = Set.of("kind", "name", "engine", "primary", "replicas", "upstream");
    static final Set<String> REPLICA_KEYS = Set.of("server", "source", "mode", "lag");
    static final Set<String> FAILOVER_KEYS = Set.of("kind", "cluster", "candidates", "detection",
            "attempt-timeout", "max-lag", "require-sync", "same-region-only", "max-lag-bytes", "sync-replicas",
            "strict-sync", "quorum", "monitors", "manager");
    static final Set<String> SERVICE_KEYS = Set.of("kind", "name", "depends-on");
    static final Set<String> DEPENDENCY_KEYS = Set.of("cluster", "server", "access", "via");
    static final Set<String> WAIVERS_KEYS = Set.of("kind", "waivers");
    static final Set<String> WAIVER_KEYS = Set.of("rule", "subject", "target", "reason", "owner", "expires");

    private final LoadSink sink;
    /** Equal tag maps as one object: a fleet repeats a few combinations (team, engine) on every server. */
    private final Map<Map<String, String>, Map<String, String>> tagSets = new HashMap<>();

    public NativeReader(LoadSink sink) {
        this.sink = sink;
    }

    /** True when the document looks native: a map with {@code kind} and no {@code apiVersion}. */
    public static boolean isNative(PNode doc) {
        return doc instanceof PMap m && m.get("kind").isPresent() && m.get("apiVersion").isEmpty()
                || KindGuess.looksNative(doc);
    }

    /**
     * The servers of an inventory's list read while its document was still being parsed
     * ({@link YamlTreeParser.Stream}): {@code servers} is the emptied list that stands for them in the document.
     */
    record PreRead(PSeq servers, dev.failscope.model.TopologyBuilder part, List<LoadError> errors) {}

    private PreRead preRead;

    /** Reads one document; problems go to the sink. */
    public void read(PNode doc) {
        read(doc, null);
    }

    /** Reads one document whose inventory servers were read already (or null); problems go to the sink. */
    void read(PNode doc, PreRead pre) {
        preRead = pre;
        try {
            readDocument(doc);
        } finally {
            preRead = null;
        }
    }

    private void readDocument(PNode doc) {
        if (!(doc instanceof PMap map)) {
            sink.error("a document must be a map with a 'kind', got " + doc.describe(), doc.position());
            return;
        }
        Optional<PNode> kindNode = map.get("kind");
        if (kindNode.isEmpty()) {
            KindGuess.missingKind(map).ifPresentOrElse(sink::error, () -> sink.error("document has no 'kind': "
                    + "expected one of " + String.join(", ", KINDS), map.position()));
            return;
        }
        if (!(kindNode.get() instanceof PScalar kind) || kind.type() != ScalarType.STRING) {
            sink.error("'kind' must be one of " + String.join(", ", KINDS) + ", got " + kindNode.get().describe(),
                    kindNode.get().position());
            return;
        }
        switch (kind.text()) {
            case "inventory" -> inventory(map);
            case "cluster" -> cluster(map);
            case "failover" -> failover(map);
            case "service" -> service(map);
            case "waivers" -> new WaiverReader(sink).read(map);
            case "route" -> new RouteReader(sink).read(map);
            default -> sink.error("unknown kind '" + kind.text() + "'"
                    + Suggestions.closest(kind.text(), KINDS).map(s -> ": did you mean '" + s + "'?")
                    .orElse(": expected one of " + String.join(", ", KINDS)), kind.position());
        }
    }

    private void inventory(PMap map) {
        Fields f = new Fields(map, "inventory", sink);
        f.checkKeys(INVENTORY_KEYS, "inventory");
        if (f.bool("authoritative", false)) {
            sink.builder().authoritativeInventory(map.get("authoritative").orElseThrow().position());
        }
        Optional<PSeq> servers = f.list("servers");
        if (servers.isEmpty() && map.get("servers").isEmpty()) {
            sink.error("inventory is missing required key 'servers'", map.position());
        }
        servers.ifPresent(seq -> {
            if (preRead != null && preRead.servers() == seq) {
                preRead.errors().forEach(sink::error);
                sink.builder().append(preRead.part());
            } else {
                seq.items().forEach(this::server);
            }
        });
    }

    private Map<String, String> sharedTags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return Map.of();
        }
        Map<String, String> known = tagSets.get(tags); // maps are equal by content: no copy to find one
        if (known != null) {
            return known;
        }
        Map<String, String> copy = Map.copyOf(tags);
        if (tagSets.size() < 4096) { // a fleet whose tags are all distinct gains nothing; the cache stays bounded
            tagSets.put(copy, copy);
        }
        return copy;
    }

    /** One item of an inventory's {@code servers} list. */
    void server(PNode node) {
        if (!(node instanceof PMap map)) {
            sink.error("a server must be a map with at least a 'name', got " + node.describe(), node.position());
            return;
        }
        Optional<String> named = map.text("name");
        String label = named.isPresent() ? "server '" + named.get() + "'" : "server";
        Fields f = new Fields(map, label, sink);
        PScalar name = f.requiredName("name");
        f.checkKeys(SERVER_KEYS, name != null ? name.text() : "inventory");
        Optional<String> address = f.string("address");
        Optional<String> region = f.string("region");
        Optional<String> zone = f.string("zone");
        Optional<String> host = f.string("host");
        ServerStatus status = f.choice("status", ServerStatus.class).orElse(ServerStatus.ACTIVE);
        boolean noFailover = f.bool("no-failover", false);
        var tags = sharedTags(f.stringMap("tags"));
        Optional<PNode> observed = f.node("observed");
        if (name != null && observed.isPresent()) {
            new ObservationReader(sink).read(observed.get(), name.text())
                    .ifPresent(o -> sink.builder().observation(name.text(), o));
        }
        if (name != null) {
            sink.builder().server(new Server(name.text(), name.position(), address.orElse(null),
                    region.orElse(null), zone.orElse(null), host.orElse(null), status, noFailover, tags, f.facts()));
        }
    }

    private void cluster(PMap map) {
        Optional<String> named = map.text("name"); // per cluster, replica and policy: no capturing lambdas
        String label = named.isPresent() ? "cluster '" + named.get() + "'" : "cluster";
        Fields f = new Fields(map, label, sink);
        PScalar name = f.requiredName("name");
        f.checkKeys(CLUSTER_KEYS, name != null ? name.text() : "cluster");
        Optional<String> engine = f.string("engine");
        PScalar primary = f.requiredName("primary");
        Optional<PScalar> upstream = f.optionalName("upstream");
        List<Replica> replicas = new ArrayList<>();
        String clusterName = name != null ? name.text() : "cluster";
        Optional<PSeq> items = f.list("replicas");
        if (items.isPresent()) {
            for (PNode item : items.get().items()) {
                Optional<Replica> replica = replica(item, label, clusterName);
                if (replica.isPresent()) {
                    replicas.add(replica.get());
                }
            }
        }
        if (name != null && primary != null) {
            sink.builder().cluster(new Cluster(name.text(), name.position(), engine.orElse(null), ref(primary),
                    replicas, f.facts(), upstream.isPresent() ? ref(upstream.get()) : null));
        }
    }

    private Optional<Replica> replica(PNode node, String cluster, String clusterName) {
        if (!(node instanceof PMap map)) {
            sink.error("a replica of " + cluster + " must be a map with a 'server', got " + node.describe(),
                    node.position());
            return Optional.empty();
        }
        Optional<String> named = map.text("server");
        String label = (named.isPresent() ? "replica '" + named.get() + "'" : "replica") + " of " + cluster;
        Fields f = new Fields(map, label, sink);
        PScalar server = f.requiredName("server");
        f.checkKeys(REPLICA_KEYS, clusterName);
        Optional<PScalar> source = f.optionalName("source");
        ReplicationMode mode = f.choice("mode", ReplicationMode.class).orElse(ReplicationMode.ASYNC);
        var lag = f.duration("lag");
        if (server == null) {
            return Optional.empty();
        }
        return Optional.of(new Replica(ref(server), source.isPresent() ? ref(source.get()) : null, mode,
                lag.orElse(null), f.facts()));
    }

    private void failover(PMap map) {
        Optional<String> named = map.text("cluster");
        String label = named.isPresent() ? "failover of '" + named.get() + "'" : "failover";
        Fields f = new Fields(map, label, sink);
        PScalar cluster = f.requiredName("cluster");
        f.checkKeys(FAILOVER_KEYS, cluster != null ? cluster.text() : "failover");
        List<Ref> candidates = new ArrayList<>();
        Optional<PSeq> list = f.list("candidates");
        if (list.isEmpty() && map.get("candidates").isEmpty()) {
            sink.error(label + " is missing required key 'candidates'", map.position());
        }
        if (list.isPresent()) {
            names(list.get(), "a failover candidate", candidates);
        }
        List<Ref> monitors = new ArrayList<>();
        Optional<PSeq> monitorList = f.list("monitors");
        if (monitorList.isPresent()) {
            names(monitorList.get(), "a monitor", monitors);
        }
        var detection = f.duration("detection").orElse(FailoverPolicy.DEFAULT_DETECTION);
        var attempt = f.duration("attempt-timeout").orElse(FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT);
        var maxLag = f.duration("max-lag").orElse(null);
        boolean requireSync = f.bool("require-sync", false);
        boolean sameRegion = f.bool("same-region-only", false);
        Long maxLagBytes = f.integer("max-lag-bytes", 0).orElse(null);
        Integer syncCount = f.integer("sync-replicas", 0).map(NativeReader::toInt).orElse(null);
        boolean strictSync = f.bool("strict-sync", false);
        Integer quorum = f.integer("quorum", 1).map(NativeReader::toInt).orElse(null);
        Optional<String> managerText = f.string("manager");
        ManagerSpec manager = managerText.isPresent()
                ? manager(managerText.get(), map.value("manager").position()) : ManagerSpec.NATIVE;
        if (cluster != null) {
            sink.builder().policy(new FailoverPolicy(ref(cluster), candidates, detection, attempt, maxLag,
                    requireSync, sameRegion, f.facts(), maxLagBytes, syncCount, strictSync, quorum, monitors,
                    manager));
        }
    }

    /** {@code patroni@3.0}: a manager id and an optional version. */
    private ManagerSpec manager(String text, SourcePosition at) {
        String[] parts = text.trim().split("@", 2);
        Optional<ManagerKind> kind = ManagerKind.byId(parts[0]);
        List<String> ids = java.util.Arrays.stream(ManagerKind.values()).map(ManagerKind::id).toList();
        if (kind.isEmpty()) {
            sink.error("unknown manager '" + parts[0] + "'" + Suggestions.closest(parts[0], ids)
                    .map(s -> ": did you mean '" + s + "'?").orElse(": expected one of " + String.join(", ", ids)),
                    at);
            return ManagerSpec.NATIVE;
        }
        String version = parts.length > 1 ? parts[1].trim() : null;
        if (version != null && !version.matches("\\d{1,4}(\\.\\d{1,4}){0,2}")) {
            sink.error("manager version must look like 3.0 or 3.0.2, got '" + version + "'", at);
            version = null;
        }
        if (version != null && kind.get() == ManagerKind.NATIVE) {
            sink.error("the native manager has no versions", at);
            version = null;
        }
        return ManagerSpec.of(kind.get(), version, at);
    }

    private void names(PSeq seq, String what, List<Ref> into) {
        for (PNode item : seq.items()) {
            if (item instanceof PScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)
                    && !s.text().isBlank()) {
                into.add(ref(s));
            } else {
                sink.error(what + " must be a server name, got " + item.describe(), item.position());
            }
        }
    }

    private void service(PMap map) {
        String label = map.text("name").map(n -> "service '" + n + "'").orElse("service");
        Fields f = new Fields(map, label, sink);
        PScalar name = f.requiredName("name");
        f.checkKeys(SERVICE_KEYS, name != null ? name.text() : "service");
        List<Dependency> deps = new ArrayList<>();
        Optional<PSeq> list = f.list("depends-on");
        if (list.isEmpty() && map.get("depends-on").isEmpty()) {
            sink.error(label + " is missing required key 'depends-on'", map.position());
        } else if (list.isPresent() && list.get().items().isEmpty()) {
            sink.error(label + " must depend on at least one cluster or server", list.get().position());
        }
        list.ifPresent(seq -> seq.items().forEach(item -> dependency(item, label, name)
                .ifPresent(deps::add)));
        if (name != null) {
            sink.builder().service(new Service(name.text(), name.position(), deps, f.facts()));
        }
    }

    private Optional<Dependency> dependency(PNode node, String service, PScalar serviceName) {
        if (!(node instanceof PMap map)) {
            sink.error("a dependency of " + service + " must be a map with 'cluster' or 'server', got "
                    + node.describe(), node.position());
            return Optional.empty();
        }
        Fields f = new Fields(map, "dependency of " + service, sink);
        f.checkKeys(DEPENDENCY_KEYS, serviceName != null ? serviceName.text() : "service");
        Optional<PScalar> cluster = f.optionalName("cluster");
        Optional<PScalar> server = f.optionalName("server");
        Access access = f.choice("access", Access.class).orElse(Access.WRITE);
        Optional<PScalar> via = f.optionalName("via");
        boolean hasCluster = map.get("cluster").isPresent();
        boolean hasServer = map.get("server").isPresent();
        if (hasCluster == hasServer) {
            sink.error("a dependency of " + service + " needs exactly one of 'cluster' or 'server'",
                    map.position());
            return Optional.empty();
        }
        Optional<PScalar> target = hasCluster ? cluster : server;
        return target.map(t -> new Dependency(
                hasCluster ? Dependency.Kind.CLUSTER : Dependency.Kind.SERVER, ref(t), access,
                via.map(NativeReader::ref).orElse(null)));
    }

    private static int toInt(long v) {
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    static Ref ref(PScalar s) {
        return new Ref(s.text(), s.position());
    }
}
