package dev.failscope.simulation.engine;

import dev.failscope.model.SourcePosition;
import java.util.Objects;

/**
 * A manager-specific reason a member is never promoted (Patroni {@code failover_priority: 0} from 3.1 on).
 *
 * @param detail words for people, e.g. "failover_priority 0 (Patroni 3.1+: never promoted)"
 * @param at     the position of the deciding setting
 */
public record Exclusion(String detail, SourcePosition at) {
    public Exclusion {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
