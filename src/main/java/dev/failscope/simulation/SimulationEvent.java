package dev.failscope.simulation;

import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link Timeline}.
 *
 * @param at       offset from the start of the scenario
 * @param kind     what happened
 * @param subject  the element it happened to: a server, cluster or service name
 * @param cluster  the cluster the event belongs to, or null (failures and service events)
 * @param reason   a sentence for people, without the position
 * @param position the source position of the fact that decided it, or null when the scenario decided it
 */
public record SimulationEvent(Duration at, EventKind kind, String subject, String cluster, String reason,
                              SourcePosition position) {
    public SimulationEvent {
        Objects.requireNonNull(at, "at");
        if (at.isNegative()) {
            throw new IllegalArgumentException("negative event time: " + at);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    public long atMillis() {
        return at.toMillis();
    }

    public Optional<String> clusterOpt() {
        return Optional.ofNullable(cluster);
    }

    public Optional<SourcePosition> positionOpt() {
        return Optional.ofNullable(position);
    }
}
