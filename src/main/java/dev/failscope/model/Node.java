package dev.failscope.model;

import java.util.Objects;

/**
 * A graph vertex. {@code missing} marks a placeholder for a name that is referenced but declared nowhere,
 * so a dangling edge has somewhere to go.
 */
public record Node(NodeKind kind, String name, boolean missing) {
    public Node {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Node server(String name) {
        return new Node(NodeKind.SERVER, name, false);
    }

    public static Node cluster(String name) {
        return new Node(NodeKind.CLUSTER, name, false);
    }

    public static Node service(String name) {
        return new Node(NodeKind.SERVICE, name, false);
    }

    public static Node route(String name) {
        return new Node(NodeKind.ROUTE, name, false);
    }

    @Override
    public String toString() {
        return (missing ? "missing " : "") + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
    }
}
