package dev.failscope.generate;

import dev.failscope.generate.FleetModel.GCluster;
import dev.failscope.generate.FleetModel.GDependency;
import dev.failscope.generate.FleetModel.GReplica;
import dev.failscope.generate.FleetModel.GServer;
import dev.failscope.generate.FleetModel.GService;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Injects defects into a generated fleet. Fault {@code i} has kind {@code i mod 10} (so a few faults already
 * cover the most important kinds) and goes to a cluster chosen by a seeded shuffle; every cluster gets one fault
 * before any gets a second. A kind that needs a replica falls back to {@link FaultKind#MISSING_TARGET} on a
 * cluster that has none. Each defect leaves a comment in the YAML saying what was injected.
 */
final class FaultInjector {
    private final FleetModel model;
    private final Random random;

    FaultInjector(FleetModel model, Random random) {
        this.model = model;
        this.random = random;
    }

    Map<FaultKind, Integer> inject(int faults) {
        Map<FaultKind, Integer> counts = FleetGenerator.emptyCounts();
        if (faults == 0) {
            return counts;
        }
        List<Integer> order = FleetGenerator.shuffled(model.clusters.size(), random);
        FaultKind[] kinds = FaultKind.values();
        for (int i = 0; i < faults; i++) {
            int index = order.get(i % order.size());
            GCluster c = model.clusters.get(index);
            FaultKind kind = kinds[i % kinds.length];
            if (kind.needsReplica() && c.replicas.isEmpty()) {
                kind = FaultKind.MISSING_TARGET;
            }
            apply(kind, c, index, i);
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    private void apply(FaultKind kind, GCluster c, int index, int i) {
        c.comments.add("injected fault: " + kind.description());
        switch (kind) {
            case DECOMMISSIONED_TARGET -> {
                GServer old = new GServer(c.primary.name.replaceAll("-1$", "-old" + (i + 1)), "10.250."
                        + (i / 250 % 250) + "." + (i % 250 + 1) + ":5432", c.primary.region, c.primary.zone,
                        c.primary.host.replaceAll("-n\\d+$", "-n99"), c.domain, c.engine);
                old.status = "decommissioned";
                model.servers.add(old);
                ensurePolicy(c);
                c.candidates.add(0, old.name);
            }
            case MISSING_TARGET -> {
                ensurePolicy(c);
                c.candidates.add(0, c.primary.name.replaceAll("-1$", "-" + (c.replicas.size() + 2 + i)));
            }
            case SAME_ZONE_CANDIDATE -> {
                GServer first = firstCandidateReplica(c).server;
                first.zone = c.primary.zone;
                first.host = c.primary.host.replaceAll("-n(\\d+)$", "-n$1b");
            }
            case LAGGING_CANDIDATE -> {
                GReplica first = firstCandidateReplica(c);
                ensurePolicy(c);
                c.maxLag = "10s";
                first.lag = (30 + random.nextInt(90)) + "s";
            }
            case MAINTENANCE_CANDIDATE -> firstCandidateReplica(c).server.status = "maintenance";
            case OUTSIDE_CLUSTER_TARGET -> {
                GCluster other = model.clusters.get((index + 1) % model.clusters.size());
                ensurePolicy(c);
                c.candidates.add(other.replicas.isEmpty() ? other.primary.name
                        : other.replicas.get(0).server.name);
            }
            case PRIMARY_AS_CANDIDATE -> {
                ensurePolicy(c);
                c.candidates.add(0, c.primary.name);
            }
            case MISSING_POLICY -> c.hasPolicy = false;
            case PINNED_SERVICE -> serviceOf(index).dependsOn.add(new GDependency("server", c.primary.name, "read",
                    "injected fault: " + kind.description()));
            case MISSING_CLUSTER -> serviceOf(index).dependsOn.add(new GDependency("cluster",
                    c.name.replaceAll("-(\\d+)$", "-v2-$1"), "write", "injected fault: " + kind.description()));
            default -> throw new IllegalStateException("unhandled fault kind " + kind);
        }
    }

    private static void ensurePolicy(GCluster c) {
        if (!c.hasPolicy) {
            c.hasPolicy = true;
            c.detection = "30s";
        }
    }

    /** The replica behind the first candidate that is a replica, or the first replica. */
    private static GReplica firstCandidateReplica(GCluster c) {
        for (String name : c.candidates) {
            for (GReplica r : c.replicas) {
                if (r.server.name.equals(name)) {
                    return r;
                }
            }
        }
        return c.replicas.get(0);
    }

    /** The service whose first dependency is cluster {@code index} or one of the two after it. */
    private GService serviceOf(int index) {
        return model.services.get(Math.min(index / 3, model.services.size() - 1));
    }
}
