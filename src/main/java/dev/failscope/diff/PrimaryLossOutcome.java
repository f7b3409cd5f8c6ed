package dev.failscope.diff;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to a cluster when its primary is lost, as the simulator tells it.
 *
 * @param survived true when the cluster keeps or gets a writable primary and no service is left down (as sweep
 *                 counts an outage)
 * @param promoted the server promoted, when one is (also when services are left down)
 * @param rto      time from the loss until the cluster takes writes again, when a candidate is promoted
 * @param summary  words for people, e.g. "db-replica-1 promoted, RTO 30s" or "no candidate could be promoted"
 */
public record PrimaryLossOutcome(boolean survived, Optional<String> promoted, Optional<Duration> rto,
                                 String summary) {
    public PrimaryLossOutcome {
        Objects.requireNonNull(promoted, "promoted");
        Objects.requireNonNull(rto, "rto");
        Objects.requireNonNull(summary, "summary");
    }

    /** "survived (db-replica-1 promoted, RTO 30s)" or "an OUTAGE (...)". */
    public String describe() {
        return (survived ? "survived" : "an OUTAGE") + " (" + summary + ")";
    }
}
