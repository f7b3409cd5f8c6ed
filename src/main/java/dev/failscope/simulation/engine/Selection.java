package dev.failscope.simulation.engine;

import dev.failscope.model.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * Who may end as primary after a failover.
 *
 * @param possible every member that may win, in configured order; one when the configs decide, several when
 *                 run time decides (WAL positions, offsets, run ids); empty when nothing is promoted
 * @param why      for several: how the real manager chooses ("whichever has replayed more WAL (...)"); for
 *                 none: why nothing is promoted; may be empty for one
 * @param at       the position of the deciding setting, or null
 * @param maybeNone true when, besides {@code possible}, run time may leave the cluster without a primary (which
 *                 synchronous standbys Patroni chose is not in the configs): the verdict is split
 * @param evidence  for one winner that observations decided: why it wins, with the observations' positions
 *                  ("pg-2 wins: lsn 0/3000148 (inventory.yaml:14) is ahead of pg-3's 0/3000060 ..."); else empty
 */
public record Selection(List<String> possible, String why, SourcePosition at, boolean maybeNone, String evidence) {
    public Selection {
        possible = List.copyOf(possible);
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(evidence, "evidence");
    }

    public Selection(List<String> possible, String why, SourcePosition at, boolean maybeNone) {
        this(possible, why, at, maybeNone, "");
    }

    /** One winner, decided by what was observed. */
    public static Selection observed(String server, String evidence) {
        return new Selection(List.of(server), "", null, false, evidence);
    }

    public static Selection one(String server) {
        return new Selection(List.of(server), "", null, false);
    }

    public static Selection none(String why, SourcePosition at) {
        return new Selection(List.of(), why, at, false);
    }

    public boolean empty() {
        return possible.isEmpty();
    }
}
