package dev.failscope.ui.viewmodel;

import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.model.TopologyBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which clusters go into the graph: only those with findings, with a finding at least this severe, with a
 * finding of this rule, with a member in this zone or of this team (its {@code team} tag), used by this service, or declared in this file (a team's
 * file in a fleet split by team). Criteria combine with "and"; a null criterion (or false) does not filter.
 *
 * <p>A cluster is judged together with its members and its failover candidates (a finding about a candidate is
 * the cluster's problem). A server in no cluster is judged alone. What passes keeps its members, candidates and
 * monitors, so arrows still end where they did; a service stays when one of its dependencies is kept and shows
 * only the kept ones. Pure; the graph runs it in the background before laying out.
 *
 * @param onlyWithFindings only clusters (and lone servers) some finding mentions
 * @param severity         only those with a finding at least this severe, or null
 * @param rule             only those with a finding of this rule, or null
 * @param zone             only those with a member in this zone, or null
 * @param team             only those with a member tagged {@code team: TEAM}, or null
 * @param service          only those this service depends on, or null
 * @param file             only those declared in this file (as the topology names its files), or null
 */
public record SceneFilter(boolean onlyWithFindings, Severity severity, String rule, String zone, String team,
                          String service, String file) {
    public static final SceneFilter NONE = new SceneFilter(false, null, null, null, null, null, null);

    /** True when nothing is filtered. */
    public boolean isNone() {
        return equals(NONE);
    }

    public SceneFilter withOnlyFindings(boolean on) {
        return new SceneFilter(on, severity, rule, zone, team, service, file);
    }

    public SceneFilter withSeverity(Severity s) {
        return new SceneFilter(onlyWithFindings, s, rule, zone, team, service, file);
    }

    public SceneFilter withRule(String r) {
        return new SceneFilter(onlyWithFindings, severity, r, zone, team, service, file);
    }

    public SceneFilter withZone(String z) {
        return new SceneFilter(onlyWithFindings, severity, rule, z, team, service, file);
    }

    public SceneFilter withTeam(String t) {
        return new SceneFilter(onlyWithFindings, severity, rule, zone, t, service, file);
    }

    public SceneFilter withService(String s) {
        return new SceneFilter(onlyWithFindings, severity, rule, zone, team, s, file);
    }

    public SceneFilter withFile(String f) {
        return new SceneFilter(onlyWithFindings, severity, rule, zone, team, service, f);
    }

    /**
     * What the filter keeps.
     *
     * @param topology       the topology to lay out: the input itself when nothing is filtered
     * @param clustersShown  clusters kept
     * @param clustersTotal  clusters in the input
     * @param serversShown   servers kept
     * @param serversTotal   servers in the input
     */
    public record Selection(Topology topology, int clustersShown, int clustersTotal, int serversShown,
                            int serversTotal) {
        /** {@code showing 12 of 1250 clusters (40 of 5002 servers)}, or "" when nothing is hidden. */
        public String describe() {
            if (clustersShown == clustersTotal && serversShown == serversTotal) {
                return "";
            }
            return "showing " + clustersShown + " of " + clustersTotal + " clusters (" + serversShown + " of "
                    + serversTotal + " servers)";
        }
    }

    /** Applies the filter. */
    public Selection select(Topology t, List<Finding> findings) {
        int clusters = t.clusters().size();
        int servers = t.servers().size();
        if (isNone()) {
            return new Selection(t, clusters, clusters, servers, servers);
        }
        Map<String, List<Finding>> about = new HashMap<>();
        for (Finding f : findings) {
            about.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
            f.targetOpt().filter(x -> !x.equals(f.subject()))
                    .ifPresent(x -> about.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
        }
        Map<String, Set<String>> usedBy = new HashMap<>(); // cluster or server name -> services
        for (Service s : t.services()) {
            for (Dependency d : s.dependsOn()) {
                usedBy.computeIfAbsent(d.target().name(), k -> new HashSet<>()).add(s.name());
            }
        }
        Set<String> clustered = new HashSet<>();
        Set<String> keptServers = new LinkedHashSet<>();
        Set<String> keptClusters = new LinkedHashSet<>();
        for (Cluster c : t.clusters()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(c.name());
            Set<String> members = new LinkedHashSet<>();
            c.members().forEach(r -> members.add(r.name()));
            clustered.addAll(members);
            names.addAll(members);
            t.policy(c.name()).ifPresent(p -> related(p).forEach(names::add));
            if (passes(t, names, members, c.position().file(), about, usedBy)) {
                keptClusters.add(c.name());
                names.remove(c.name());
                keptServers.addAll(names);
            }
        }
        for (Server s : t.servers()) {
            if (!clustered.contains(s.name()) && !keptServers.contains(s.name())
                    && passes(t, Set.of(s.name()), Set.of(s.name()), s.position().file(), about, usedBy)) {
                keptServers.add(s.name());
            }
        }
        TopologyBuilder b = Topology.builder();
        t.files().forEach(b::file);
        Set<String> keptServices = new HashSet<>();
        List<Service> services = new ArrayList<>();
        for (Service s : t.services()) {
            List<Dependency> deps = s.dependsOn().stream().filter(d -> keptClusters.contains(d.target().name())
                    || keptServers.contains(d.target().name())).toList();
            if (!deps.isEmpty()) {
                services.add(new Service(s.name(), s.position(), deps, s.facts()));
                keptServices.add(s.name());
            }
        }
        // A route stays when a kept service goes through it, lists it as a client, or it serves a kept cluster;
        // it keeps the servers it targets (as a cluster keeps its candidates) and only kept clients and targets.
        Set<String> usedRoutes = new HashSet<>();
        services.forEach(s -> s.dependsOn().forEach(d -> d.viaOpt().ifPresent(v -> usedRoutes.add(v.name()))));
        List<dev.failscope.model.Route> routes = new ArrayList<>();
        Set<String> keptRoutes = new HashSet<>();
        for (dev.failscope.model.Route r : t.routes()) {
            if (usedRoutes.contains(r.name()) || r.clients().stream().anyMatch(c -> keptServices.contains(c.name()))
                    || (r.cluster() != null && keptClusters.contains(r.cluster().name()))) {
                keptRoutes.add(r.name());
                routes.add(r);
            }
        }
        for (dev.failscope.model.Route r : routes) {
            r.targets().stream().filter(x -> x.server() != null).forEach(x -> keptServers.add(x.server()));
        }
        t.servers().stream().filter(s -> keptServers.contains(s.name())).forEach(b::server);
        t.clusters().stream().filter(c -> keptClusters.contains(c.name())).forEach(b::cluster);
        t.policies().stream().filter(p -> keptClusters.contains(p.cluster().name())).forEach(b::policy);
        for (Service s : services) {
            b.service(new Service(s.name(), s.position(), s.dependsOn().stream().map(d -> d.via() == null
                    || keptRoutes.contains(d.via().name()) ? d : new Dependency(d.kind(), d.target(), d.access()))
                    .toList(), s.facts()));
        }
        for (dev.failscope.model.Route r : routes) {
            b.route(new dev.failscope.model.Route(r.name(), r.position(), r.kind(),
                    r.clients().stream().filter(c -> keptServices.contains(c.name())).toList(), r.cluster(),
                    r.access(), r.targets().stream().filter(x -> x.cluster() == null
                            || keptClusters.contains(x.cluster())).filter(x -> x.route() == null
                            || keptRoutes.contains(x.route())).toList(), r.follow(), r.check(), r.listen(),
                    r.facts()));
        }
        Topology shown = b.build();
        return new Selection(shown, keptClusters.size(), clusters, shown.servers().size(), servers);
    }

    private static List<String> related(FailoverPolicy p) {
        List<String> out = new ArrayList<>();
        p.candidates().stream().map(Ref::name).forEach(out::add);
        p.monitors().stream().map(Ref::name).forEach(out::add);
        return out;
    }

    private boolean passes(Topology t, Set<String> names, Set<String> members, String declaredIn,
                           Map<String, List<Finding>> about, Map<String, Set<String>> usedBy) {
        List<Finding> found = new ArrayList<>();
        for (String n : names) {
            found.addAll(about.getOrDefault(n, List.of()));
        }
        if (onlyWithFindings && found.isEmpty()) {
            return false;
        }
        if (severity != null && found.stream().noneMatch(f -> f.severity().atLeast(severity))) {
            return false;
        }
        if (rule != null && found.stream().noneMatch(f -> f.rule().equals(rule))) {
            return false;
        }
        if (zone != null && members.stream().noneMatch(m -> t.server(m).map(s -> zone.equals(s.zone()))
                .orElse(false))) {
            return false;
        }
        if (team != null && members.stream().noneMatch(m -> t.server(m).map(s -> team.equals(s.tags().get("team")))
                .orElse(false))) {
            return false;
        }
        if (service != null && names.stream().noneMatch(n -> usedBy.getOrDefault(n, Set.of()).contains(service))) {
            return false;
        }
        return file == null || Objects.equals(file, declaredIn);
    }
}
