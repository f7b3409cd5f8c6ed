package dev.failscope.diff;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import dev.failscope.model.RouteTarget;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The diff's entry point: inspects both sides with the shared {@link Inspector} and compares them. */
public final class Differ {
    private final Inspector inspector;
    private final PrimaryLossProbe probe;
    private final boolean simulated;

    /** A differ without a simulator: no resilience delta. */
    public Differ(Inspector inspector) {
        this(inspector, PrimaryLossProbe.NONE, false);
    }

    public Differ(Inspector inspector, PrimaryLossProbe probe) {
        this(inspector, probe, true);
    }

    private Differ(Inspector inspector, PrimaryLossProbe probe, boolean simulated) {
        this.inspector = inspector;
        this.probe = probe;
        this.simulated = simulated;
    }

    public Comparison compare(List<String> before, List<String> after) {
        return compare(inspector.inspect(before), inspector.inspect(after));
    }

    public Comparison compare(Inspection before, Inspection after) {
        List<Change> changes = TopologyDiff.compare(before.topology(), after.topology());
        FindingDelta findings = delta(before, after);
        List<String> touched = touched(before.topology(), after.topology(), changes);
        List<ResilienceDelta> resilience = new ArrayList<>();
        if (simulated && !before.hasLoadErrors() && !after.hasLoadErrors()) {
            for (String cluster : touched) {
                Optional<PrimaryLossOutcome> was = probe.primaryLoss(before.topology(), cluster);
                Optional<PrimaryLossOutcome> now = probe.primaryLoss(after.topology(), cluster);
                if (was.isPresent() || now.isPresent()) {
                    String primary = after.topology().cluster(cluster).or(() -> before.topology().cluster(cluster))
                            .map(c -> c.primary().name()).orElse("");
                    resilience.add(new ResilienceDelta(cluster, primary, was, now));
                }
            }
        }
        return new Comparison(before, after, changes, findings, touched, resilience, simulated);
    }

    /**
     * Findings matched over active and waived findings on both sides, so a finding that became waived is
     * neither resolved nor introduced; waived after-side findings are left out (the comparison lists them
     * from {@link Inspection#waived()}).
     */
    static FindingDelta delta(Inspection before, Inspection after) {
        java.util.Set<Finding> waived = new java.util.HashSet<>();
        after.waived().forEach(w -> waived.add(w.finding()));
        FindingDelta all = FindingDelta.compare(withWaived(before), withWaived(after));
        return new FindingDelta(all.introduced().stream().filter(f -> !waived.contains(f)).toList(),
                all.resolved(), all.unchanged().stream().filter(f -> !waived.contains(f)).toList());
    }

    private static List<Finding> withWaived(Inspection i) {
        List<Finding> all = new ArrayList<>(i.findings());
        i.waived().forEach(w -> all.add(w.finding()));
        return all;
    }

    /**
     * Clusters a change touches: the cluster of a cluster, replication, candidate or policy change, for a
     * server change every cluster it belongs to or is a failover candidate of, for a route change the cluster it
     * serves and those its targets reach, and for a changed {@code via} the dependency's cluster, on either side.
     */
    static List<String> touched(Topology before, Topology after, List<Change> changes) {
        Set<String> touched = new TreeSet<>();
        for (Change c : changes) {
            switch (c.element()) {
                case CLUSTER, REPLICATION, FAILOVER_CANDIDATE, POLICY -> touched.add(c.subject());
                case SERVER -> {
                    touched.addAll(clustersUsing(before, c.subject()));
                    touched.addAll(clustersUsing(after, c.subject()));
                }
                case SERVICE -> {
                    // a service change does not change how any cluster fails over
                }
                case DEPENDENCY -> {
                    // the route clients take decides whether the service survives its cluster's failover
                    if (c.field().filter("via"::equals).isPresent()) {
                        c.target().ifPresent(t -> {
                            touched.addAll(dependencyClusters(before, t));
                            touched.addAll(dependencyClusters(after, t));
                        });
                    }
                }
                case ROUTE, ROUTE_TARGET -> {
                    touched.addAll(routeClusters(before, c.subject()));
                    touched.addAll(routeClusters(after, c.subject()));
                }
                default -> throw new IllegalStateException("unhandled element " + c.element());
            }
        }
        return List.copyOf(touched);
    }

    /** The cluster a dependency names, else the clusters of the server it names. */
    private static Set<String> dependencyClusters(Topology t, String target) {
        return t.cluster(target).isPresent() ? Set.of(target) : clustersUsing(t, target);
    }

    /** The cluster a route serves and the clusters its targets reach, on one side. */
    private static Set<String> routeClusters(Topology t, String route) {
        Set<String> names = new TreeSet<>();
        t.route(route).ifPresent(r -> {
            r.clusterOpt().map(Ref::name).filter(n -> t.cluster(n).isPresent()).ifPresent(names::add);
            for (RouteTarget target : r.targets()) {
                target.clusterOpt().filter(n -> t.cluster(n).isPresent()).ifPresent(names::add);
                target.serverOpt().ifPresent(s -> t.clustersOf(s).stream().map(Cluster::name).forEach(names::add));
            }
        });
        return names;
    }

    private static Set<String> clustersUsing(Topology t, String server) {
        Set<String> names = new TreeSet<>();
        t.clustersOf(server).stream().map(Cluster::name).forEach(names::add);
        for (FailoverPolicy p : t.policies()) {
            if (p.candidates().stream().map(Ref::name).anyMatch(server::equals)) {
                names.add(p.cluster().name());
            }
        }
        return names;
    }
}
