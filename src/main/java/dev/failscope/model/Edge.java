package dev.failscope.model;

import java.util.Objects;

/**
 * A typed edge. For failover edges {@code order} is the 1-based candidate order; otherwise 0.
 * {@code position} is where the relation was written.
 */
public record Edge(EdgeKind kind, Node from, Node to, int order, SourcePosition position) {
    public Edge {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(position, "position");
    }
}
