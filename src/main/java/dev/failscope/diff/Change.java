package dev.failscope.diff;

import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.SourcePosition;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One semantic change between two topology versions: what changed, the values and positions on both sides,
 * and the graph identities involved (so a GUI can overlay it).
 *
 * @param type           added, removed, changed or reordered
 * @param element        what kind of thing changed
 * @param subject        the element's name: a server, a cluster (replication, candidates, policy) or a service
 * @param target         the other name involved (the replica, the candidate, the dependency target), or empty
 * @param field          the key that changed ({@code status}, {@code mode}, {@code max-lag}, ...), or empty
 * @param before         the value before, or empty when the side lacks it
 * @param after          the value after, or empty when the side lacks it
 * @param beforePosition where it was written before, or empty
 * @param afterPosition  where it is written after, or empty
 * @param node           the graph vertex the change is about (for edges: the edge's source)
 * @param edge           for relations: the edge kind and its other end, or empty for vertex changes
 * @param message        one sentence for people
 */
public record Change(ChangeType type, ChangeElement element, String subject, Optional<String> target,
                     Optional<String> field, Optional<String> before, Optional<String> after,
                     Optional<SourcePosition> beforePosition, Optional<SourcePosition> afterPosition,
                     Node node, Optional<EdgeRef> edge, String message) {

    /** Element, subject, target, field, type: the order every report uses. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::element)
            .thenComparing(Change::subject)
            .thenComparing(c -> c.target().orElse(""))
            .thenComparing(c -> c.field().orElse(""))
            .thenComparing(Change::type)
            .thenComparing(Change::message);

    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(beforePosition, "beforePosition");
        Objects.requireNonNull(afterPosition, "afterPosition");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(message, "message");
        if (beforePosition.isEmpty() && afterPosition.isEmpty()) {
            throw new IllegalArgumentException("a change needs a position on at least one side: " + message);
        }
    }

    /** The position to point at: after when the element still exists, else before. */
    public SourcePosition position() {
        return afterPosition.or(() -> beforePosition).orElseThrow();
    }

    /**
     * The edge a relation change is about, identified as in {@link dev.failscope.model.Topology#graph()}.
     *
     * @param kind  replication, failover, membership or dependency
     * @param to    the edge's target vertex (the edge's source is {@link Change#node()})
     * @param order for failover edges the 1-based candidate order on the side that has it; else 0
     */
    public record EdgeRef(EdgeKind kind, Node to, int order) {
        public EdgeRef {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
        }
    }
}
