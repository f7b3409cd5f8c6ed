package dev.failscope.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis Sentinel: {@code SENTINEL MASTERS} of each sentinel, then per master {@code SENTINEL REPLICAS} and
 * {@code SENTINEL SENTINELS}, and {@code INFO replication} of the master and every replica (offsets, links,
 * replica-priority as the node itself reports it). Read-only commands only.
 */
final class SentinelSource {
    private final LiveOptions options;

    SentinelSource(LiveOptions options) {
        this.options = options;
    }

    void read(List<Endpoint> endpoints, Deadline deadline, List<LiveCluster> clusters, List<Unreachable> problems) {
        Set<String> seen = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            Optional<HostPort> at = HostPort.parse(e.address());
            if (at.isEmpty()) {
                problems.add(new Unreachable(e, null, null, "not host:port"));
                continue;
            }
            try (RespClient c = RespClient.open(at.get(), options, deadline)) {
                String version = info(c.call("INFO", "server")).getOrDefault("redis_version", null);
                Object masters = c.call("SENTINEL", "MASTERS");
                if (!(masters instanceof List<?> list)) {
                    problems.add(new Unreachable(e, null, null, "SENTINEL MASTERS: " + describe(masters)));
                    continue;
                }
                for (Object m : list) {
                    Map<String, String> master = flat(m);
                    String name = master.get("name");
                    if (name == null || !seen.add(name)) {
                        continue;
                    }
                    clusters.add(cluster(e, at.get(), c, name, master, version, deadline, problems));
                }
            } catch (RespClient.RespException ex) {
                problems.add(new Unreachable(e, null, null, ex.getMessage()));
            }
        }
    }

    private LiveCluster cluster(Endpoint e, HostPort sentinel, RespClient c, String name, Map<String, String> master,
                                String version, Deadline deadline, List<Unreachable> problems)
            throws RespClient.RespException {
        List<Map<String, String>> replicas = flats(c.call("SENTINEL", "REPLICAS", name));
        List<Map<String, String>> sentinels = flats(c.call("SENTINEL", "SENTINELS", name));
        String masterName = node(master);
        Map<String, String> masterInfo = info(e, name, masterName, deadline, problems);
        List<LiveMember> members = new ArrayList<>();
        long masterOffset = longOf(masterInfo.get("master_repl_offset")).orElse(-1L);
        members.add(new LiveMember(masterName, masterName, masterInfo.getOrDefault("role", "master"),
                state(master.get("flags"), masterInfo), null, null, null, null,
                masterOffset < 0 ? null : masterOffset, null, false, null, Map.of()));
        for (Map<String, String> r : replicas) {
            String rn = node(r);
            Map<String, String> ri = info(e, name, rn, deadline, problems);
            Long offset = longOf(ri.get("slave_repl_offset")).or(() -> longOf(r.get("slave-repl-offset")))
                    .orElse(null);
            Integer priority = longOf(ri.get("slave_priority")).or(() -> longOf(ri.get("replica_priority")))
                    .or(() -> longOf(r.get("slave-priority"))).or(() -> longOf(r.get("replica-priority")))
                    .map(Long::intValue).orElse(null);
            String upstream = ri.containsKey("master_host") && ri.containsKey("master_port")
                    ? HostPort.parse(ri.get("master_host") + ":" + ri.get("master_port")).map(HostPort::name)
                    .orElse(null) : null;
            Long lag = offset != null && masterOffset >= 0 && upstream != null && upstream.equals(masterName)
                    ? Math.max(0, masterOffset - offset) : null;
            members.add(new LiveMember(rn, rn, ri.getOrDefault("role", "slave"), state(r.get("flags"), ri), null,
                    null, lag, "async", offset, priority, priority != null && priority == 0,
                    upstream != null && !upstream.equals(masterName) ? upstream : null, Map.of()));
        }
        members.sort(Comparator.comparing((LiveMember m) -> !m.name().equals(masterName))
                .thenComparing(LiveMember::name));
        List<String> monitors = new ArrayList<>();
        monitors.add(sentinel.name());
        sentinels.stream().map(SentinelSource::node).filter(s -> !monitors.contains(s)).forEach(monitors::add);
        // Sentinel's order (sentinelSelectSlave): lower replica-priority first, then the larger offset
        List<String> candidates = members.stream().filter(m -> !m.name().equals(masterName) && !m.noFailover())
                .sorted(Comparator.comparingInt((LiveMember m) -> m.priority() == null ? 100 : m.priority())
                        .thenComparing(m -> -(m.offset() == null ? 0 : m.offset())).thenComparing(LiveMember::name))
                .map(LiveMember::name).toList();
        boolean masterDown = master.getOrDefault("flags", "").contains("down")
                || master.getOrDefault("flags", "").contains("disconnected");
        return new LiveCluster(name, "redis", version == null ? "sentinel" : "sentinel@" + version, e.describe(),
                masterDown ? null : masterName, members, longOf(master.get("down-after-milliseconds"))
                .map(Duration::ofMillis).orElse(null), longOf(master.get("failover-timeout")).map(Duration::ofMillis)
                .orElse(null), null, false, false, longOf(master.get("quorum")).map(Long::intValue).orElse(null),
                null, monitors, candidates);
    }

    /** {@code INFO replication} of one data node; empty (and a problem) when it does not answer. */
    private Map<String, String> info(Endpoint via, String cluster, String node, Deadline deadline,
                                     List<Unreachable> problems) {
        Endpoint at = new Endpoint(Endpoint.Kind.SENTINEL, node, via.origin());
        Optional<HostPort> hp = HostPort.parse(node);
        if (hp.isEmpty()) {
            problems.add(new Unreachable(at, cluster, node, "the sentinel names it by an address that is not "
                    + "host:port"));
            return Map.of("unreachable", "true");
        }
        try (RespClient c = RespClient.open(hp.get(), options, deadline)) {
            Object r = c.call("INFO", "replication");
            if (r instanceof RespClient.Error err) {
                problems.add(new Unreachable(at, cluster, node, "INFO replication: " + err.message()));
                return Map.of("unreachable", "true");
            }
            return info(r);
        } catch (RespClient.RespException ex) {
            problems.add(new Unreachable(at, cluster, node, "INFO replication: " + ex.getMessage()));
            return Map.of("unreachable", "true");
        }
    }

    private static String state(String flags, Map<String, String> info) {
        if (info.containsKey("unreachable")) {
            return "unreachable";
        }
        String f = flags == null ? "" : flags;
        if (f.contains("s_down") || f.contains("o_down") || f.contains("disconnected")) {
            return "stopped";
        }
        if ("slave".equals(info.get("role"))) {
            return "up".equals(info.get("master_link_status")) ? "streaming" : "stopped";
        }
        return "running";
    }

    /** {@code key:value} lines of an INFO reply. */
    static Map<String, String> info(Object reply) {
        Map<String, String> out = new TreeMap<>();
        if (reply instanceof String s) {
            for (String line : s.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    out.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    /** A flat {@code [k1, v1, k2, v2 ...]} reply as a map (Sentinel's RESP2 form). */
    static Map<String, String> flat(Object reply) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reply instanceof List<?> l) {
            for (int i = 0; i + 1 < l.size(); i += 2) {
                out.put(String.valueOf(l.get(i)), String.valueOf(l.get(i + 1)));
            }
        }
        return out;
    }

    private static List<Map<String, String>> flats(Object reply) {
        List<Map<String, String>> out = new ArrayList<>();
        if (reply instanceof List<?> l) {
            l.forEach(o -> out.add(flat(o)));
        }
        return out;
    }

    private static String node(Map<String, String> m) {
        String ip = m.getOrDefault("ip", "?");
        String port = m.getOrDefault("port", "?");
        return HostPort.parse(ip + ":" + port).map(HostPort::name).orElse(ip + ":" + port);
    }

    private static String describe(Object reply) {
        return reply instanceof RespClient.Error e ? e.message() : "not a list";
    }

    private static Optional<Long> longOf(String s) {
        if (s == null || !s.trim().matches("-?\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s.trim()));
    }
}
