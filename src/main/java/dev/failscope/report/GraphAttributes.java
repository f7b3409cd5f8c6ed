package dev.failscope.report;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the graph exports carry on each vertex and edge, computed once: stable ids, kinds, server statuses,
 * and the worst finding severity about each element. Vertices and edges are in the topology graph's order.
 */
final class GraphAttributes {
    private final Topology topology;
    private final Map<Node, String> ids = new LinkedHashMap<>();
    private final Map<String, Severity> worstBySubject = new HashMap<>();
    private final Map<String, Severity> worstByPair = new HashMap<>();

    GraphAttributes(Inspection inspection) {
        this.topology = inspection.topology();
        int i = 0;
        for (Node n : topology.graph().vertexSet()) {
            ids.put(n, "n" + i++);
        }
        for (Finding f : inspection.findings()) {
            worstBySubject.merge(f.subject(), f.severity(), GraphAttributes::worse);
            if (f.target() != null) {
                worstByPair.merge(f.subject() + "\u0000" + f.target(), f.severity(), GraphAttributes::worse);
                worstBySubject.merge(f.target(), f.severity(), GraphAttributes::worse);
            }
        }
    }

    Topology topology() {
        return topology;
    }

    List<Node> nodes() {
        return new ArrayList<>(ids.keySet());
    }

    List<Edge> edges() {
        return new ArrayList<>(topology.graph().edgeSet());
    }

    String id(Node n) {
        return ids.get(n);
    }

    static String kind(Node n) {
        return n.kind().name().toLowerCase(Locale.ROOT);
    }

    static String kind(Edge e) {
        return e.kind().name().toLowerCase(Locale.ROOT);
    }

    /** active, maintenance or decommissioned for declared servers; "missing" for placeholders; else empty. */
    Optional<String> status(Node n) {
        if (n.missing()) {
            return Optional.of("missing");
        }
        if (n.kind() != NodeKind.SERVER) {
            return Optional.empty();
        }
        return topology.server(n.name()).map(Server::status).map(ServerStatus::label);
    }

    /** The worst severity of a finding whose subject or target is this element's name. */
    Optional<Severity> severity(Node n) {
        return Optional.ofNullable(worstBySubject.get(n.name()));
    }

    /** For a failover or dependency edge, the worst finding about that (subject, target) pair. */
    Optional<Severity> severity(Edge e) {
        return Optional.ofNullable(worstByPair.get(e.from().name() + "\u0000" + e.to().name()));
    }

    /** True for an edge to a missing placeholder: the reference dangles. */
    static boolean dangling(Edge e) {
        return e.to().missing() || e.from().missing();
    }

    /** True for an edge that touches a decommissioned server. */
    boolean decommissioned(Edge e) {
        return isDecommissioned(e.to()) || isDecommissioned(e.from());
    }

    boolean isDecommissioned(Node n) {
        return status(n).filter("decommissioned"::equals).isPresent();
    }

    /** "failover #1", "replication", "write", ... */
    static String label(Edge e) {
        return switch (e.kind()) {
            case FAILOVER -> "failover #" + e.order();
            case REPLICATION -> "replicates";
            case MEMBERSHIP -> "member";
            case DEPENDENCY -> "depends";
            case ROUTING -> e.order() > 0 ? "routes #" + e.order() : "via";
        };
    }

    /** Failover and route-target edges: the ones marked when their target is missing or decommissioned. */
    static boolean pointsAtTarget(Edge e) {
        return e.kind() == EdgeKind.FAILOVER || e.kind() == EdgeKind.ROUTING && e.order() > 0;
    }

    static boolean isFailover(Edge e) {
        return e.kind() == EdgeKind.FAILOVER;
    }

    private static Severity worse(Severity a, Severity b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
