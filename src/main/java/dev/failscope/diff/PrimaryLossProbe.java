package dev.failscope.diff;

import dev.failscope.model.Topology;
import java.util.Optional;

/**
 * Simulates losing a cluster's primary. The diff uses it for the resilience delta; the simulator provides
 * the implementation, so the diff never second-guesses it.
 */
@FunctionalInterface
public interface PrimaryLossProbe {
    /** No simulator: no resilience delta is reported. */
    PrimaryLossProbe NONE = (topology, cluster) -> Optional.empty();

    /** The outcome, or empty when the cluster is not declared on this side. */
    Optional<PrimaryLossOutcome> primaryLoss(Topology topology, String cluster);
}
