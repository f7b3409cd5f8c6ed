package dev.failscope.simulation.script;

import dev.failscope.model.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A scripted scenario ({@code *.scenario.yaml}) for training: a topology, and steps that narrate, fail things
 * and pause with a question for the audience.
 *
 * @param title    shown on the title slide
 * @param file     the script's display path
 * @param topology the topology path, resolved against the script's folder
 * @param steps    in order; never empty
 */
public record Script(String title, String file, String topology, List<ScriptStep> steps) {
    public Script {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(topology, "topology");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a script has at least one step");
        }
    }

    /** The failure texts of every step, each with its position (to check against the loaded topology). */
    public List<ScriptStep.Failure> failures() {
        return steps.stream().flatMap(s -> s.fail().stream()).toList();
    }

    /** Where the script starts (its first step's position). */
    public SourcePosition position() {
        return steps.get(0).position();
    }
}
