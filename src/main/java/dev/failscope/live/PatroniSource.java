package dev.failscope.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Patroni through its REST API: {@code GET /cluster} of the first member that answers (members, roles, lag,
 * timeline, tags as the DCS holds them), {@code GET /config} (ttl, loop_wait, maximum_lag_on_failover,
 * synchronous_mode) and {@code GET /patroni} of every member (its version, WAL position, replication state).
 * Read-only: GETs only.
 */
final class PatroniSource {
    private final HttpJson http;
    private final LiveOptions options;

    PatroniSource(HttpJson http, LiveOptions options) {
        this.http = http;
        this.options = options;
    }

    /** The clusters behind the endpoints (several endpoints of one scope are read once). */
    void read(List<Endpoint> endpoints, Deadline deadline, List<LiveCluster> clusters, List<Unreachable> problems) {
        Map<String, Endpoint> scopes = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            Optional<URI> base = base(e, problems);
            if (base.isEmpty()) {
                continue;
            }
            HttpJson.Reply r = http.get(base.get().resolve("/cluster"), options.credentials().patroniBasic(),
                    deadline);
            if (r instanceof HttpJson.Failed f) {
                problems.add(new Unreachable(e, null, null, "GET /cluster: " + f.reason()));
                continue;
            }
            JsonNode cluster = ((HttpJson.Json) r).body();
            if (!cluster.path("members").isArray()) {
                problems.add(new Unreachable(e, null, null, "GET /cluster: no members list in the answer"));
                continue;
            }
            String scope = text(cluster, "scope").orElseGet(() -> scopeFromPatroni(base.get(), deadline)
                    .orElse("patroni"));
            if (scopes.putIfAbsent(scope, e) != null) {
                continue;
            }
            clusters.add(cluster(scope, e, base.get(), cluster, deadline, problems));
        }
    }

    private Optional<String> scopeFromPatroni(URI base, Deadline deadline) {
        HttpJson.Reply r = http.get(base.resolve("/patroni"), options.credentials().patroniBasic(), deadline);
        return r instanceof HttpJson.Json j ? text(j.body().path("patroni"), "scope") : Optional.empty();
    }

    private LiveCluster cluster(String scope, Endpoint e, URI base, JsonNode cluster, Deadline deadline,
                                List<Unreachable> problems) {
        JsonNode config = config(e, base, scope, deadline, problems);
        List<LiveMember> members = new ArrayList<>();
        String version = null;
        for (JsonNode m : cluster.path("members")) {
            Optional<String> name = text(m, "name");
            if (name.isEmpty()) {
                problems.add(new Unreachable(e, scope, null, "GET /cluster: a member without a name"));
                continue;
            }
            Optional<JsonNode> status = Optional.empty();
            boolean answered = true;
            Optional<URI> api = text(m, "api_url").flatMap(PatroniSource::uri);
            if (api.isPresent()) {
                Endpoint memberEndpoint = new Endpoint(Endpoint.Kind.PATRONI, api.get().getScheme() + "://"
                        + api.get().getRawAuthority(),
                        e.origin());
                HttpJson.Reply r = http.get(base(api.get()).resolve("/patroni"), options.credentials()
                        .patroniBasic(), deadline);
                if (r instanceof HttpJson.Json j) {
                    status = Optional.of(j.body());
                } else {
                    answered = false;
                    problems.add(new Unreachable(memberEndpoint, scope, name.get(), "GET /patroni: "
                            + ((HttpJson.Failed) r).reason()));
                }
            }
            if (version == null) {
                version = status.flatMap(s -> text(s.path("patroni"), "version")).orElse(null);
            }
            LiveMember member = member(name.get(), m, status);
            members.add(answered ? member : member.withState("unreachable"));
        }
        members.sort(Comparator.comparing((LiveMember m) -> !m.leads()).thenComparing(LiveMember::name));
        String primary = members.stream().filter(LiveMember::leads).map(LiveMember::name).findFirst().orElse(null);
        boolean sync = config.path("synchronous_mode").asBoolean(false)
                || "quorum".equals(config.path("synchronous_mode").asText(""));
        List<String> candidates = members.stream().filter(m -> !m.leads() && !m.noFailover())
                .map(LiveMember::name).toList();
        return new LiveCluster(scope, "postgresql", version == null ? "patroni" : "patroni@" + version,
                e.describe(), primary, members, number(config, "ttl").map(Duration::ofSeconds).orElse(null), null,
                number(config, "maximum_lag_on_failover").orElse(null), sync,
                config.path("synchronous_mode_strict").asBoolean(false), null, number(config, "loop_wait")
                .orElse(null), List.of(), candidates);
    }

    private JsonNode config(Endpoint e, URI base, String scope, Deadline deadline, List<Unreachable> problems) {
        HttpJson.Reply r = http.get(base.resolve("/config"), options.credentials().patroniBasic(), deadline);
        if (r instanceof HttpJson.Json j && j.body().isObject()) {
            return j.body();
        }
        problems.add(new Unreachable(e, scope, null, "GET /config: " + (r instanceof HttpJson.Failed f ? f.reason()
                : "not a JSON object")));
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** One member from its /cluster entry and, when it answered, its own /patroni status. */
    static LiveMember member(String name, JsonNode m, Optional<JsonNode> status) {
        String role = text(m, "role").orElse(null);
        String state = text(m, "state").orElse(null);
        Long timeline = number(m, "timeline").or(() -> status.flatMap(s -> number(s, "timeline"))).orElse(null);
        Long lag = m.path("lag").isIntegralNumber() ? m.path("lag").asLong() : null;
        Map<String, String> tags = new TreeMap<>();
        m.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().isTextual()
                ? t.getValue().asText() : t.getValue().toString()));
        boolean noFailover = truthy(m.path("tags").path("nofailover"));
        Integer priority = m.path("tags").path("failover_priority").isIntegralNumber()
                ? m.path("tags").path("failover_priority").asInt() : null;
        String lsn = status.flatMap(PatroniSource::lsn).orElse(null);
        String sync = role == null ? null : switch (role) {
            case "sync_standby" -> "sync";
            case "quorum_standby" -> "quorum";
            case "replica" -> "async";
            default -> null;
        };
        String address = text(m, "host").map(h -> number(m, "port").map(p -> h + ":" + p).orElse(h)).orElse(null);
        String source = text(m.path("tags"), "replicatefrom").orElse(null);
        return new LiveMember(name, address, role, state, timeline, lsn, lag, sync, null, priority, noFailover,
                source, tags);
    }

    /** Python truthiness of a tag, as Patroni reads it ({@code tags.py}: {@code bool(value)}). */
    static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        return v.size() > 0;
    }

    /** The replayed (replicas) or current (leader) WAL position of /patroni's {@code xlog}, as {@code hi/lo}. */
    static Optional<String> lsn(JsonNode status) {
        JsonNode x = status.path("xlog");
        for (String key : List.of("replayed_location", "received_location", "location")) {
            if (x.path(key).isIntegralNumber()) {
                return Optional.of(formatLsn(x.path(key).asLong()));
            }
        }
        return Optional.empty();
    }

    static String formatLsn(long v) {
        return Long.toHexString(v >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(v & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    private Optional<URI> base(Endpoint e, List<Unreachable> problems) {
        Optional<URI> u = uri(e.address().contains("://") ? e.address() : "http://" + e.address());
        if (u.isEmpty()) {
            problems.add(new Unreachable(e, null, null, "not an http(s) URL"));
        }
        return u.map(PatroniSource::base);
    }

    private static URI base(URI u) {
        return URI.create(u.getScheme() + "://" + u.getRawAuthority() + "/");
    }

    static Optional<URI> uri(String s) {
        try {
            URI u = new URI(s.trim());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getRawAuthority() == null || u.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    static Optional<Long> number(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (v.isIntegralNumber()) {
            return Optional.of(v.asLong());
        }
        if (v.isTextual() && v.asText().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(v.asText()));
        }
        return Optional.empty();
    }
}
