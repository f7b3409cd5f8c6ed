package dev.failscope.simulation;

import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Service;
import dev.failscope.model.Topology;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a failure reaches, with clusters and services numbered in name order, for the sweep: the clusters of each
 * server, the services of each cluster and each pinned server, and what a cluster run or a service run reads.
 * The same relations as {@link SimulationIndex} ({@link Simulator#touchedClusters}, {@link
 * Simulator#touchedServices}), as sorted number arrays: a row's touched sets come out in name order, the order
 * its lists are printed in.
 */
final class SweepReach {
    private static final int[] NONE = new int[0];

    private final String[] clusterNames;
    private final Cluster[] clusters;
    private final List<List<String>> relevant = new ArrayList<>();
    private final String[] serviceNames;
    private final Service[] services;
    private final boolean[] routed;
    /** Per service, per dependency: the cluster's number, or -1 for a pinned server. */
    private final int[][] dependencyClusters;
    /** Filled on first use by the sweep's worker threads: concurrent maps, read without a lock. */
    private final Map<String, int[]> clustersOfServer;
    private final int[][] servicesOfCluster;
    private final Map<String, int[]> servicesOfServer;
    private final SimulationIndex index;
    private final Map<String, Integer> clusterNumber;
    private final Map<String, Integer> serviceNumber;

    SweepReach(Simulator simulator) {
        SimulationIndex index = simulator.index();
        Topology topology = index.topology();
        // sized for every server at once: growing a concurrent map copies it
        this.clustersOfServer = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16,
                topology.servers().size()));
        this.servicesOfServer = new java.util.concurrent.ConcurrentHashMap<>();
        this.clusterNames = new TreeSet<>(topology.clusters().stream().map(Cluster::name).toList())
                .toArray(String[]::new);
        this.serviceNames = new TreeSet<>(topology.services().stream().map(Service::name).toList())
                .toArray(String[]::new);
        Map<String, Integer> clusterNumber = numbers(clusterNames);
        Map<String, Integer> serviceNumber = numbers(serviceNames);
        this.clusters = new Cluster[clusterNames.length];
        this.servicesOfCluster = new int[clusterNames.length][];
        for (int i = 0; i < clusterNames.length; i++) {
            clusters[i] = topology.cluster(clusterNames[i]).orElseThrow();
            relevant.add(index.relevantServers(clusterNames[i]));
            servicesOfCluster[i] = sorted(index.servicesUsing(NodeKind.CLUSTER, clusterNames[i]), serviceNumber);
        }
        this.services = new Service[serviceNames.length];
        this.routed = new boolean[serviceNames.length];
        this.dependencyClusters = new int[serviceNames.length][];
        for (int i = 0; i < serviceNames.length; i++) {
            Service s = topology.service(serviceNames[i]).orElseThrow();
            services[i] = s;
            routed[i] = simulator.routed(s.name());
            List<Dependency> deps = s.dependsOn();
            dependencyClusters[i] = new int[deps.size()];
            for (int d = 0; d < deps.size(); d++) {
                Integer n = deps.get(d).kind() == Dependency.Kind.CLUSTER
                        ? clusterNumber.get(deps.get(d).target().name()) : null;
                dependencyClusters[i][d] = n == null ? -1 : n;
            }
        }
        this.index = index;
        this.clusterNumber = clusterNumber;
        this.serviceNumber = serviceNumber;
    }

    String clusterName(int n) {
        return clusterNames[n];
    }

    /** The first declaration of the cluster. */
    Cluster cluster(int n) {
        return clusters[n];
    }

    /** {@link SimulationIndex#relevantServers} of the cluster. */
    List<String> relevantServers(int n) {
        return relevant.get(n);
    }

    /** True when some service depends on the cluster (its history is read). */
    boolean used(int n) {
        return servicesOfCluster[n].length > 0;
    }

    String serviceName(int n) {
        return serviceNames[n];
    }

    /** The first declaration of the service. */
    Service service(int n) {
        return services[n];
    }

    /** True when some dependency of the service goes through a route. */
    boolean routed(int n) {
        return routed[n];
    }

    /** Per dependency of the service: its cluster's number, or -1 (a pinned server, or no such cluster). */
    int[] dependencyClusters(int n) {
        return dependencyClusters[n];
    }

    /** The clusters that contain or are coordinated by a failed server, in name order. */
    int[] touchedClusters(Map<String, Failure> failures) {
        if (failures.size() == 1) {
            return clustersOf(failures.keySet().iterator().next());
        }
        BitSet touched = new BitSet(clusterNames.length);
        for (String server : failures.keySet()) {
            for (int c : clustersOf(server)) {
                touched.set(c);
            }
        }
        return touched.stream().toArray();
    }

    /** The services that use a touched cluster or are pinned to a failed server, in name order. */
    int[] touchedServices(Map<String, Failure> failures, int[] touchedClusters) {
        if (failures.size() == 1 && touchedClusters.length <= 1) {
            int[] ofCluster = touchedClusters.length == 0 ? NONE : servicesOfCluster[touchedClusters[0]];
            int[] pinned = pinnedServices(failures.keySet().iterator().next());
            if (pinned.length == 0 || ofCluster.length == 0) {
                return pinned.length == 0 ? ofCluster : pinned;
            }
        }
        BitSet touched = new BitSet(serviceNames.length);
        for (int c : touchedClusters) {
            for (int s : servicesOfCluster[c]) {
                touched.set(s);
            }
        }
        for (String server : failures.keySet()) {
            for (int s : pinnedServices(server)) {
                touched.set(s);
            }
        }
        return touched.stream().toArray();
    }

    private int[] clustersOf(String server) {
        int[] of = clustersOfServer.get(server);
        if (of == null) {
            of = sorted(index.clustersOf(server), clusterNumber);
            if (of.length > 0) {
                clustersOfServer.put(server, of); // none is found again without a map entry per server
            }
        }
        return of;
    }

    private int[] pinnedServices(String server) {
        int[] of = servicesOfServer.get(server);
        if (of == null) {
            of = sorted(index.servicesUsing(NodeKind.SERVER, server), serviceNumber);
            if (of.length > 0) {
                servicesOfServer.put(server, of);
            }
        }
        return of;
    }

    private static Map<String, Integer> numbers(String[] names) {
        Map<String, Integer> out = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], i);
        }
        return out;
    }

    private static int[] sorted(List<String> names, Map<String, Integer> numbers) {
        if (names.isEmpty()) {
            return NONE;
        }
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numbers.get(names.get(i));
        }
        Arrays.sort(out);
        return out;
    }
}
