package dev.failscope.model;

import java.util.List;
import java.util.Objects;

/** An application that depends on clusters or servers. */
public record Service(String name, SourcePosition position, List<Dependency> dependsOn, Facts facts) {
    public Service {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(facts, "facts");
    }
}
