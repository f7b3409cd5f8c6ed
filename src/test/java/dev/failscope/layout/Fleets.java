package dev.failscope.layout;

import dev.failscope.model.Access;
import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic topologies built in code, for layout and rendering tests and the layout benchmark. */
public final class Fleets {
    private static final SourcePosition AT = new SourcePosition("fleet.yaml", 1, 1);

    private Fleets() {}

    public static Ref ref(String name) {
        return new Ref(name, AT);
    }

    public static Server server(String name, String region, String zone, ServerStatus status) {
        return new Server(name, AT, null, region, zone, null, status, false, Map.of(), Facts.NONE);
    }

    public static Replica replica(String name, String source, ReplicationMode mode, Duration lag) {
        return new Replica(ref(name), source == null ? null : ref(source), mode, lag, Facts.NONE);
    }

    public static Cluster cluster(String name, String primary, Replica... replicas) {
        return new Cluster(name, AT, "postgresql", ref(primary), List.of(replicas), Facts.NONE);
    }

    public static FailoverPolicy policy(String cluster, String... candidates) {
        return new FailoverPolicy(ref(cluster), List.of(candidates).stream().map(Fleets::ref).toList(),
                FailoverPolicy.DEFAULT_DETECTION, FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, false, false,
                Facts.NONE);
    }

    public static Service service(String name, String... clusters) {
        return new Service(name, AT, List.of(clusters).stream()
                .map(c -> new Dependency(Dependency.Kind.CLUSTER, ref(c), Access.WRITE)).toList(), Facts.NONE);
    }

    /**
     * {@code clusters} clusters of one primary and {@code replicas} replicas spread over 2 regions x 3 zones;
     * every 7th cluster has a cascading replica, every 11th fails over to a decommissioned server outside
     * it, every 13th to a missing one; one service per 10 clusters.
     */
    public static Topology fleet(int clusters, int replicas) {
        TopologyBuilder b = Topology.builder();
        String[] regions = {"eu-west-1", "us-east-1"};
        for (int c = 0; c < clusters; c++) {
            String region = regions[c % 2];
            String name = String.format("c%05d", c);
            List<Replica> reps = new ArrayList<>();
            List<String> candidates = new ArrayList<>();
            String primary = name + "-p";
            b.server(server(primary, region, zone(region, c), ServerStatus.ACTIVE));
            for (int r = 1; r <= replicas; r++) {
                String rep = name + "-r" + r;
                b.server(server(rep, region, zone(region, c + r), ServerStatus.ACTIVE));
                String source = c % 7 == 0 && r == replicas && r > 1 ? name + "-r1" : null;
                reps.add(replica(rep, source, r == 1 ? ReplicationMode.SYNC : ReplicationMode.ASYNC,
                        Duration.ofSeconds(r)));
                candidates.add(rep);
            }
            if (c % 11 == 0) {
                String old = name + "-old";
                b.server(server(old, region, zone(region, c + 2), ServerStatus.DECOMMISSIONED));
                candidates.add(0, old);
            }
            if (c % 13 == 0) {
                candidates.add(name + "-gone");
            }
            b.cluster(cluster(name, primary, reps.toArray(Replica[]::new)));
            b.policy(policy(name, candidates.toArray(String[]::new)));
            if (c % 10 == 0) {
                List<String> deps = new ArrayList<>();
                for (int d = c; d < Math.min(clusters, c + 3); d++) {
                    deps.add(String.format("c%05d", d));
                }
                b.service(service(String.format("svc%04d", c / 10), deps.toArray(String[]::new)));
            }
        }
        return b.build();
    }

    private static String zone(String region, int i) {
        return region + (char) ('a' + Math.floorMod(i, 3));
    }

    /** The CatifyMe sample's shape, built in code. */
    public static Topology catifyme() {
        return Topology.builder()
                .server(server("db-main-1", "us-west-2", "us-west-2a", ServerStatus.ACTIVE))
                .server(server("db-replica-1", "us-west-2", "us-west-2b", ServerStatus.ACTIVE))
                .server(server("db-legacy-2", "us-west-2", "us-west-2c", ServerStatus.DECOMMISSIONED))
                .cluster(cluster("catify-main", "db-main-1",
                        replica("db-replica-1", null, ReplicationMode.ASYNC, Duration.ofSeconds(2))))
                .policy(policy("catify-main", "db-legacy-2"))
                .service(service("cat-posting", "catify-main"))
                .service(service("cat-liking", "catify-main"))
                .service(service("cat-commenting", "catify-main"))
                .build();
    }
}
