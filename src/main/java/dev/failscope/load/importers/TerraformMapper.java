package dev.failscope.load.importers;

import dev.failscope.load.importers.TerraformResources.Resource;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PScalar;
import dev.failscope.model.Cluster;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the database resources of one Terraform JSON document onto servers, clusters and policies. */
final class TerraformMapper {
    static final String RDS = "aws_db_instance";
    static final String AURORA = "aws_rds_cluster";
    static final String AURORA_INSTANCE = "aws_rds_cluster_instance";
    static final String CLOUD_SQL = "google_sql_database_instance";
    static final String AURORA_GLOBAL = "aws_rds_global_cluster";

    private final ImportContext ctx;
    private final List<Resource> resources;
    /** "plan", "state" or "configuration": what the resources come from, for messages. */
    private final String what;
    private final Tree tree;
    private final TerraformConfig config;

    /** A referenced resource's name and where the reference is written. */
    private record Target(String name, SourcePosition at) {}

    TerraformMapper(ImportContext ctx, List<Resource> resources, String what, TerraformConfig config) {
        this.ctx = ctx;
        this.resources = resources;
        this.what = what;
        this.tree = new Tree(ctx, "Terraform");
        this.config = config;
    }

    void map() {
        rds();
        aurora();
        cloudSql();
    }

    // --- aws_db_instance --------------------------------------------------------------------------------

    private void rds() {
        List<Resource> all = of(RDS);
        Map<String, List<Resource>> replicasBySource = new LinkedHashMap<>();
        for (Resource r : all) {
            declare(r, text(r, "identifier"), awsAddress(r), zone(r, "availability_zone"));
            target(r, "replicate_source_db", "identifier").ifPresent(t -> replicasBySource
                    .computeIfAbsent(t.name(), k -> new ArrayList<>()).add(r));
        }
        Map<String, Resource> byName = new LinkedHashMap<>();
        all.forEach(r -> byName.putIfAbsent(name(r, "identifier"), r));
        for (Resource p : all) {
            if (target(p, "replicate_source_db", "identifier").isEmpty()) {
                rdsCluster(name(p, "identifier"), p, replicasBySource);
            }
        }
        replicasBySource.forEach((source, rs) -> {
            if (!byName.containsKey(source)) {
                rdsCluster(source, null, replicasBySource);
            }
        });
    }

    private void rdsCluster(String name, Resource primary, Map<String, List<Resource>> replicasBySource) {
        List<Replica> replicas = new ArrayList<>();
        collectReplicas(name, name, replicasBySource, replicas, new java.util.HashSet<>());
        SourcePosition at = primary != null ? nameAt(primary, "identifier")
                : replicas.isEmpty() ? null : replicas.get(0).server().position();
        if (at == null) {
            return;
        }
        List<Ref> candidates = new ArrayList<>();
        Optional<Boolean> multiAz = primary == null ? Optional.empty() : tree.bool(primary.values(), "multi_az");
        if (multiAz.orElse(false)) {
            SourcePosition flag = Tree.position(primary.values(), "multi_az");
            Ref standby = standby(name, flag, primary.deleted() ? primary.deletedAt() : null);
            replicas.add(0, new Replica(standby, null, ReplicationMode.SYNC, null, Facts.NONE));
            candidates.add(standby);
            ctx.assumed("standby", "multi_az: RDS keeps a synchronous standby of '" + name + "' in another "
                    + "availability zone; Failscope models it as server '" + standby.name() + "'", name, flag);
        }
        cluster(name, at, engine(primary), new Ref(name, at), replicas, candidates);
    }

    private void collectReplicas(String primary, String source, Map<String, List<Resource>> bySource,
                                 List<Replica> out, java.util.Set<String> seen) {
        for (Resource r : bySource.getOrDefault(source, List.of())) {
            String n = name(r, "identifier");
            if (!seen.add(n)) {
                continue;
            }
            Target src = target(r, "replicate_source_db", "identifier").orElseThrow();
            out.add(new Replica(new Ref(n, nameAt(r, "identifier")), source.equals(primary) ? null
                    : new Ref(source, src.at()), ReplicationMode.ASYNC, null,
                    new Facts(Map.of("source", src.at()))));
            collectReplicas(primary, n, bySource, out, seen);
        }
    }

    // --- aws_rds_cluster + aws_rds_cluster_instance ---------------------------------------------------

    private void aurora() {
        Map<String, Resource> clusters = new LinkedHashMap<>();
        of(AURORA).forEach(c -> clusters.putIfAbsent(name(c, "cluster_identifier"), c));
        Map<String, List<Resource>> members = new LinkedHashMap<>();
        clusters.keySet().forEach(k -> members.put(k, new ArrayList<>()));
        for (Resource r : of(AURORA_INSTANCE)) {
            declare(r, text(r, "identifier"), awsAddress(r), zone(r, "availability_zone"));
            Optional<Target> cluster = target(r, "cluster_identifier", "cluster_identifier");
            if (cluster.isEmpty()) {
                ctx.error(r.address() + " has no cluster_identifier, and the configuration does not say which "
                        + "cluster it refers to", r.at());
                continue;
            }
            members.computeIfAbsent(cluster.get().name(), k -> new ArrayList<>()).add(r);
        }
        members.forEach((name, instances) -> {
            Resource c = clusters.get(name);
            if (instances.isEmpty()) {
                return;
            }
            SourcePosition at = c != null ? nameAt(c, "cluster_identifier")
                    : target(instances.get(0), "cluster_identifier", "cluster_identifier").orElseThrow().at();
            Resource writer = instances.stream().filter(i -> tree.bool(i.values(), "writer").orElse(false))
                    .findFirst().orElse(null);
            if (writer == null) {
                writer = instances.stream().filter(i -> !i.deleted()).findFirst().orElse(instances.get(0));
                ctx.assumed("primary", "Aurora picks the writer of '" + name + "' at run time and this "
                        + what + " does not say which; Failscope assumes "
                        + name(writer, "identifier") + " (the first instance) is the writer", name,
                        nameAt(writer, "identifier"));
            }
            List<Resource> readers = new ArrayList<>(instances);
            readers.remove(writer);
            readers.sort(Comparator.comparingLong((Resource i) -> tier(i)).thenComparing(i -> -AuroraSizes.rank(
                    text(i, "instance_class").orElse(""))));
            tiesInPromotionOrder(name, readers);
            List<Replica> replicas = new ArrayList<>();
            for (Resource r : readers) {
                replicas.add(new Replica(new Ref(name(r, "identifier"), nameAt(r, "identifier")), null,
                        ReplicationMode.ASYNC, null, Facts.NONE));
            }
            cluster(name, at, c == null ? "aurora" : text(c, "engine").orElse("aurora"),
                    new Ref(name(writer, "identifier"), nameAt(writer, "identifier")), replicas,
                    replicas.stream().map(Replica::server).toList(), c == null ? null : globalUpstream(c));
        });
    }

    private long tier(Resource i) {
        return tree.integer(i.values(), "promotion_tier").orElse(0L);
    }

    /**
     * Aurora promotes the lowest promotion tier first; within a tier the largest instance; among equals "an
     * arbitrary replica" (AWS: Aurora User Guide, fault tolerance for an Aurora DB cluster). Readers that tie on
     * both are listed in configuration order, and the tie is said.
     */
    private void tiesInPromotionOrder(String cluster, List<Resource> readers) {
        for (int i = 0; i + 1 < readers.size(); i++) {
            Resource a = readers.get(i);
            List<String> tied = new ArrayList<>(List.of(name(a, "identifier")));
            int j = i + 1;
            while (j < readers.size() && tier(readers.get(j)) == tier(a) && AuroraSizes.rank(text(readers.get(j),
                    "instance_class").orElse("")) == AuroraSizes.rank(text(a, "instance_class").orElse(""))) {
                tied.add(name(readers.get(j), "identifier"));
                j++;
            }
            if (tied.size() > 1) {
                ctx.assumed("promotion-order", "Aurora promotes an arbitrary one of " + String.join(", ", tied)
                        + " of '" + cluster + "' (same promotion_tier " + tier(a) + " and same size): Failscope "
                        + "tries them in configuration order", cluster, Tree.position(a.values(), "promotion_tier")
                        .equals(a.values().position()) ? nameAt(a, "identifier") : Tree.position(a.values(),
                        "promotion_tier"));
            }
            i = j - 1;
        }
    }

    /**
     * A secondary cluster of an Aurora global database replicates from the global cluster's primary region;
     * cross-region failover is a manual (managed) operation, so it is a standby cluster, never a candidate.
     */
    private Ref globalUpstream(Resource cluster) {
        Optional<Target> global = target(cluster, "global_cluster_identifier", "global_cluster_identifier");
        if (global.isEmpty()) {
            return null;
        }
        List<Resource> members = of(AURORA).stream().filter(m -> target(m, "global_cluster_identifier",
                "global_cluster_identifier").map(t -> t.name().equals(global.get().name())).orElse(false)).toList();
        Resource primary = members.stream().filter(m -> Tree.scalar(m.values(), "source_region").isEmpty()
                && Tree.scalar(m.values(), "replication_source_identifier").isEmpty()).findFirst()
                .orElse(members.get(0));
        if (primary == cluster) {
            return null;
        }
        ctx.assumed("global-secondary", "'" + name(cluster, "cluster_identifier") + "' is a secondary of Aurora "
                + "global database '" + global.get().name() + "': it replicates from '"
                + name(primary, "cluster_identifier") + "' and is promoted only by a manual (managed) failover; "
                + "Failscope models it as a standby cluster", name(cluster, "cluster_identifier"),
                global.get().at());
        return new Ref(name(primary, "cluster_identifier"), global.get().at());
    }

    // --- google_sql_database_instance --------------------------------------------------------------------

    private void cloudSql() {
        List<Resource> all = of(CLOUD_SQL);
        Map<String, List<Resource>> replicasOf = new LinkedHashMap<>();
        for (Resource r : all) {
            Optional<PMap> settings = TerraformResources.block(r.values(), "settings");
            String zone = settings.flatMap(s -> TerraformResources.block(s, "location_preference"))
                    .flatMap(l -> Tree.text(l, "zone")).orElse(null);
            declare(r, text(r, "name"), Optional.empty(), Optional.ofNullable(zone));
            target(r, "master_instance_name", "name").ifPresent(m -> replicasOf
                    .computeIfAbsent(m.name(), k -> new ArrayList<>()).add(r));
        }
        for (Resource p : all) {
            if (target(p, "master_instance_name", "name").isPresent()) {
                continue;
            }
            String name = name(p, "name");
            SourcePosition at = nameAt(p, "name");
            List<Replica> replicas = new ArrayList<>();
            List<Ref> candidates = new ArrayList<>();
            Optional<PScalar> availability = TerraformResources.block(p.values(), "settings")
                    .flatMap(s -> Tree.scalar(s, "availability_type"));
            if (availability.isPresent() && "REGIONAL".equalsIgnoreCase(availability.get().text().trim())) {
                Ref standby = standby(name, availability.get().position(), p.deleted() ? p.deletedAt() : null);
                replicas.add(new Replica(standby, null, ReplicationMode.SYNC, null, Facts.NONE));
                candidates.add(standby);
                ctx.assumed("standby", "availability_type REGIONAL: Cloud SQL keeps a synchronous standby of '"
                        + name + "' in another zone; Failscope models it as server '" + standby.name() + "'",
                        name, availability.get().position());
            }
            for (Resource r : replicasOf.getOrDefault(name, List.of())) {
                Target m = target(r, "master_instance_name", "name").orElseThrow();
                replicas.add(new Replica(new Ref(name(r, "name"), nameAt(r, "name")), null, ReplicationMode.ASYNC,
                        null, new Facts(Map.of("source", m.at()))));
                Optional<PScalar> failoverTarget = TerraformResources.block(r.values(), "replica_configuration")
                        .flatMap(rc -> Tree.scalar(rc, "failover_target"));
                if (failoverTarget.isPresent() && Tree.parseBool(failoverTarget.get().text()).orElse(false)) {
                    candidates.add(new Ref(name(r, "name"), failoverTarget.get().position()));
                }
            }
            TerraformResources.block(p.values(), "replication_cluster")
                    .flatMap(rc -> Tree.scalar(rc, "failover_dr_replica_name"))
                    .ifPresent(dr -> candidates.add(new Ref(lastSegment(dr.text()), dr.position())));
            cluster(name, at, text(p, "database_version").orElse("cloudsql"), new Ref(name, at), replicas,
                    candidates);
        }
    }

    // --- shared -----------------------------------------------------------------------------------------

    private void cluster(String name, SourcePosition at, String engine, Ref primary, List<Replica> replicas,
                         List<Ref> candidates) {
        cluster(name, at, engine, primary, replicas, candidates, null);
    }

    private void cluster(String name, SourcePosition at, String engine, Ref primary, List<Replica> replicas,
                         List<Ref> candidates, Ref upstream) {
        ctx.model().cluster(new Cluster(name, at, engine, primary, replicas,
                new Facts(Map.of("name", at, "primary", primary.position())), upstream));
        if (!candidates.isEmpty()) {
            ctx.model().policy(new FailoverPolicy(new Ref(name, at), candidates, FailoverPolicy.DEFAULT_DETECTION,
                    FailoverPolicy.DEFAULT_ATTEMPT_TIMEOUT, null, false, false, Facts.NONE));
        }
    }

    /** The implicit standby of a multi-AZ / regional instance, deleted with it when a plan deletes it. */
    private Ref standby(String primary, SourcePosition at, SourcePosition deletedAt) {
        String name = primary + "-standby";
        Map<String, SourcePosition> facts = new HashMap<>();
        facts.put("name", at);
        if (deletedAt != null) {
            facts.put("status", deletedAt);
        }
        ctx.model().server(new Server(name, at, null, null, null, null, deletedAt != null
                ? ServerStatus.DECOMMISSIONED : ServerStatus.ACTIVE, false, Map.of("implicit", "standby"),
                new Facts(facts)));
        return new Ref(name, at);
    }

    private void declare(Resource r, Optional<String> name, Optional<String> address, Optional<String> zone) {
        String n = name.orElse(r.address());
        SourcePosition at = nameAt(r, r.type().equals(CLOUD_SQL) ? "name" : "identifier");
        Map<String, SourcePosition> facts = new HashMap<>();
        facts.put("name", at);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("terraform-address", r.address());
        if (r.deleted()) {
            facts.put("status", r.deletedAt());
            tags.put("terraform-plan", "delete");
        }
        zone.ifPresent(z -> facts.put("zone", Tree.position(r.values(), "availability_zone")));
        String region = zone.filter(z -> z.matches(".*-\\d+[a-z]")).map(z -> z.substring(0, z.length() - 1))
                .or(() -> text(r, "region")).orElse(null);
        ctx.model().server(new Server(n, at, address.orElse(null), region, zone.orElse(null), null,
                r.deleted() ? ServerStatus.DECOMMISSIONED : ServerStatus.ACTIVE, false, tags, new Facts(facts)));
    }

    private List<Resource> of(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    private static Optional<String> text(Resource r, String key) {
        return Tree.text(r.values(), key);
    }

    private static String name(Resource r, String key) {
        return text(r, key).orElse(r.address());
    }

    private static SourcePosition nameAt(Resource r, String key) {
        return Tree.scalar(r.values(), key).map(PScalar::position).orElse(r.at());
    }

    /**
     * What {@code attribute} of {@code r} names: its value (an ARN or {@code project:name} naming its last
     * segment), else, when the value is unknown until apply, the name of the resource the configuration's
     * expression refers to ({@code nameKey} of it, or its address), positioned at {@code r}'s address.
     */
    private Optional<Target> target(Resource r, String attribute, String nameKey) {
        Optional<PScalar> value = Tree.scalar(r.values(), attribute);
        if (value.isPresent()) {
            return Optional.of(new Target(lastSegment(value.get().text()), value.get().position()));
        }
        return config.reference(r, attribute).flatMap(ref -> resources.stream()
                .filter(x -> TerraformConfig.configAddress(x.address()).equals(ref)).findFirst())
                .map(x -> new Target(name(x, nameKey), r.at()));
    }

    private static Optional<String> zone(Resource r, String key) {
        return text(r, key);
    }

    private static Optional<String> awsAddress(Resource r) {
        return text(r, "endpoint").or(() -> text(r, "address").map(a -> text(r, "port")
                .map(p -> a + ":" + p).orElse(a)));
    }

    private static String engine(Resource r) {
        return r == null ? "rds" : text(r, "engine").orElse("rds");
    }

    /** {@code arn:aws:rds:...:db:name} and {@code project:name} both name {@code name}. */
    static String lastSegment(String ref) {
        String t = ref.trim();
        return t.substring(t.lastIndexOf(':') + 1);
    }
}
