package dev.failscope.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a snapshot: reads every endpoint within the options' deadline and returns what answered and
 * what did not. Patroni through the REST API; etcd only when no Patroni REST endpoint answered (or none was
 * given); Sentinel through the sentinels. Never throws for an unreachable or misbehaving source.
 */
public final class Snapshotter implements LiveSource {
    private final LiveOptions options;
    private final HttpJson http;

    public Snapshotter(LiveOptions options) {
        this.options = options;
        this.http = new HttpJson(options);
    }

    @Override
    public Snapshot take(List<Endpoint> endpoints) {
        Deadline deadline = new Deadline(options.deadline());
        List<LiveCluster> clusters = new ArrayList<>();
        List<Unreachable> problems = new ArrayList<>();
        List<Endpoint> patroni = of(endpoints, Endpoint.Kind.PATRONI);
        List<Endpoint> etcd = of(endpoints, Endpoint.Kind.ETCD);
        new PatroniSource(http, options).read(patroni, deadline, clusters, problems);
        boolean restAnswered = !clusters.isEmpty();
        if (!restAnswered) {
            EtcdSource source = new EtcdSource(http, options);
            etcd.forEach(e -> source.read(e, deadline, clusters, problems));
        }
        new SentinelSource(options).read(of(endpoints, Endpoint.Kind.SENTINEL), deadline, clusters, problems);
        return new Snapshot(options.clock().instant(), endpoints, clusters, placed(problems, endpoints));
    }

    /** A member reached at an endpoint that was also given (its own config's restapi line) is reported there. */
    private static List<Unreachable> placed(List<Unreachable> problems, List<Endpoint> given) {
        List<Unreachable> out = new ArrayList<>();
        for (Unreachable u : problems) {
            Endpoint e = given.stream().filter(g -> g.kind() == u.endpoint().kind()
                    && strip(g.address()).equals(strip(u.endpoint().address()))).findFirst().orElse(u.endpoint());
            out.add(new Unreachable(new Endpoint(u.endpoint().kind(), u.endpoint().address(), e.origin()), u.cluster(),
                    u.member(), u.reason()));
        }
        return out;
    }

    private static String strip(String address) {
        String a = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        return a.startsWith("http://") ? a.substring("http://".length()) : a;
    }

    private static List<Endpoint> of(List<Endpoint> all, Endpoint.Kind kind) {
        return all.stream().filter(e -> e.kind() == kind).toList();
    }
}
