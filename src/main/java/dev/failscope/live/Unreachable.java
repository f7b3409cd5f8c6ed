package dev.failscope.live;

import java.util.Objects;

/**
 * A source or member that did not answer (or answered nonsense), and why.
 *
 * @param endpoint what was tried
 * @param cluster  the cluster it belongs to, when known, or null
 * @param member   the member's name, when it is one, or null
 * @param reason   why: refused, timed out, not authorised, malformed answer ... (never a secret)
 */
public record Unreachable(Endpoint endpoint, String cluster, String member, String reason) {
    public Unreachable {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(reason, "reason");
    }

    /** An entry read back from a snapshot file's header: the line's text, positioned on it. */
    public static Unreachable noted(String text, dev.failscope.model.SourcePosition at) {
        return new Unreachable(new Endpoint(Endpoint.Kind.PATRONI, "", at), null, null, text);
    }

    public String describe() {
        if (endpoint.address().isEmpty()) {
            return reason;
        }
        return (member != null ? "member " + member + " (" + endpoint.describe() + ")" : endpoint.describe())
                + ": " + reason;
    }
}
