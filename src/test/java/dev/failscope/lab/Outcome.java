package dev.failscope.lab;

/**
 * What the real manager did after the failure, and how long it took (milliseconds after the kill).
 *
 * @param kind       what happened
 * @param primary    the writable primary at the end (the new one, or the old one when it stayed), else null
 * @param switchMs   PROMOTED: when the manager named the new primary; NO_PRIMARY: when the old primary stopped
 *                   taking writes, if it was alive to do so; else null
 * @param writableMs PROMOTED: when the new primary accepted a write
 * @param detail     the manager's own words (log lines, REST replies) that show it
 */
record Outcome(Kind kind, String primary, Long switchMs, Long writableMs, String detail) {
    enum Kind {
        /** A replica was promoted and takes writes. */
        PROMOTED,
        /** Nothing was promoted within the deadline and no member takes writes. */
        NO_PRIMARY,
        /** The primary is alive and stays the primary, but a commit does not return (synchronous replication). */
        WRITES_BLOCKED,
        /** The primary is alive, stays the primary and takes writes. */
        PRIMARY_KEPT
    }

    static Outcome promoted(String primary, long switchMs, long writableMs, String detail) {
        return new Outcome(Kind.PROMOTED, primary, switchMs, writableMs, detail);
    }

    static Outcome noPrimary(Long demotedMs, String detail) {
        return new Outcome(Kind.NO_PRIMARY, null, demotedMs, null, detail);
    }

    String describe() {
        return switch (kind) {
            case PROMOTED -> primary + " promoted after " + Fidelity.seconds(switchMs) + " (writable "
                    + Fidelity.seconds(writableMs) + ")";
            case NO_PRIMARY -> "nothing promoted" + (switchMs == null ? "" : ", old primary read-only after "
                    + Fidelity.seconds(switchMs)) + ", no writable primary";
            case WRITES_BLOCKED -> primary + " stays primary, commits block";
            case PRIMARY_KEPT -> primary + " stays primary and takes writes";
        };
    }
}
