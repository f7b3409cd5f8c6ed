package dev.failscope.simulation.script;

import dev.failscope.simulation.SimulationEvent;
import java.util.List;
import java.util.Objects;

/**
 * One slide: a caption (narration, a question or a simulator event) and the state of the graph under it.
 *
 * @param kind     what the caption is
 * @param time     the clock label ("08:00 + 30s", "t+30s"), or ""
 * @param caption  the words shown large
 * @param events   the timeline whose first {@code applied} events are drawn on the graph (empty: plain topology)
 * @param applied  how many of {@code events} have happened
 */
public record Slide(Kind kind, String time, String caption, List<SimulationEvent> events, int applied) {
    /** The kinds of slide. */
    public enum Kind { TITLE, NARRATION, QUESTION, EVENT }

    public Slide {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(caption, "caption");
        events = List.copyOf(events);
    }
}
