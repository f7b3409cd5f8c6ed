package dev.failscope.ui.viewmodel;

import dev.failscope.simulation.SimulationEvent;
import java.util.List;
import java.util.Objects;

/**
 * One slide of the presentation: a caption (narration, a question or a simulator event) and the graph's state
 * under it.
 *
 * @param kind     what the caption is
 * @param time     the clock label ("08:00 + 30s", "t+30s"), or ""
 * @param caption  the words shown large
 * @param events   the timeline whose first {@code applied} events are drawn on the graph (empty: plain topology)
 * @param applied  how many of {@code events} have happened
 */
public record Beat(Kind kind, String time, String caption, List<SimulationEvent> events, int applied) {
    /** The kinds of slide. */
    public enum Kind { TITLE, NARRATION, QUESTION, EVENT }

    public Beat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(caption, "caption");
        events = List.copyOf(events);
    }

    /** The overlay this slide puts on the graph. */
    public GraphOverlay overlay() {
        return events.isEmpty() ? GraphOverlay.NONE : OverlayBuilder.at(events, applied);
    }
}
