package dev.failscope.simulation;

import java.util.Comparator;
import java.util.List;

/**
 * The events of one simulation in time order. Events at the same time keep the order in which they were
 * caused (failures, then each cluster in declaration order, then services), so the order is deterministic.
 */
public record Timeline(List<SimulationEvent> events) {
    public Timeline {
        events = events.stream().sorted(Comparator.comparing(SimulationEvent::at)).toList();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public List<SimulationEvent> ofKind(EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }
}
