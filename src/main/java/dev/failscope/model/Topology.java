package dev.failscope.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * An immutable, vendor-independent failover topology: every declaration as loaded (duplicates included,
 * so rules can report them) plus a typed JGraphT graph over servers, clusters and services.
 *
 * <p>Lookups by name return the first declaration in load order.
 *
 * <p>The graph is built on first use: {@code check} needs none (its rules read the declarations and the name
 * indexes), so a CI run does not pay for a JGraphT graph of every server, cluster and service.
 */
public final class Topology {
    private final List<String> files;
    private final List<Server> servers;
    private final List<Cluster> clusters;
    private final List<FailoverPolicy> policies;
    private final List<Service> services;
    private final List<UnknownKey> unknownKeys;
    private final List<Finding> loadFindings;
    private final SourcePosition authoritativeInventory;
    private final List<Waiver> waivers;
    private final List<Route> routes;
    private final Map<String, Observation> observations;
    private final Map<String, Route> routeByName;

    private final Map<String, Server> serverByName;
    private final Map<String, Cluster> clusterByName;
    private final Map<String, Service> serviceByName;
    private final Map<String, FailoverPolicy> policyByCluster;
    private final Map<String, List<Cluster>> clustersByMember;
    private final List<Server> serversInForce;
    private final List<Cluster> clustersInForce;
    private final List<Service> servicesInForce;
    private volatile Graph<Node, Edge> graph;

    Topology(TopologyBuilder b) {
        this.files = List.copyOf(b.files);
        this.servers = List.copyOf(b.servers);
        this.clusters = List.copyOf(b.clusters);
        this.policies = List.copyOf(b.policies);
        this.services = List.copyOf(b.services);
        this.unknownKeys = List.copyOf(b.unknownKeys);
        this.loadFindings = List.copyOf(b.loadFindings);
        this.authoritativeInventory = b.authoritativeInventory;
        this.waivers = List.copyOf(b.waivers);
        this.routes = List.copyOf(b.routes);
        this.observations = Collections.unmodifiableMap(new LinkedHashMap<>(b.observations));
        this.routeByName = firstByName(routes, Route::name);
        this.serverByName = firstByName(servers, Server::name);
        this.clusterByName = firstByName(clusters, Cluster::name);
        this.serviceByName = firstByName(services, Service::name);
        this.policyByCluster = firstByName(policies, p -> p.cluster().name());
        this.clustersByMember = indexMembers(clusters);
        this.serversInForce = inForce(servers, serverByName, Server::name);
        this.clustersInForce = inForce(clusters, clusterByName, Cluster::name);
        this.servicesInForce = inForce(services, serviceByName, Service::name);
    }

    public static TopologyBuilder builder() {
        return new TopologyBuilder();
    }

    public static Topology empty() {
        return new TopologyBuilder().build();
    }

    /** Display paths of the files loaded, in load order. */
    public List<String> files() {
        return files;
    }

    public List<Server> servers() {
        return servers;
    }

    /**
     * The servers in force: the first declaration of each name, the one {@link #server} returns, in load order.
     * Later duplicates are only reported ({@code duplicate-name}). The list itself when no name repeats.
     */
    public List<Server> serversInForce() {
        return serversInForce;
    }

    public List<Cluster> clusters() {
        return clusters;
    }

    /** The clusters in force, as {@link #serversInForce()}. */
    public List<Cluster> clustersInForce() {
        return clustersInForce;
    }

    public List<FailoverPolicy> policies() {
        return policies;
    }

    public List<Service> services() {
        return services;
    }

    /** The services in force, as {@link #serversInForce()}. */
    public List<Service> servicesInForce() {
        return servicesInForce;
    }

    public List<UnknownKey> unknownKeys() {
        return unknownKeys;
    }

    /** Findings made while loading (importer assumptions, skipped files). */
    public List<Finding> loadFindings() {
        return loadFindings;
    }

    /** Where an inventory said {@code authoritative: true}, if one did. */
    public Optional<SourcePosition> authoritativeInventory() {
        return Optional.ofNullable(authoritativeInventory);
    }

    /** Waivers ({@code kind: waivers} documents), in load order. */
    public List<Waiver> waivers() {
        return waivers;
    }

    /** Routes (poolers, proxies, connection strings, Kubernetes Services), in load order. */
    public List<Route> routes() {
        return routes;
    }

    public Optional<Route> route(String name) {
        return Optional.ofNullable(routeByName.get(name));
    }

    /** What a live source (a snapshot) observed of each server, by server name; empty for committed configs. */
    public Map<String, Observation> observations() {
        return observations;
    }

    public Optional<Observation> observation(String server) {
        return Optional.ofNullable(observations.get(server));
    }

    public Optional<Server> server(String name) {
        return Optional.ofNullable(serverByName.get(name));
    }

    public Optional<Cluster> cluster(String name) {
        return Optional.ofNullable(clusterByName.get(name));
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(serviceByName.get(name));
    }

    /** The first failover policy written for the cluster. */
    public Optional<FailoverPolicy> policy(String cluster) {
        return Optional.ofNullable(policyByCluster.get(cluster));
    }

    /** Clusters that list the server as primary or replica, in declaration order. */
    public List<Cluster> clustersOf(String server) {
        return clustersByMember.getOrDefault(server, List.of());
    }

    /** The unmodifiable typed graph. */
    public Graph<Node, Edge> graph() {
        Graph<Node, Edge> g = graph;
        if (g == null) {
            synchronized (this) {
                g = graph;
                if (g == null) {
                    g = new AsUnmodifiableGraph<>(buildGraph());
                    graph = g;
                }
            }
        }
        return g;
    }

    /** The vertex for a declared or missing name, if the graph has one. */
    public Optional<Node> node(NodeKind kind, String name) {
        Node declared = new Node(kind, name, false);
        Graph<Node, Edge> g = graph();
        if (g.containsVertex(declared)) {
            return Optional.of(declared);
        }
        Node missing = new Node(kind, name, true);
        return g.containsVertex(missing) ? Optional.of(missing) : Optional.empty();
    }

    public boolean isEmpty() {
        return servers.isEmpty() && clusters.isEmpty() && services.isEmpty() && policies.isEmpty()
                && routes.isEmpty();
    }

    private static <T> Map<String, T> firstByName(List<T> items, java.util.function.Function<T, String> name) {
        Map<String, T> map = new HashMap<>(items.size() * 4 / 3 + 1); // sized once: no rehash of a big fleet
        for (T item : items) {
            map.putIfAbsent(name.apply(item), item);
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> List<T> inForce(List<T> items, Map<String, T> first,
                                       java.util.function.Function<T, String> name) {
        if (first.size() == items.size()) {
            return items;
        }
        List<T> kept = new ArrayList<>(first.size());
        for (T item : items) {
            if (first.get(name.apply(item)) == item) {
                kept.add(item);
            }
        }
        return List.copyOf(kept);
    }

    private static Map<String, List<Cluster>> indexMembers(List<Cluster> clusters) {
        Map<String, List<Cluster>> map = new LinkedHashMap<>(clusters.size() * 16 / 3 + 1); // ~4 members each
        for (Cluster c : clusters) {
            for (Ref member : c.members()) {
                List<Cluster> list = map.computeIfAbsent(member.name(), k -> new ArrayList<>(1));
                if (!list.contains(c)) {
                    list.add(c);
                }
            }
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(map);
    }

    private Graph<Node, Edge> buildGraph() {
        Graph<Node, Edge> g = new DirectedPseudograph<>(null, null, false);
        servers.forEach(s -> g.addVertex(Node.server(s.name())));
        clusters.forEach(c -> g.addVertex(Node.cluster(c.name())));
        services.forEach(s -> g.addVertex(Node.service(s.name())));
        routes.forEach(r -> g.addVertex(Node.route(r.name())));
        for (Cluster c : clusters) {
            Node cluster = Node.cluster(c.name());
            addEdge(g, EdgeKind.MEMBERSHIP, vertex(g, NodeKind.SERVER, c.primary().name()), cluster, 0,
                    c.primary().position());
            for (Replica r : c.replicas()) {
                Node replica = vertex(g, NodeKind.SERVER, r.server().name());
                addEdge(g, EdgeKind.MEMBERSHIP, replica, cluster, 0, r.server().position());
                Ref source = r.source() != null ? r.source() : c.primary();
                SourcePosition pos = r.source() != null ? r.source().position() : r.server().position();
                addEdge(g, EdgeKind.REPLICATION, vertex(g, NodeKind.SERVER, source.name()), replica, 0, pos);
            }
        }
        for (FailoverPolicy p : policies) {
            Node cluster = vertex(g, NodeKind.CLUSTER, p.cluster().name());
            int order = 1;
            for (Ref candidate : p.candidates()) {
                addEdge(g, EdgeKind.FAILOVER, cluster, vertex(g, NodeKind.SERVER, candidate.name()), order++,
                        candidate.position());
            }
        }
        for (Service s : services) {
            Node service = Node.service(s.name());
            for (Dependency d : s.dependsOn()) {
                NodeKind kind = d.kind() == Dependency.Kind.CLUSTER ? NodeKind.CLUSTER : NodeKind.SERVER;
                addEdge(g, EdgeKind.DEPENDENCY, service, vertex(g, kind, d.target().name()), 0,
                        d.target().position());
            }
        }
        addRouting(g);
        return g;
    }

    /** Service to route (its {@code via}, or the route's {@code clients}), route to each target. */
    private void addRouting(Graph<Node, Edge> g) {
        java.util.Set<String> linked = new java.util.HashSet<>();
        for (Service s : services) {
            for (Dependency d : s.dependsOn()) {
                if (d.via() != null && linked.add(s.name() + "\n" + d.via().name())) {
                    addEdge(g, EdgeKind.ROUTING, Node.service(s.name()), vertex(g, NodeKind.ROUTE, d.via().name()),
                            0, d.via().position());
                }
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Route r : routes) {
            if (!seen.add(r.name())) {
                continue;
            }
            Node route = Node.route(r.name());
            for (Ref c : r.clients()) {
                if (linked.add(c.name() + "\n" + r.name())) {
                    addEdge(g, EdgeKind.ROUTING, vertex(g, NodeKind.SERVICE, c.name()), route, 0, c.position());
                }
            }
            int order = 1;
            for (RouteTarget t : r.targets()) {
                Node to = t.server() != null ? vertex(g, NodeKind.SERVER, t.server())
                        : t.route() != null ? vertex(g, NodeKind.ROUTE, t.route())
                        : t.cluster() != null ? vertex(g, NodeKind.CLUSTER, t.cluster())
                        : vertex(g, NodeKind.SERVER, t.written().name());
                addEdge(g, EdgeKind.ROUTING, route, to, order++, t.position());
            }
        }
    }

    /** The declared vertex, or a missing placeholder created on first reference. */
    private static Node vertex(Graph<Node, Edge> g, NodeKind kind, String name) {
        Node declared = new Node(kind, name, false);
        if (g.containsVertex(declared)) {
            return declared;
        }
        Node missing = new Node(kind, name, true);
        g.addVertex(missing);
        return missing;
    }

    private static void addEdge(Graph<Node, Edge> g, EdgeKind kind, Node from, Node to, int order,
                                SourcePosition pos) {
        Edge e = new Edge(kind, from, to, order, pos);
        g.addEdge(from, to, e);
    }

    /** Names of all servers declared, as a set (for quick membership tests). */
    public Set<String> serverNames() {
        return serverByName.keySet();
    }
}
