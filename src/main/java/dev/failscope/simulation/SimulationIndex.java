package dev.failscope.simulation;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.load.ReadAhead;
import dev.failscope.load.Suggestions;
import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the simulator needs to know about a topology, computed once and shared by every scenario of a sweep:
 * failure domains, which clusters a server belongs to and which services use a cluster or a server (read from
 * the model the way the topology's graph links them, without building the graph), and the static candidate
 * assessments. With it, a failure only touches its clusters and the services that use them.
 */
public final class SimulationIndex {
    private final Topology topology;
    private final CandidateEvaluator evaluator;
    private final List<Server> servers;
    /** Servers by zone, region and host: built on first use (a sweep of servers only never needs them). */
    private volatile Domains domains;
    /**
     * Server names referenced (membership, replication, candidates, pinned dependencies, route targets) that no
     * inventory declares: made on first use, so a sweep reads the references once and builds no set of every name.
     */
    private volatile Set<String> undeclaredServers;
    private volatile Set<String> sortedServerNames;
    private final Map<String, Integer> clusterOrder = new HashMap<>();
    private final Map<String, Integer> serviceOrder = new HashMap<>();
    private final Map<String, List<String>> clustersOfServer = new HashMap<>();
    private final Map<String, List<String>> servicesOfCluster = new HashMap<>();
    private final Map<String, List<String>> servicesOfServer = new HashMap<>();
    private final Map<String, List<String>> membersOfCluster = new HashMap<>();
    private final Map<String, List<CandidateAssessment>> assessments = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> relevant = new java.util.concurrent.ConcurrentHashMap<>();

    private SimulationIndex(Topology topology, int threads) {
        this.topology = topology;
        this.evaluator = new CandidateEvaluator(topology);
        for (Cluster c : topology.clustersInForce()) {
            clusterOrder.put(c.name(), clusterOrder.size());
        }
        for (Service s : topology.servicesInForce()) {
            serviceOrder.put(s.name(), serviceOrder.size());
        }
        // the servers' name order and the model's relations are independent: made side by side
        this.servers = ReadAhead.both(() -> byName(topology), () -> {
            indexModel();
            return this;
        }, threads).first();
    }

    public static SimulationIndex of(Topology topology) {
        return new SimulationIndex(topology, 1);
    }

    /** As {@link #of(Topology)}, on up to two worker threads (one: on the caller's thread); the same index. */
    public static SimulationIndex of(Topology topology, int threads) {
        return new SimulationIndex(topology, threads);
    }

    private static List<Server> byName(Topology topology) {
        Server[] byName = topology.serversInForce().toArray(new Server[0]);
        Arrays.sort(byName, (a, b) -> a.name().compareTo(b.name()));
        return List.of(byName);
    }

    public Topology topology() {
        return topology;
    }

    /** Server names the graph knows: declared ones and referenced-but-undeclared ones. */
    public Set<String> serverNames() {
        Set<String> sorted = sortedServerNames;
        if (sorted == null) {
            TreeSet<String> all = new TreeSet<>(topology.serverNames());
            all.addAll(undeclaredServers());
            sorted = Collections.unmodifiableSet(all);
            sortedServerNames = sorted;
        }
        return sorted;
    }

    public Set<String> zones() {
        return domains().zones().keySet();
    }

    public Set<String> regions() {
        return domains().regions().keySet();
    }

    public Set<String> hosts() {
        return domains().hosts().keySet();
    }

    /** Clusters (declared) the server is a member of, in declaration order. */
    public List<String> clustersOf(String server) {
        return clustersOfServer.getOrDefault(server, List.of());
    }

    /** Services that depend on the cluster, or are pinned to the server, of this name. */
    public List<String> servicesUsing(NodeKind kind, String name) {
        Map<String, List<String>> map = switch (kind) {
            case CLUSTER -> servicesOfCluster;
            case SERVER -> servicesOfServer;
            default -> Map.of();
        };
        return map.getOrDefault(name, List.of());
    }

    /** Position of the cluster in declaration order, for deterministic output. */
    int clusterOrder(String cluster) {
        return clusterOrder.getOrDefault(cluster, Integer.MAX_VALUE);
    }

    int serviceOrder(String service) {
        return serviceOrder.getOrDefault(service, Integer.MAX_VALUE);
    }

    /** The static verdicts of the cluster's policy, computed once per cluster. */
    List<CandidateAssessment> assessments(FailoverPolicy policy) {
        List<CandidateAssessment> known = assessments.get(policy.cluster().name()); // a hit makes no lambda
        return known != null ? known : assessments.computeIfAbsent(policy.cluster().name(),
                k -> evaluator.assess(policy));
    }

    /** The servers a target names; empty when it names nothing. */
    public List<String> serversOf(FailureTarget target) {
        return switch (target.kind()) {
            case SERVER -> isServer(target.name()) ? List.of(target.name()) : List.of();
            case ZONE -> domains().zones().getOrDefault(target.name(), List.of());
            case REGION -> domains().regions().getOrDefault(target.name(), List.of());
            case HOST -> domains().hosts().getOrDefault(target.name(), List.of());
        };
    }

    /**
     * When each server fails: the earliest time of any target naming it, with the target that made it fail.
     * Sorted by time, then name.
     */
    public Map<String, Failure> failures(FailureScenario scenario) {
        if (scenario.targets().size() == 1) {
            // one target: its servers, already sorted by name, all at its time
            FailureTarget t = scenario.targets().get(0);
            List<String> servers = serversOf(t);
            Map<String, Failure> one = new java.util.LinkedHashMap<>(Math.max(4, servers.size() * 2));
            for (int i = 0; i < servers.size(); i++) { // once per scenario of a sweep: no capturing lambda
                one.put(servers.get(i), new Failure(servers.get(i), t));
            }
            return one;
        }
        Map<String, Failure> byServer = new HashMap<>();
        for (FailureTarget t : scenario.targets()) {
            for (String server : serversOf(t)) {
                byServer.merge(server, new Failure(server, t), (a, b) -> b.at().compareTo(a.at()) < 0 ? b : a);
            }
        }
        Map<String, Failure> sorted = new java.util.LinkedHashMap<>();
        byServer.values().stream()
                .sorted(Comparator.comparing(Failure::at).thenComparing(Failure::server))
                .forEach(f -> sorted.put(f.server(), f));
        return sorted;
    }

    /**
     * True when some member of the cluster (declared or referenced-but-undeclared, every declaration of the name)
     * has not failed by {@code at}: the cluster can still serve reads (its membership edges in the graph
     * without the failed servers).
     */
    boolean anyMemberAlive(String cluster, Map<String, Failure> failures, Duration at) {
        for (String member : membersOfCluster.getOrDefault(cluster, List.of())) {
            if (!failedBy(failures, member, at)) {
                return true;
            }
        }
        return false;
    }

    static boolean failedBy(Map<String, Failure> failures, String server, Duration at) {
        Failure f = failures.get(server);
        return f != null && f.at().compareTo(at) <= 0;
    }

    /** Parses {@code --fail} texts and resolves them; a target that names nothing is an error with a suggestion. */
    public ScenarioParse parse(List<String> texts) {
        List<FailureTarget> targets = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String text : texts) {
            if (isServer(text.trim())) {
                // a server name exactly as reports print it, even one with '@' or ':' in it
                targets.add(FailureTarget.server(text.trim()));
                continue;
            }
            FailureTarget.Parsed parsed = FailureTarget.parse(text);
            if (parsed.errorOpt().isPresent()) {
                errors.add(parsed.error());
                continue;
            }
            FailureTarget t = parsed.target();
            if (serversOf(t).isEmpty()) {
                errors.add(unknown(text.trim(), t));
            } else {
                targets.add(t);
            }
        }
        return new ScenarioParse(new FailureScenario(targets), errors);
    }

    private String unknown(String text, FailureTarget t) {
        String what = switch (t.kind()) {
            case SERVER -> "no server, zone, region or host is named '" + t.name() + "'";
            case ZONE -> "no server is in zone '" + t.name() + "'";
            case REGION -> "no server is in region '" + t.name() + "'";
            case HOST -> "no server is on host '" + t.name() + "'";
        };
        return "unknown failure target '" + text + "': " + what + suggestion(t).map(s -> "; did you mean '" + s + "'?")
                .orElse("; --fail takes " + FailureTarget.ACCEPTED_FORMS);
    }

    private Optional<String> suggestion(FailureTarget t) {
        if (t.kind() == FailureTarget.Kind.SERVER) {
            for (FailureTarget.Kind k : List.of(FailureTarget.Kind.ZONE, FailureTarget.Kind.REGION,
                    FailureTarget.Kind.HOST)) {
                if (!serversOf(new FailureTarget(k, t.name(), t.at())).isEmpty()) {
                    return Optional.of(k.prefix() + t.name());
                }
            }
        }
        Set<String> names = switch (t.kind()) {
            case SERVER -> serverNames();
            case ZONE -> zones();
            case REGION -> regions();
            case HOST -> hosts();
        };
        return Suggestions.closest(t.name(), names).map(n -> t.kind().prefix() + n);
    }

    /** True for a server vertex of the topology's graph: declared, or a placeholder some edge creates. */
    private boolean isServer(String name) {
        return topology.server(name).isPresent() || undeclaredServers().contains(name);
    }

    private Set<String> undeclaredServers() {
        Set<String> undeclared = undeclaredServers;
        if (undeclared == null) {
            undeclared = new java.util.HashSet<>();
            for (String name : serverNamesOf(topology)) {
                if (topology.server(name).isEmpty()) {
                    undeclared.add(name);
                }
            }
            undeclaredServers = undeclared;
        }
        return undeclared;
    }

    /**
     * The server vertices of the topology's graph (declared servers and the placeholders that membership,
     * replication, failover, dependency and routing edges create), read from the model without building it. A
     * name may come more than once.
     */
    private static List<String> serverNamesOf(Topology topology) {
        List<String> names = new ArrayList<>();
        for (Cluster c : topology.clusters()) {
            names.add(c.primary().name());
            for (Replica r : c.replicas()) {
                names.add(r.server().name());
                names.add(r.sourceName(c.primary().name()));
            }
        }
        topology.policies().forEach(p -> p.candidates().forEach(r -> names.add(r.name())));
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                if (d.kind() == Dependency.Kind.SERVER) {
                    names.add(d.target().name());
                }
            }
        }
        Set<String> seenRoutes = new java.util.HashSet<>();
        for (Route r : topology.routes()) {
            if (!seenRoutes.add(r.name())) {
                continue;
            }
            for (RouteTarget t : r.targets()) {
                if (t.server() != null) {
                    names.add(t.server());
                } else if (t.route() == null && t.cluster() == null) {
                    names.add(t.written().name());
                }
            }
        }
        return names;
    }

    /** Membership (every declaration of a cluster), dependencies and monitors, as the graph's edges say. */
    private void indexModel() {
        Map<String, List<String>> clusters = new HashMap<>();
        Map<String, List<String>> ofCluster = new HashMap<>();
        Map<String, List<String>> ofServer = new HashMap<>();
        for (Cluster c : topology.clusters()) {
            for (Ref m : c.members()) {
                addOnce(clusters, m.name(), c.name());
                membersOfCluster.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(m.name());
            }
        }
        for (Service s : topology.services()) {
            for (Dependency d : s.dependsOn()) {
                addOnce(d.kind() == Dependency.Kind.CLUSTER ? ofCluster : ofServer, d.target().name(), s.name());
            }
        }
        // a monitor (sentinel, DCS member) belongs to the clusters it coordinates: its loss may stop their failover
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(topology)) {
            if (topology.cluster(p.cluster().name()).isPresent()) {
                p.monitors().forEach(m -> addOnce(clusters, m.name(), p.cluster().name()));
            }
        }
        clusters.forEach((k, v) -> clustersOfServer.put(k, inOrder(v, this::clusterOrder)));
        ofCluster.forEach((k, v) -> servicesOfCluster.put(k, inOrder(v, this::serviceOrder)));
        ofServer.forEach((k, v) -> servicesOfServer.put(k, inOrder(v, this::serviceOrder)));
    }

    /** Adds {@code value} to the key's list unless it is there (the lists are short: a server's clusters). */
    private static void addOnce(Map<String, List<String>> map, String key, String value) {
        List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static List<String> inOrder(List<String> names, java.util.function.ToIntFunction<String> order) {
        return names.size() == 1 ? List.of(names.get(0))
                : names.stream().sorted(Comparator.comparingInt(order)).toList();
    }

    /**
     * Every server whose failure a run of the cluster can read: the members of each declaration of its name,
     * its replicas' sources, its policy's candidates and monitors. Sorted, each once. Two scenarios that fail
     * the same of these at the same times end the same way for this cluster.
     */
    List<String> relevantServers(String cluster) {
        return relevant.computeIfAbsent(cluster, this::computeRelevant);
    }

    private List<String> computeRelevant(String name) {
        // a handful of names per cluster: a sorted list, not a tree set per cluster
        List<String> out = new ArrayList<>(membersOfCluster.getOrDefault(name, List.of()));
        Cluster c = topology.cluster(name).orElse(null);
        if (c != null) {
            for (Replica r : c.replicas()) {
                out.add(r.sourceName(c.primary().name()));
            }
        }
        FailoverPolicy p = topology.policy(name).orElse(null);
        if (p != null) {
            p.candidates().forEach(r -> out.add(r.name()));
            p.monitors().forEach(r -> out.add(r.name()));
        }
        out.sort(null);
        List<String> distinct = new ArrayList<>(out.size());
        for (String server : out) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(server)) {
                distinct.add(server);
            }
        }
        return List.copyOf(distinct);
    }

    private Domains domains() {
        Domains d = domains;
        if (d == null) {
            d = new Domains(domain(servers, Server::zone), domain(servers, Server::region),
                    domain(servers, Server::host));
            domains = d;
        }
        return d;
    }

    /** Servers by failure domain, each sorted by name. */
    private record Domains(Map<String, List<String>> zones, Map<String, List<String>> regions,
                           Map<String, List<String>> hosts) {}

    /** The servers by {@code key}, keys sorted, each list sorted by name ({@code servers} is). */
    private static Map<String, List<String>> domain(List<Server> byName, Function<Server, String> key) {
        Map<String, List<String>> map = new HashMap<>();
        for (Server s : byName) {
            String k = key.apply(s);
            if (k != null) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).add(s.name());
            }
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(sorted);
    }

    /** Declared server names, each once, sorted. */
    List<String> declaredServers() {
        return servers.stream().map(Server::name).toList();
    }

    /** A server's failure: when, and which target of the scenario made it fail. */
    public record Failure(String server, FailureTarget cause) {
        public Duration at() {
            return cause.at();
        }
    }
}
