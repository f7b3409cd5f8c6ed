package dev.failscope.simulation;

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random but reproducible topologies and scenarios for the property tests: the same seed, the same case. */
final class RandomTopologies {
    /** A topology and a scenario to run on it. */
    record Case(long seed, int servers, int clusters, int failures, Topology topology, FailureScenario scenario) {
        @Override
        public String toString() {
            return "seed " + seed + ", scenario " + scenario.label();
        }
    }

    private final Random random;
    private int line = 1;

    private RandomTopologies(long seed) {
        this.random = new Random(seed);
    }

    static Case generate(long seed, int servers, int clusters, int failures) {
        RandomTopologies g = new RandomTopologies(seed);
        Topology t = g.topology(servers, clusters);
        return new Case(seed, servers, clusters, failures, t, g.scenario(t, failures));
    }

    private SourcePosition pos() {
        return new SourcePosition("gen.yaml", line++, 1);
    }

    private Ref ref(String name) {
        return new Ref(name, pos());
    }

    private Topology topology(int serverCount, int clusterCount) {
        TopologyBuilder b = Topology.builder().file("gen.yaml");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < serverCount; i++) {
            String name = "s" + i;
            names.add(name);
            int statusRoll = random.nextInt(10);
            ServerStatus status = statusRoll < 7 ? ServerStatus.ACTIVE
                    : statusRoll < 9 ? ServerStatus.MAINTENANCE : ServerStatus.DECOMMISSIONED;
            b.server(new Server(name, pos(), null, "r" + random.nextInt(2), "z" + random.nextInt(3),
                    "h" + random.nextInt(Math.max(1, serverCount - 1)), status, random.nextInt(6) == 0, Map.of(),
                    Facts.NONE));
        }
        List<String> clusterNames = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            String name = "c" + c;
            clusterNames.add(name);
            List<String> pool = new ArrayList<>(names);
            Collections.shuffle(pool, random);
            int size = 1 + random.nextInt(Math.min(5, pool.size()));
            List<String> members = pool.subList(0, size);
            b.cluster(cluster(name, members));
            if (random.nextInt(5) > 0) {
                b.policy(policy(name, members, names));
            }
        }
        for (int s = 0, n = random.nextInt(4); s < n; s++) {
            List<Dependency> deps = new ArrayList<>();
            for (int d = 0, m = 1 + random.nextInt(3); d < m; d++) {
                boolean pinned = random.nextInt(5) == 0;
                String target = pinned ? names.get(random.nextInt(names.size()))
                        : clusterNames.get(random.nextInt(clusterNames.size()));
                deps.add(new Dependency(pinned ? Dependency.Kind.SERVER : Dependency.Kind.CLUSTER, ref(target),
                        random.nextBoolean() ? Access.WRITE : Access.READ));
            }
            b.service(new Service("svc" + s, pos(), deps, Facts.NONE));
        }
        return b.build();
    }

    private Cluster cluster(String name, List<String> members) {
        String primary = members.get(0);
        List<Replica> replicas = new ArrayList<>();
        for (int i = 1; i < members.size(); i++) {
            Ref source = i > 1 && random.nextInt(3) == 0 ? ref(members.get(1 + random.nextInt(i - 1))) : null;
            Duration lag = random.nextBoolean() ? Duration.ofSeconds(random.nextInt(20)) : null;
            replicas.add(new Replica(ref(members.get(i)), source,
                    random.nextBoolean() ? ReplicationMode.SYNC : ReplicationMode.ASYNC, lag, Facts.NONE));
        }
        return new Cluster(name, pos(), null, ref(primary), replicas, Facts.NONE);
    }

    private FailoverPolicy policy(String cluster, List<String> members, List<String> servers) {
        List<Ref> candidates = new ArrayList<>();
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            int roll = random.nextInt(10);
            String name = roll < 6 && members.size() > 1 ? members.get(1 + random.nextInt(members.size() - 1))
                    : roll < 9 ? servers.get(random.nextInt(servers.size())) : "ghost" + i;
            candidates.add(ref(name));
        }
        Duration maxLag = random.nextBoolean() ? Duration.ofSeconds(random.nextInt(15)) : null;
        return new FailoverPolicy(ref(cluster), candidates, Duration.ofSeconds(random.nextInt(40)),
                Duration.ofSeconds(random.nextInt(70)), maxLag, random.nextInt(4) == 0, random.nextInt(4) == 0,
                Facts.NONE);
    }

    private FailureScenario scenario(Topology t, int failures) {
        SimulationIndex index = SimulationIndex.of(t);
        List<FailureTarget> targets = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            Duration at = random.nextInt(3) == 0 ? Duration.ofSeconds(random.nextInt(200)) : Duration.ZERO;
            int roll = random.nextInt(10);
            FailureTarget.Kind kind = roll < 7 ? FailureTarget.Kind.SERVER
                    : roll == 7 ? FailureTarget.Kind.ZONE : roll == 8 ? FailureTarget.Kind.HOST
                    : FailureTarget.Kind.REGION;
            List<String> names = new ArrayList<>(switch (kind) {
                case SERVER -> t.servers().stream().map(Server::name).toList();
                case ZONE -> index.zones();
                case HOST -> index.hosts();
                case REGION -> index.regions();
            });
            targets.add(new FailureTarget(kind, names.get(random.nextInt(names.size())), at));
        }
        return new FailureScenario(targets);
    }
}
