package dev.failscope.report;

import dev.failscope.analysis.FailoverExposure;
import dev.failscope.model.Topology;
import dev.failscope.simulation.Sweep;
import dev.failscope.simulation.SweepResult;
import dev.failscope.simulation.SweepRow;
import java.util.List;

/**
 * The two resilience numbers monitoring and the audit report: clusters without viable failover (the shared
 * candidate evaluation) and single points of failure (single failures whose simulation ends in an outage,
 * as {@code failscope sweep} lists them).
 */
public record ResilienceMetrics(List<String> clustersWithoutViableFailover, List<String> singlePointsOfFailure) {
    public ResilienceMetrics {
        clustersWithoutViableFailover = List.copyOf(clustersWithoutViableFailover);
        singlePointsOfFailure = List.copyOf(singlePointsOfFailure);
    }

    /** With a sweep of every single server. */
    public static ResilienceMetrics of(Topology topology) {
        return of(topology, Sweep.run(topology, Sweep.Options.SERVERS));
    }

    /** With the single failures of a sweep already run. */
    public static ResilienceMetrics of(Topology topology, SweepResult sweep) {
        return new ResilienceMetrics(FailoverExposure.of(topology).clustersWithoutViableFailover(),
                sweep.singlePointsOfFailure().stream().map(SweepRow::label).toList());
    }
}
