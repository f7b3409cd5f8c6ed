package dev.failscope.generate;

import dev.failscope.generate.FleetModel.GCluster;
import dev.failscope.generate.FleetModel.GDependency;
import dev.failscope.generate.FleetModel.GReplica;
import dev.failscope.generate.FleetModel.GServer;
import dev.failscope.generate.FleetModel.GService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a synthetic but realistic fleet in the native format: PostgreSQL, MySQL and Redis clusters owned
 * by product teams, spread over zones, with failover policies and the services that use them. Faults are
 * injected into distinct clusters chosen by the seed. Deterministic: {@link Random} is specified, so the same
 * spec gives the same bytes on every JVM.
 */
public final class FleetGenerator {
    static final List<String> DOMAINS = List.of("orders", "payments", "catalog", "accounts", "sessions", "search",
            "billing", "posts", "likes", "comments", "media", "notifications", "auth", "ledger", "shipping",
            "reviews", "analytics", "feeds", "messages", "inventory");
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
    static final String ZONE_LETTERS = "abcdef";

    private enum Engine {
        POSTGRESQL("postgresql", "pg", 5432), MYSQL("mysql", "mysql", 3306), REDIS("redis", "redis", 6379);

        final String label;
        final String prefix;
        final int port;

        Engine(String label, String prefix, int port) {
            this.label = label;
            this.prefix = prefix;
            this.port = port;
        }
    }

    private final FleetSpec spec;
    private final Random random;
    private final FleetModel model = new FleetModel();
    private int addressCounter;

    private FleetGenerator(FleetSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    public static Fleet generate(FleetSpec spec) {
        return new FleetGenerator(spec).run(FleetYaml.SERVERS_PER_FILE);
    }

    /** As {@link #generate}, with at most {@code serversPerFile} servers in one inventory file (for tests). */
    static Fleet generate(FleetSpec spec, int serversPerFile) {
        return new FleetGenerator(spec).run(serversPerFile);
    }

    private Fleet run(int serversPerFile) {
        int width = Math.max(3, String.valueOf((spec.clusters() + DOMAINS.size() - 1) / DOMAINS.size()).length());
        for (int i = 0; i < spec.clusters(); i++) {
            model.clusters.add(cluster(i, width));
        }
        services(width);
        Map<FaultKind, Integer> faults = new FaultInjector(model, random).inject(spec.faults());
        List<Fleet.GeneratedFile> files = FleetYaml.render(model, spec, serversPerFile);
        return new Fleet(spec, files, model.servers.size(), model.clusters.size(), model.services.size(), faults);
    }

    static String zone(int index) {
        return REGIONS.get(index / ZONE_LETTERS.length()) + ZONE_LETTERS.charAt(index % ZONE_LETTERS.length());
    }

    static String region(int index) {
        return REGIONS.get(index / ZONE_LETTERS.length());
    }

    private GCluster cluster(int index, int width) {
        String domain = DOMAINS.get(index % DOMAINS.size());
        String number = String.format("%0" + width + "d", index / DOMAINS.size() + 1);
        int roll = random.nextInt(10);
        Engine engine = roll < 5 ? Engine.POSTGRESQL : roll < 8 ? Engine.MYSQL : Engine.REDIS;
        String base = engine.prefix + "-" + domain + "-" + number;
        int primaryZone = random.nextInt(spec.zones());
        GServer primary = server(base + "-1", primaryZone, domain, engine);
        GCluster c = new GCluster(domain + "-" + engine.prefix + "-" + number, domain, engine.label, primary);
        for (int r = 1; r <= spec.replicas(); r++) {
            int zone = spec.zones() == 1 ? 0 : (primaryZone + 1 + (r - 1) % (spec.zones() - 1)) % spec.zones();
            GServer s = server(base + "-" + (r + 1), zone, domain, engine);
            boolean sync = r == 1 && engine != Engine.REDIS && random.nextInt(3) > 0;
            boolean cascading = r >= 3 && r == spec.replicas() && engine == Engine.POSTGRESQL;
            String source = cascading ? base + "-2" : null;
            String lag = sync ? "0s" : (1 + random.nextInt(cascading ? 3 : 5)) + "s";
            if (cascading) {
                s.noFailover = true;
                s.purpose = "reporting";
            }
            c.replicas.add(new GReplica(s, source, sync ? "sync" : "async", lag));
        }
        if (!c.replicas.isEmpty()) {
            c.hasPolicy = true;
            c.detection = engine == Engine.REDIS ? "15s" : "30s";
            c.maxLag = engine == Engine.REDIS ? null : engine == Engine.POSTGRESQL ? "10s" : "30s";
            List<GReplica> ordered = new ArrayList<>(c.replicas);
            ordered.sort((a, b) -> Boolean.compare("async".equals(a.mode), "async".equals(b.mode)));
            for (GReplica r : ordered) {
                if (!r.server.noFailover) {
                    c.candidates.add(r.server.name);
                }
            }
        }
        return c;
    }

    private GServer server(String name, int zoneIndex, String team, Engine engine) {
        int n = addressCounter++;
        String address = "10." + (zoneIndex + 1) + "." + (n / 250 % 250) + "." + (n % 250 + 1) + ":" + engine.port;
        String zone = zone(zoneIndex);
        String host = shortZone(zoneIndex) + String.format("-r%02d-n%02d", 1 + random.nextInt(40),
                1 + random.nextInt(24));
        GServer s = new GServer(name, address, region(zoneIndex), zone, host, team, engine.label);
        model.servers.add(s);
        return s;
    }

    /** {@code us-east-1a} becomes {@code use1a}. */
    static String shortZone(int zoneIndex) {
        String[] parts = region(zoneIndex).split("-");
        return parts[0] + parts[1].charAt(0) + parts[2] + ZONE_LETTERS.charAt(zoneIndex % ZONE_LETTERS.length());
    }

    /** About one service per three clusters; each writes its first cluster and reads the others. */
    private void services(int width) {
        List<String> kinds = List.of("api", "worker", "gateway", "jobs");
        int count = Math.max(1, (model.clusters.size() + 2) / 3);
        for (int i = 0; i < count; i++) {
            GCluster first = model.clusters.get((i * 3) % model.clusters.size());
            String number = String.format("%0" + width + "d", i / DOMAINS.size() + 1);
            GService service = new GService(first.domain + "-" + kinds.get(i % kinds.size()) + "-" + number,
                    first.domain);
            for (int k = 0; k < 3 && i * 3 + k < model.clusters.size(); k++) {
                GCluster c = model.clusters.get(i * 3 + k);
                service.dependsOn.add(new GDependency("cluster", c.name, k == 0 ? "write" : "read", null));
            }
            if (service.dependsOn.isEmpty()) {
                service.dependsOn.add(new GDependency("cluster", first.name, "write", null));
            }
            model.services.add(service);
        }
    }

    /** A stable shuffle of {@code 0..n-1}. */
    static List<Integer> shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    static Map<FaultKind, Integer> emptyCounts() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            counts.put(k, 0);
        }
        return counts;
    }
}
