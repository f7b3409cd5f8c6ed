package dev.failscope.simulation.script;

import dev.failscope.model.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link Script}.
 *
 * @param time     a wall-clock label for the step ("08:10"), or null
 * @param say      the narration, or null
 * @param pause    a question to the audience; the presentation stops on it until the presenter moves on; or null
 * @param fail     what fails at this step (failure texts as {@code failscope simulate --fail} takes them); the
 *                 simulator's timeline of everything failed so far is then played as further steps
 * @param position where the step is declared
 */
public record ScriptStep(String time, String say, String pause, List<Failure> fail, SourcePosition position) {
    public ScriptStep {
        fail = List.copyOf(fail);
        Objects.requireNonNull(position, "position");
    }

    /** A failure text and where it is written. */
    public record Failure(String text, SourcePosition position) {
        public Failure {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(position, "position");
        }
    }

    public Optional<String> timeOpt() {
        return Optional.ofNullable(time);
    }

    public Optional<String> sayOpt() {
        return Optional.ofNullable(say);
    }

    public Optional<String> pauseOpt() {
        return Optional.ofNullable(pause);
    }
}
