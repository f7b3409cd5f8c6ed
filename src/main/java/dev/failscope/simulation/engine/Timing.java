package dev.failscope.simulation.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failover takes under a manager.
 *
 * @param detection time from losing the primary to the start of the failover (the simulated detection event)
 * @param promotion time from the start of the failover to a writable new primary (the simulated promotion)
 * @param rtoMin    the shortest time from losing the primary to a writable new primary the real manager takes
 * @param rtoMax    the longest such time
 * @param why       how the range is made, e.g. "down-after-milliseconds 2000 + 1-2s of vote and promotion"
 */
public record Timing(Duration detection, Duration promotion, Duration rtoMin, Duration rtoMax, String why) {
    public Timing {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(rtoMin, "rtoMin");
        Objects.requireNonNull(rtoMax, "rtoMax");
        Objects.requireNonNull(why, "why");
        if (rtoMax.compareTo(rtoMin) < 0) {
            throw new IllegalArgumentException("rtoMax < rtoMin");
        }
    }

    /** The simulated RTO of one failover: detection plus promotion. */
    public Duration point() {
        return detection.plus(promotion);
    }
}
