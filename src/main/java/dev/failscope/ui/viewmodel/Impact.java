package dev.failscope.ui.viewmodel;

import dev.failscope.model.Durations;
import dev.failscope.simulation.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The impact summary lines of a simulation: the summary of {@code simulate}'s JSON, in words. */
public final class Impact {
    private Impact() {}

    public static List<String> lines(Simulation sim) {
        Simulation.Summary s = sim.summary();
        List<String> out = new ArrayList<>();
        out.add("Scenario: loss of " + sim.scenario().label());
        out.add(count(s.clustersDown().size(), "cluster") + " down" + names(s.clustersDown()));
        if (!s.clustersDegraded().isEmpty()) {
            out.add(count(s.clustersDegraded().size(), "cluster") + " degraded" + names(s.clustersDegraded()));
        }
        out.add(count(s.servicesDown().size(), "service") + " down" + names(s.servicesDown()));
        if (!s.servicesDegraded().isEmpty()) {
            out.add(count(s.servicesDegraded().size(), "service") + " degraded" + names(s.servicesDegraded()));
        }
        out.add("RTO estimate: " + durations(s.rto(), s.clustersDown().isEmpty() ? "no failover needed"
                : "unbounded: no writable primary"));
        out.add("RPO risk: " + durations(s.rpoRisk(), "none known"));
        return out;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "" : ": " + String.join(", ", names);
    }

    private static String durations(Map<String, Duration> byCluster, String none) {
        if (byCluster.isEmpty()) {
            return none;
        }
        List<String> parts = new ArrayList<>();
        byCluster.forEach((c, d) -> parts.add(c + " " + Durations.format(d)));
        return String.join(", ", parts);
    }
}
