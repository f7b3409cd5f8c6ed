package dev.failscope.scene;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.layout.EdgeRoute;
import dev.failscope.layout.Lane;
import dev.failscope.layout.Layout;
import dev.failscope.layout.NodeBox;
import dev.failscope.model.Access;
import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topology prepared for drawing, once per topology, layout and findings (in the background for large ones):
 * what each element is and how it looks before any failure. {@link SceneBuilder} turns it into a {@link Scene}
 * for a {@link SceneView} cheaply, so a GUI can build one per frame.
 */
public final class SceneModel {
    /** The worst severity of the findings about an element (as subject or target) and how many there are. */
    public record Badge(Severity severity, int count) {}

    /**
     * How an edge looks as configured.
     *
     * @param broken   a failover edge to a candidate that cannot be promoted (drawn red)
     * @param dangling a failover edge to a missing server (red, marked ✖)
     * @param sync     a sync replication edge (thicker)
     * @param read     a read-only dependency (dotted)
     * @param label    the failover order, "sync", "async · lag 2s", or ""
     */
    public record EdgeLook(boolean broken, boolean dangling, boolean sync, boolean read, String label) {}

    private final Topology topology;
    private final Layout layout;
    private final Map<String, Badge> badges = new HashMap<>();
    private final Map<Edge, EdgeLook> edges = new HashMap<>();
    private final Map<NodeBox, Integer> nodeIndex = new IdentityHashMap<>();
    private final Map<EdgeRoute, Integer> edgeIndex = new IdentityHashMap<>();
    private final Map<String, Integer> members = new HashMap<>();
    private final Map<String, Badge> clusterWorst = new HashMap<>();

    public SceneModel(Topology topology, Layout layout, List<Finding> findings) {
        this.topology = topology;
        this.layout = layout;
        for (Finding f : findings) {
            badge(badges, f.subject(), f.severity());
            f.targetOpt().filter(t -> !t.equals(f.subject())).ifPresent(t -> badge(badges, t, f.severity()));
        }
        for (int i = 0; i < layout.nodes().size(); i++) {
            NodeBox n = layout.nodes().get(i);
            nodeIndex.put(n, i);
            if (n.cluster() != null && n.node().kind() != NodeKind.CLUSTER) {
                if (layout.box(NodeKind.CLUSTER, n.cluster()).map(c -> c.box().contains(n.box())).orElse(false)) {
                    members.merge(n.cluster(), 1, Integer::sum); // inside its box, not placed beside it
                }
                Badge b = badges.get(n.node().name());
                if (b != null) {
                    merge(clusterWorst, n.cluster(), b);
                }
            } else if (n.node().kind() == NodeKind.CLUSTER) {
                Badge b = badges.get(n.node().name());
                if (b != null) {
                    merge(clusterWorst, n.node().name(), b);
                }
            }
        }
        for (int i = 0; i < layout.edges().size(); i++) {
            edgeIndex.put(layout.edges().get(i), i);
        }
        Map<String, List<CandidateAssessment>> verdicts = new HashMap<>();
        CandidateEvaluator evaluator = new CandidateEvaluator(topology);
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(topology)) {
            verdicts.put(p.cluster().name(), evaluator.assess(p));
        }
        Map<String, Replica> replicas = new HashMap<>();
        for (Cluster c : topology.clusters()) {
            for (Replica r : c.replicas()) {
                replicas.putIfAbsent(r.sourceName(c.primary().name()) + "\u0000" + r.server().name(), r);
            }
        }
        for (EdgeRoute r : layout.edges()) {
            edges.put(r.edge(), look(r.edge(), verdicts, replicas));
        }
    }

    private static void badge(Map<String, Badge> into, String name, Severity s) {
        merge(into, name, new Badge(s, 1));
    }

    private static void merge(Map<String, Badge> into, String name, Badge b) {
        into.merge(name, b, (x, y) -> new Badge(x.severity().atLeast(y.severity()) ? x.severity() : y.severity(),
                x.count() + y.count()));
    }

    private EdgeLook look(Edge e, Map<String, List<CandidateAssessment>> verdicts, Map<String, Replica> replicas) {
        return switch (e.kind()) {
            case FAILOVER -> {
                boolean dangling = e.to().missing();
                boolean broken = dangling || decommissioned(e.to()) || verdicts.getOrDefault(e.from().name(), List.of())
                        .stream().filter(a -> a.order() == e.order()).anyMatch(a -> !a.viable());
                yield new EdgeLook(broken, dangling, false, false, String.valueOf(e.order()));
            }
            case REPLICATION -> {
                Replica r = replicas.get(e.from().name() + "\u0000" + e.to().name());
                boolean sync = r != null && r.mode() == ReplicationMode.SYNC;
                String label = r == null ? "" : sync ? "sync"
                        : r.lagOpt().map(l -> "async · lag " + Durations.format(l)).orElse("async");
                yield new EdgeLook(false, false, sync, false, label);
            }
            case DEPENDENCY -> new EdgeLook(false, false, false, access(e) == Access.READ, "");
            case ROUTING -> new EdgeLook(e.order() > 0 && (e.to().missing() || decommissioned(e.to())),
                    e.to().missing(), false, false, "");
            default -> new EdgeLook(false, false, false, false, "");
        };
    }

    private Access access(Edge e) {
        return topology.service(e.from().name()).map(Service::dependsOn).orElse(List.of()).stream()
                .filter(d -> d.target().name().equals(e.to().name()) && d.target().position().equals(e.position()))
                .map(d -> d.access()).findFirst().orElse(Access.WRITE);
    }

    public Topology topology() {
        return topology;
    }

    public Layout layout() {
        return layout;
    }

    public Optional<Badge> badge(Node n) {
        return Optional.ofNullable(badges.get(n.name()));
    }

    /** The worst finding about a cluster or any of its members. */
    public Optional<Badge> clusterWorst(String cluster) {
        return Optional.ofNullable(clusterWorst.get(cluster));
    }

    public int members(String cluster) {
        return members.getOrDefault(cluster, 0);
    }

    /**
     * True for a service's dependency that goes through a declared route ({@code via:}): the routing edges
     * (service → route → backend) already draw the way clients take, so the direct arrow is not drawn beside them.
     */
    public boolean drawnThroughRoute(Edge e) {
        if (e.kind() != dev.failscope.model.EdgeKind.DEPENDENCY) {
            return false;
        }
        return topology.service(e.from().name()).map(Service::dependsOn).orElse(List.of()).stream()
                .anyMatch(d -> d.target().name().equals(e.to().name()) && d.target().position().equals(e.position())
                        && d.viaOpt().flatMap(v -> topology.route(v.name())).isPresent());
    }

    public EdgeLook look(Edge e) {
        return edges.getOrDefault(e, new EdgeLook(false, false, false, false, ""));
    }

    /** {@code n12}: the node's index in {@link Layout#nodes()}. */
    String id(NodeBox n) {
        Integer i = nodeIndex.get(n);
        return i == null ? "" : "n" + i;
    }

    String id(EdgeRoute r) {
        Integer i = edgeIndex.get(r);
        return i == null ? "" : "e" + i;
    }

    Optional<Server> server(Node n) {
        return n.kind() == NodeKind.SERVER && !n.missing() ? topology.server(n.name()) : Optional.empty();
    }

    ServerStatus status(Node n) {
        return server(n).map(Server::status).orElse(ServerStatus.ACTIVE);
    }

    boolean decommissioned(Node n) {
        return status(n) == ServerStatus.DECOMMISSIONED;
    }

    /** The lane a node sits in (clusters: the lane under their box's centre), or null. */
    Lane lane(NodeBox n) {
        if (n.lane() >= 0 && n.lane() < layout.lanes().size()) {
            return layout.lanes().get(n.lane());
        }
        return layout.laneAt(n.box().centerX(), n.box().centerY()).orElse(null);
    }

    /** The server's zone, region or address, for its second line. */
    String subtitle(Node n) {
        return server(n).flatMap(s -> s.zoneOpt().or(s::regionOpt).or(s::addressOpt)).orElse("");
    }

    /** A route's kind and how it follows the primary ("pgbouncer · fixed host"), or "route". */
    String routeSubtitle(Node n) {
        return topology.route(n.name()).map(r -> r.kind().label() + " · " + r.follow().label()).orElse("route");
    }

    String engine(String cluster) {
        return topology.cluster(cluster).flatMap(Cluster::engineOpt).orElse("");
    }

    boolean membership(Edge e) {
        return e.kind() == EdgeKind.MEMBERSHIP;
    }
}
