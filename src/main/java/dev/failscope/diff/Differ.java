package dev.failscope.diff;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
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
     * Clusters a change touches: the cluster of a cluster, replication, candidate or policy change, and for a
     * server change every cluster it belongs to or is a failover candidate of, on either side.
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
                case SERVICE, DEPENDENCY -> {
                    // a service change does not change how any cluster fails over
                }
                default -> throw new IllegalStateException("unhandled element " + c.element());
            }
        }
        return List.copyOf(touched);
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
