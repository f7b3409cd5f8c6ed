package dev.failscope.layout;

import dev.failscope.model.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one graph vertex is drawn.
 *
 * @param node    the vertex (a missing placeholder when {@code node.missing()}: draw it as a ghost)
 * @param box     its rectangle
 * @param role    what it is in the picture
 * @param cluster the cluster that encloses it (members) or that it is placed beside (standalone servers),
 *                or null
 * @param depth   replication depth inside its cluster (primary 0, replica of the primary 1, cascading 2...);
 *                0 for everything else
 * @param lane    index into {@link Layout#lanes()} of the lane it sits in, or -1 (clusters, services)
 */
public record NodeBox(Node node, Box box, NodeRole role, String cluster, int depth, int lane) {
    public NodeBox {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(role, "role");
    }

    public Optional<String> clusterOpt() {
        return Optional.ofNullable(cluster);
    }
}
