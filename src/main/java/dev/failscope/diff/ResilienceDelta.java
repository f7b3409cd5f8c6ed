package dev.failscope.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * The simulated loss of one touched cluster's primary, before versus after the change.
 *
 * @param cluster the cluster
 * @param primary the primary lost (after the change, or before when the cluster was removed)
 * @param before  the outcome before, or empty when the cluster did not exist
 * @param after   the outcome after, or empty when the cluster no longer exists
 */
public record ResilienceDelta(String cluster, String primary, Optional<PrimaryLossOutcome> before,
                              Optional<PrimaryLossOutcome> after) {
    public ResilienceDelta {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** A survived primary loss became an outage. */
    public boolean regressed() {
        return before.map(PrimaryLossOutcome::survived).orElse(false)
                && after.map(o -> !o.survived()).orElse(false);
    }

    /** An outage became survivable. */
    public boolean improved() {
        return before.map(o -> !o.survived()).orElse(false)
                && after.map(PrimaryLossOutcome::survived).orElse(false);
    }

    /** "catify-main: primary loss was survived (...); after this change it is an OUTAGE (...)". */
    public String describe() {
        String was = before.map(o -> "primary loss was " + o.describe()).orElse("cluster did not exist");
        String now = after.map(o -> "after this change it is " + o.describe()).orElse("after this change the "
                + "cluster no longer exists");
        if (before.isPresent() && after.isPresent() && before.get().equals(after.get())) {
            return cluster + ": primary loss is " + after.get().describe() + ", unchanged";
        }
        return cluster + ": " + was + "; " + now;
    }
}
