package dev.failscope.simulation;

import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link Timeline}. Besides the sentence for people, an event carries its effect in structured
 * form, so a viewer can replay the timeline step by step ({@link Simulation#step(int)}) without parsing text.
 *
 * @param at       offset from the start of the scenario
 * @param kind     what happened
 * @param subject  the element it happened to: a server, cluster or service name
 * @param cluster  the cluster the event belongs to, or null (failures and service events)
 * @param reason   a sentence for people, without the position
 * @param position the source position of the fact that decided it, or null when the scenario decided it
 * @param detail   short words for a callout ("decommissioned", "lag 45s > max-lag 10s"), or null
 * @param related  the other server involved: the old primary of a promotion or a lost primary, the new source
 *                 of a re-pointed replica; null otherwise
 * @param state    the state of the cluster (cluster events) or service (service events) right after the event;
 *                 null for server failures
 */
public record SimulationEvent(Duration at, EventKind kind, String subject, String cluster, String reason,
                              SourcePosition position, String detail, String related, Health state) {
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

    public Optional<String> detailOpt() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> relatedOpt() {
        return Optional.ofNullable(related);
    }

    public Optional<Health> stateOpt() {
        return Optional.ofNullable(state);
    }
}
