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
        return new Snapshot(options.clock().instant(), endpoints, clusters, problems);
    }

    private static List<Endpoint> of(List<Endpoint> all, Endpoint.Kind kind) {
        return all.stream().filter(e -> e.kind() == kind).toList();
    }
}
