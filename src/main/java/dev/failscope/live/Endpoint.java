package dev.failscope.live;

import dev.failscope.model.SourcePosition;
import java.util.Objects;

/**
 * One live source to read: a Patroni member's REST API, a Redis sentinel, or an etcd v3 gateway.
 *
 * @param kind    what answers there
 * @param address a URL ({@code http://10.0.0.1:8008}) for Patroni and etcd, {@code host:port} for a sentinel
 * @param origin  where the endpoint came from: the config line ({@code --from}) or the command line
 */
public record Endpoint(Kind kind, String address, SourcePosition origin) {
    /** What answers at an endpoint. */
    public enum Kind {
        PATRONI("patroni"), SENTINEL("sentinel"), ETCD("etcd");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where endpoints given as flags point: no file holds them. */
    public static final String COMMAND_LINE = "(command line)";

    public Endpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(origin, "origin");
    }

    /** An endpoint given as a flag ({@code --patroni URL}). */
    public static Endpoint flag(Kind kind, String address) {
        return new Endpoint(kind, address, SourcePosition.ofFile(COMMAND_LINE));
    }

    /** {@code patroni http://10.0.0.1:8008}. */
    public String describe() {
        return kind.label() + " " + address;
    }
}
