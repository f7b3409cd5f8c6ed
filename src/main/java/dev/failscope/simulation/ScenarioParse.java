package dev.failscope.simulation;

import java.util.List;

/** The scenario parsed from {@code --fail} texts, and one message per text that could not be used. */
public record ScenarioParse(FailureScenario scenario, List<String> errors) {
    public ScenarioParse {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
