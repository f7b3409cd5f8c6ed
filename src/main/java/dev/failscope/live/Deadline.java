package dev.failscope.live;

import java.time.Duration;

/** The end of a snapshot's time budget, on the monotonic clock. */
final class Deadline {
    private final long endNanos;

    Deadline(Duration budget) {
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    boolean passed() {
        return remaining().isZero();
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** {@code limit}, or what is left of the budget when that is less (at least 1 ms while time is left). */
    Duration cap(Duration limit) {
        Duration left = remaining();
        if (left.isZero()) {
            return Duration.ZERO;
        }
        Duration d = left.compareTo(limit) < 0 ? left : limit;
        return d.toMillis() < 1 ? Duration.ofMillis(1) : d;
    }
}
