package dev.failscope.simulation.engine;

import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.Objects;

/**
 * Why a manager does not do something (fail over, accept writes), with the fact that decides it.
 *
 * @param reason words for people, e.g. "1 of 3 sentinels left, fewer than quorum 2 (sentinel.c ...)"
 * @param at     the position of the deciding setting, or null when the scenario decides it
 * @param delay  how long after the triggering event the effect happens (a demotion after retry_timeout)
 */
public record Block(String reason, SourcePosition at, Duration delay) {
    public Block {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(delay, "delay");
    }

    public Block(String reason, SourcePosition at) {
        this(reason, at, Duration.ZERO);
    }
}
