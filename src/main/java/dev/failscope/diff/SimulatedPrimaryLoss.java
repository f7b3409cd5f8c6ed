package dev.failscope.diff;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.Topology;
import dev.failscope.simulation.ClusterOutcome;
import dev.failscope.simulation.EventKind;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.simulation.Simulator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The resilience probe backed by the simulator: fail the cluster's primary, read the cluster's outcome. As in
 * sweep, a primary loss that leaves a service down is an outage even when a candidate is promoted. One
 * simulator (and its index) is built per topology and reused for every cluster of that side.
 */
public final class SimulatedPrimaryLoss implements PrimaryLossProbe {
    private final Map<Topology, Simulator> simulators = new IdentityHashMap<>();

    @Override
    public Optional<PrimaryLossOutcome> primaryLoss(Topology topology, String cluster) {
        Optional<Cluster> c = topology.cluster(cluster);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        String primary = c.get().primary().name();
        Simulation sim = simulators.computeIfAbsent(topology, Simulator::new).run(FailureScenario.servers(primary));
        ClusterOutcome outcome = sim.cluster(cluster, primary);
        List<String> down = sim.summary().servicesDown();
        if (!outcome.health().outage()) {
            Optional<String> promoted = outcome.primaryOpt().filter(p -> !p.equals(primary));
            String summary = promoted.map(p -> p + " promoted").orElse("primary kept")
                    + outcome.rtoOpt().map(d -> ", RTO " + Durations.format(d)).orElse("");
            if (down.isEmpty()) {
                return Optional.of(new PrimaryLossOutcome(true, promoted, outcome.rtoOpt(), summary));
            }
            // as sweep counts it: the database survived, but services are left down (a route that pins the old
            // primary, a dependency on the failed server)
            List<String> stuck = sim.routes().values().stream().filter(r -> !r.reaches())
                    .map(r -> "route " + r.route() + " " + r.reason()).toList();
            return Optional.of(new PrimaryLossOutcome(false, promoted, outcome.rtoOpt(), summary + "; "
                    + servicesDown(down.size()) + (stuck.isEmpty() ? "" : ": " + String.join("; ", stuck))));
        }
        List<String> why = new ArrayList<>();
        for (SimulationEvent e : sim.timeline().events()) {
            if (cluster.equals(e.cluster()) && e.kind() == EventKind.CANDIDATE_SKIPPED) {
                String prefix = "^attempt on " + java.util.regex.Pattern.quote(e.subject()) + ": ";
                why.add(e.subject() + " skipped: " + e.reason().replaceFirst(prefix, "")
                        .replaceFirst(", cannot be promoted$", ""));
            }
        }
        String summary = (why.isEmpty() ? "no candidate to promote" : String.join("; ", why))
                + (down.isEmpty() ? "" : "; " + servicesDown(down.size()));
        return Optional.of(new PrimaryLossOutcome(false, Optional.empty(), Optional.empty(), summary));
    }

    private static String servicesDown(int n) {
        return n + (n == 1 ? " service" : " services") + " down";
    }
}
