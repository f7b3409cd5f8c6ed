package dev.failscope.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Patroni's keys in etcd v3, through etcd's JSON gateway ({@code POST /v3/kv/range}, keys and values base64), for
 * when no member's REST API answers: {@code /service/<scope>/members/<name>}, {@code leader}, {@code config},
 * {@code sync} and {@code status}. The members' own WAL positions are what they last wrote there. Read-only: a
 * range request changes nothing.
 */
final class EtcdSource {
    static final String NAMESPACE = "/service/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpJson http;
    private final LiveOptions options;

    EtcdSource(HttpJson http, LiveOptions options) {
        this.http = http;
        this.options = options;
    }

    void read(Endpoint e, Deadline deadline, List<LiveCluster> clusters, List<Unreachable> problems) {
        Optional<URI> base = PatroniSource.uri(e.address().contains("://") ? e.address() : "http://" + e.address());
        if (base.isEmpty()) {
            problems.add(new Unreachable(e, null, null, "not an http(s) URL"));
            return;
        }
        String body = "{\"key\":\"" + b64(NAMESPACE) + "\",\"range_end\":\"" + b64(rangeEnd(NAMESPACE)) + "\"}";
        URI uri = URI.create(base.get().getScheme() + "://" + base.get().getRawAuthority() + "/v3/kv/range");
        HttpJson.Reply r = http.post(uri, options.credentials().etcdBasic(), deadline, body);
        if (r instanceof HttpJson.Failed f) {
            problems.add(new Unreachable(e, null, null, "POST /v3/kv/range: " + f.reason()));
            return;
        }
        Map<String, Map<String, String>> scopes = new TreeMap<>();
        for (JsonNode kv : ((HttpJson.Json) r).body().path("kvs")) {
            Optional<String> key = unb64(kv.path("key").asText(""));
            Optional<String> value = unb64(kv.path("value").asText(""));
            if (key.isEmpty() || value.isEmpty() || !key.get().startsWith(NAMESPACE)) {
                continue;
            }
            String rest = key.get().substring(NAMESPACE.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            scopes.computeIfAbsent(rest.substring(0, slash), s -> new TreeMap<>()).put(rest.substring(slash + 1),
                    value.get());
        }
        if (scopes.isEmpty()) {
            problems.add(new Unreachable(e, null, null, "no Patroni keys under " + NAMESPACE));
        }
        scopes.forEach((scope, keys) -> clusters.add(cluster(e, scope, keys)));
    }

    private static LiveCluster cluster(Endpoint e, String scope, Map<String, String> keys) {
        String leader = keys.get("leader");
        JsonNode config = json(keys.get("config"));
        JsonNode sync = json(keys.get("sync"));
        JsonNode status = json(keys.get("status"));
        Long optime = PatroniSource.number(status, "optime").orElse(null);
        List<LiveMember> members = new ArrayList<>();
        String version = null;
        Map<String, JsonNode> byName = new TreeMap<>();
        keys.forEach((k, v) -> {
            if (k.startsWith("members/") && k.length() > "members/".length()) {
                byName.put(k.substring("members/".length()), json(v));
            }
        });
        if (optime == null && leader != null && byName.containsKey(leader)) {
            optime = PatroniSource.number(byName.get(leader), "xlog_location").orElse(null);
        }
        for (Map.Entry<String, JsonNode> m : byName.entrySet()) {
            JsonNode j = m.getValue();
            version = version != null ? version : PatroniSource.text(j, "version").orElse(null);
            boolean leads = m.getKey().equals(leader);
            boolean isSync = m.getKey().equals(sync.path("sync_standby").asText(null))
                    || sync.path("sync_standby").asText("").contains(m.getKey());
            String role = leads ? "leader" : isSync ? "sync_standby" : "replica";
            Optional<Long> xlog = PatroniSource.number(j, "xlog_location");
            Long lag = !leads && xlog.isPresent() && optime != null ? Math.max(0, optime - xlog.get()) : null;
            boolean noFailover = PatroniSource.truthy(j.path("tags").path("nofailover"));
            Map<String, String> tags = new TreeMap<>();
            j.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().isTextual()
                    ? t.getValue().asText() : t.getValue().toString()));
            String address = PatroniSource.text(j, "conn_url").flatMap(EtcdSource::hostPort).orElse(null);
            members.add(new LiveMember(m.getKey(), address, role, PatroniSource.text(j, "state").orElse(null),
                    PatroniSource.number(j, "timeline").orElse(null), xlog.map(PatroniSource::formatLsn)
                    .orElse(null), lag, leads ? null : isSync ? "sync" : "async", null, null, noFailover,
                    PatroniSource.text(j.path("tags"), "replicatefrom").orElse(null), tags));
        }
        members.sort(Comparator.comparing((LiveMember m) -> !m.leads()).thenComparing(LiveMember::name));
        boolean syncMode = config.path("synchronous_mode").asBoolean(false)
                || "quorum".equals(config.path("synchronous_mode").asText(""));
        return new LiveCluster(scope, "postgresql", version == null ? "patroni" : "patroni@" + version,
                e.describe(), leader != null && byName.containsKey(leader) ? leader : null, members,
                PatroniSource.number(config, "ttl").map(Duration::ofSeconds).orElse(null), null,
                PatroniSource.number(config, "maximum_lag_on_failover").orElse(null), syncMode,
                config.path("synchronous_mode_strict").asBoolean(false), null,
                PatroniSource.number(config, "loop_wait").orElse(null), List.of(hostOf(e)),
                members.stream().filter(m -> !m.leads() && !m.noFailover()).map(LiveMember::name).toList());
    }

    private static String hostOf(Endpoint e) {
        return PatroniSource.uri(e.address().contains("://") ? e.address() : "http://" + e.address())
                .map(u -> u.getRawAuthority()).orElse(e.address());
    }

    private static Optional<String> hostPort(String connUrl) {
        try {
            URI u = new URI(connUrl);
            return u.getHost() == null ? Optional.empty() : Optional.of(u.getHost() + (u.getPort() > 0 ? ":"
                    + u.getPort() : ""));
        } catch (java.net.URISyntaxException ex) {
            return Optional.empty();
        }
    }

    private static JsonNode json(String s) {
        if (s == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = JSON.readTree(s);
            return n == null ? MissingNode.getInstance() : n;
        } catch (IOException ex) {
            return MissingNode.getInstance();
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> unb64(String s) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** The end of a prefix range: the prefix with its last byte plus one ({@code /service/} to {@code /service0}). */
    static String rangeEnd(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
