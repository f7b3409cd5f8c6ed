package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.layout.TopologyLayout;
import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.ui.viewmodel.GraphScene.EdgeLook;
import dev.failscope.ui.viewmodel.GraphScene.NodeLook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Builds a {@link GraphScene}: the core layout plus looks. Pure; runs in the background. */
public final class GraphSceneBuilder {
    private GraphSceneBuilder() {}

    public static GraphScene build(Topology topology, List<Finding> findings) {
        Map<String, Severity> worst = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Finding f : findings) {
            mark(worst, counts, f.subject(), f.severity());
            f.targetOpt().ifPresent(t -> mark(worst, counts, t, f.severity()));
        }
        Map<Node, NodeLook> nodes = new HashMap<>();
        for (Node n : topology.graph().vertexSet()) {
            nodes.put(n, look(topology, n, worst.get(n.name()), counts.getOrDefault(n.name(), 0)));
        }
        Map<Edge, EdgeLook> edges = new HashMap<>();
        Map<String, List<CandidateAssessment>> verdicts = new HashMap<>();
        CandidateEvaluator evaluator = new CandidateEvaluator(topology);
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(topology)) {
            verdicts.put(p.cluster().name(), evaluator.assess(p));
        }
        for (Edge e : topology.graph().edgeSet()) {
            edges.put(e, look(topology, e, verdicts));
        }
        var layout = TopologyLayout.layout(topology);
        return new GraphScene(topology, layout, nodes, edges, new dev.failscope.scene.SceneModel(topology, layout,
                findings));
    }

    private static void mark(Map<String, Severity> worst, Map<String, Integer> counts, String name, Severity s) {
        worst.merge(name, s, (a, b) -> a.atLeast(b) ? a : b);
        counts.merge(name, 1, Integer::sum);
    }

    private static NodeLook look(Topology t, Node n, Severity worst, int count) {
        if (n.missing()) {
            return new NodeLook("not declared anywhere", List.of(), false, true, worst, count,
                    "missing " + n.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + n.name()
                            + "\nreferenced but declared in no file");
        }
        return switch (n.kind()) {
            case SERVER -> t.server(n.name()).map(s -> server(t, s, worst, count))
                    .orElse(new NodeLook("", List.of(), false, false, worst, count, n.name()));
            case CLUSTER -> cluster(t, n.name(), worst, count);
            case SERVICE -> t.service(n.name()).map(s -> new NodeLook(s.dependsOn().size() + " dependencies",
                    List.of(), false, false, worst, count, "service " + s.name() + "\n" + s.dependsOn().stream()
                    .map(d -> "depends on " + d.label()).reduce((a, b) -> a + "\n" + b).orElse("")))
                    .orElse(NodeLook.PLAIN);
            case ROUTE -> t.route(n.name()).map(r -> new NodeLook(r.kind().label() + ", " + r.follow().label(),
                    List.of(), false, false, worst, count, RouteDetails.tooltip(r))).orElse(NodeLook.PLAIN);
        };
    }

    private static NodeLook server(Topology t, Server s, Severity worst, int count) {
        List<String> badges = new ArrayList<>();
        if (s.status() == ServerStatus.MAINTENANCE) {
            badges.add("MAINT");
        }
        if (s.noFailover()) {
            badges.add("NO-FAILOVER");
        }
        StringJoiner sub = new StringJoiner(" · ");
        s.zoneOpt().or(s::regionOpt).or(s::addressOpt).ifPresent(sub::add);
        StringJoiner tip = new StringJoiner("\n");
        tip.add("server " + s.name());
        tip.add("status: " + s.status().label() + (s.noFailover() ? ", no-failover" : ""));
        s.regionOpt().ifPresent(r -> tip.add("region: " + r));
        s.zoneOpt().ifPresent(z -> tip.add("zone: " + z));
        s.hostOpt().ifPresent(h -> tip.add("host: " + h));
        s.addressOpt().ifPresent(a -> tip.add("address: " + a));
        for (Cluster c : t.clustersOf(s.name())) {
            tip.add((c.primary().name().equals(s.name()) ? "primary of " : "replica in ") + c.name());
        }
        if (count > 0) {
            tip.add(count + " finding(s), worst: " + worst.label());
        }
        return new NodeLook(sub.toString(), badges, s.status() == ServerStatus.DECOMMISSIONED, false, worst, count,
                tip.toString());
    }

    private static NodeLook cluster(Topology t, String name, Severity worst, int count) {
        StringJoiner tip = new StringJoiner("\n");
        tip.add("cluster " + name);
        String sub = "";
        var cluster = t.cluster(name);
        if (cluster.isPresent()) {
            Cluster c = cluster.get();
            sub = c.engineOpt().orElse("");
            tip.add("primary: " + c.primary().name());
            tip.add("replicas: " + c.replicas().size());
        }
        t.policy(name).ifPresentOrElse(p -> tip.add("failover: " + p.candidates().size() + " candidate(s), detection "
                + Durations.format(p.detection())), () -> tip.add("no failover policy"));
        if (count > 0) {
            tip.add(count + " finding(s), worst: " + worst.label());
        }
        return new NodeLook(sub, List.of(), false, false, worst, count, tip.toString());
    }

    private static EdgeLook look(Topology t, Edge e, Map<String, List<CandidateAssessment>> verdicts) {
        return switch (e.kind()) {
            case FAILOVER -> {
                boolean dangling = e.to().missing();
                boolean broken = dangling || verdicts.getOrDefault(e.from().name(), List.of()).stream()
                        .filter(a -> a.order() == e.order()).anyMatch(a -> !a.viable());
                yield new EdgeLook(EdgeKind.FAILOVER, broken, dangling, false, String.valueOf(e.order()));
            }
            case REPLICATION -> {
                Replica r = t.clustersOf(e.to().name()).stream().flatMap(c -> c.replica(e.to().name()).stream())
                        .findFirst().orElse(null);
                boolean sync = r != null && r.mode() == ReplicationMode.SYNC;
                String label = r == null ? "" : sync ? "sync"
                        : r.lagOpt().map(l -> "async · lag " + Durations.format(l)).orElse("async");
                yield new EdgeLook(EdgeKind.REPLICATION, false, false, sync, label);
            }
            case ROUTING -> {
                boolean dangling = e.to().missing();
                boolean decommissioned = e.to().kind() == dev.failscope.model.NodeKind.SERVER && t.server(e.to().name())
                        .filter(s -> s.status() == ServerStatus.DECOMMISSIONED).isPresent();
                yield new EdgeLook(EdgeKind.ROUTING, e.order() > 0 && (dangling || decommissioned), dangling, false,
                        dangling ? "✖ missing" : decommissioned ? "✖ decommissioned" : "");
            }
            default -> new EdgeLook(e.kind(), false, false, false, "");
        };
    }
}
