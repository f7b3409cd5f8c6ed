package dev.failscope.simulation.engine;

import dev.failscope.model.SourcePosition;
import java.util.Objects;

/**
 * A setting the manager's release ignores or adjusts, e.g. "failover_priority is ignored by Patroni 3.0 (it
 * arrived in 3.1)", at the position of the setting. The {@code manager-setting-ignored} rule reports them.
 */
public record SettingNote(String message, SourcePosition at) {
    public SettingNote {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
