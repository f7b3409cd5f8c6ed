package dev.failscope.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a live source saw of one server at one time (a {@code failscope snapshot} writes these under
 * {@code observed:}). Every field but the position may be unknown (null): a snapshot says only what it read.
 *
 * @param role        the manager's word for the role: {@code primary}, {@code leader}, {@code replica},
 *                    {@code sync_standby}, {@code standby_leader}, {@code master}, {@code slave}
 * @param state       the member's state: {@code running}, {@code streaming}, {@code stopped}, {@code unreachable}
 * @param timeline    PostgreSQL timeline, or null
 * @param lsn         the WAL position received/replayed ({@code 0/3000148}) for PostgreSQL, or null
 * @param lagBytes    replication lag in bytes as the manager reports it, or null
 * @param sync        {@code sync}, {@code quorum}, {@code potential} or {@code async}, or null
 * @param offset      Redis replication offset ({@code slave_repl_offset} / {@code master_repl_offset}), or null
 * @param priority    the replica priority the live server reports (Redis {@code replica-priority}), or null
 * @param at          ISO-8601 instant of the observation, or null
 * @param position    where the {@code observed:} mapping was written
 * @param facts       where each key of it was written ({@code lsn}, {@code offset}, ...), for citing one value
 */
public record Observation(String role, String state, Long timeline, String lsn, Long lagBytes, String sync,
                          Long offset, Integer priority, String at, SourcePosition position, Facts facts) {
    public Observation {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(facts, "facts");
    }

    /** An observation without per-key positions (every value cited at the mapping). */
    public Observation(String role, String state, Long timeline, String lsn, Long lagBytes, String sync,
                       Long offset, Integer priority, String at, SourcePosition position) {
        this(role, state, timeline, lsn, lagBytes, sync, offset, priority, at, position, Facts.NONE);
    }

    /** Where {@code key} (as written: {@code lsn}, {@code lag-bytes}, ...) was written, else the mapping. */
    public SourcePosition at(String key) {
        return facts.orElse(key, position);
    }

    public Optional<String> roleOpt() {
        return Optional.ofNullable(role);
    }

    public Optional<Long> lagBytesOpt() {
        return Optional.ofNullable(lagBytes);
    }

    /** The LSN as a number ({@code hi << 32 | lo}), or empty when none or unreadable. */
    public Optional<Long> lsnValue() {
        if (lsn == null) {
            return Optional.empty();
        }
        int slash = lsn.indexOf('/');
        if (slash <= 0 || slash == lsn.length() - 1) {
            return Optional.empty();
        }
        try {
            long hi = Long.parseUnsignedLong(lsn.substring(0, slash), 16);
            long lo = Long.parseUnsignedLong(lsn.substring(slash + 1), 16);
            if (hi > 0xFFFFFFFFL || lo > 0xFFFFFFFFL) {
                return Optional.empty();
            }
            return Optional.of(hi << 32 | lo);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
