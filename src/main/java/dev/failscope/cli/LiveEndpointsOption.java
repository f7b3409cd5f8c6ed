package dev.failscope.cli;

import dev.failscope.live.Credentials;
import dev.failscope.live.Endpoint;
import dev.failscope.live.EndpointDiscovery;
import dev.failscope.live.LiveOptions;
import dev.failscope.load.LoadError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The live endpoints and how to reach them: {@code --patroni}, {@code --sentinel}, {@code --etcd} or
 * {@code --from PATH}, timeouts, and credentials from the environment or {@code --password-file}.
 */
public final class LiveEndpointsOption {

    @Option(names = "--patroni", paramLabel = "URL", description = "A Patroni member's REST API "
            + "(http://host:8008), repeatable.")
    List<String> patroni = new ArrayList<>();

    @Option(names = "--sentinel", paramLabel = "HOST:PORT", description = "A Redis sentinel, repeatable.")
    List<String> sentinel = new ArrayList<>();

    @Option(names = "--etcd", paramLabel = "URL", description = "An etcd v3 endpoint holding Patroni's keys "
            + "(read only when no Patroni REST API answers), repeatable.")
    List<String> etcd = new ArrayList<>();

    @Option(names = "--from", paramLabel = "PATH", description = "Take the endpoints from committed configs: "
            + "Patroni restapi.connect_address and etcd hosts, sentinel.conf port (repeatable).")
    List<String> from = new ArrayList<>();

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "2s",
            description = "Per connection (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "3s",
            description = "Per request (default: ${DEFAULT-VALUE}).")
    String readTimeout;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "20s",
            description = "For the whole snapshot; what is not read by then is unreachable "
                    + "(default: ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Credentials as properties: "
            + "patroni.user, patroni.password, redis.user, redis.password, etcd.user, etcd.password (else the "
            + "environment: FAILSCOPE_PATRONI_USER/_PASSWORD, FAILSCOPE_REDIS_PASSWORD or REDISCLI_AUTH, "
            + "FAILSCOPE_ETCD_USER/_PASSWORD). Never printed.")
    Path passwordFile;

    /** The endpoints and options, or the problems (load errors, usage) that stop the command. */
    record Resolved(List<Endpoint> endpoints, LiveOptions options, List<LoadError> errors, String usage) {}

    boolean given() {
        return !patroni.isEmpty() || !sentinel.isEmpty() || !etcd.isEmpty() || !from.isEmpty();
    }

    Resolved resolve(Map<String, String> env, Clock clock, List<String> defaultFrom) {
        Duration connect = dev.failscope.model.Durations.parse(connectTimeout).orElse(null);
        Duration read = dev.failscope.model.Durations.parse(readTimeout).orElse(null);
        Duration total = dev.failscope.model.Durations.parse(deadline).orElse(null);
        for (String[] d : new String[][] {{"--connect-timeout", connectTimeout}, {"--read-timeout", readTimeout},
            {"--deadline", deadline}}) {
            Duration v = dev.failscope.model.Durations.parse(d[1]).orElse(null);
            if (v == null || v.isZero()) {
                return new Resolved(List.of(), null, List.of(), d[0] + " wants a positive duration such as 2s or "
                        + "500ms, not '" + d[1] + "'");
            }
        }
        Credentials credentials;
        try {
            credentials = credentials(env);
        } catch (IOException e) {
            return new Resolved(List.of(), null, List.of(), "cannot read --password-file " + passwordFile + ": "
                    + dev.failscope.io.IoProblems.describe(e));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        patroni.forEach(p -> endpoints.add(Endpoint.flag(Endpoint.Kind.PATRONI, p)));
        sentinel.forEach(p -> endpoints.add(Endpoint.flag(Endpoint.Kind.SENTINEL, p)));
        etcd.forEach(p -> endpoints.add(Endpoint.flag(Endpoint.Kind.ETCD, p)));
        List<LoadError> errors = new ArrayList<>();
        List<String> fromPaths = !from.isEmpty() ? from : endpoints.isEmpty() ? defaultFrom : List.of();
        if (!fromPaths.isEmpty()) {
            EndpointDiscovery.Found found = EndpointDiscovery.from(fromPaths);
            endpoints.addAll(found.endpoints());
            errors.addAll(found.errors());
        }
        if (endpoints.isEmpty() && errors.isEmpty()) {
            return new Resolved(List.of(), null, List.of(), "give --patroni, --sentinel, --etcd or --from");
        }
        return new Resolved(endpoints, new LiveOptions(connect, read, total, credentials, clock), errors, null);
    }

    private Credentials credentials(Map<String, String> env) throws IOException {
        Properties p = new Properties();
        if (passwordFile != null) {
            try (var in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return Credentials.from(env, p);
    }
}
