package dev.failscope.report.html;

import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeType;
import dev.failscope.diff.Comparison;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Topology;
import dev.failscope.scene.SceneDiff;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page's diff marks on one side, for the scene: the before side marks what was removed, the after side
 * what was added; both mark what changed. A change marks its subject and its target (the first change to name an
 * element wins).
 */
final class DiffMarks {
    private DiffMarks() {}

    static SceneDiff of(Comparison c, boolean before) {
        Topology t = before ? c.before().topology() : c.after().topology();
        Map<String, Node> byName = byName(t);
        Map<Node, SceneDiff.Mark> marks = new LinkedHashMap<>();
        for (Change ch : c.changes()) {
            boolean changed = ch.type() == ChangeType.CHANGED || ch.type() == ChangeType.REORDERED;
            if (!changed && (ch.type() == ChangeType.REMOVED) != before) {
                continue;
            }
            for (Optional<String> name : List.of(Optional.of(ch.subject()), ch.target())) {
                name.map(byName::get).map(SceneDiff::key).ifPresent(n ->
                        marks.putIfAbsent(n, new SceneDiff.Mark(ch.type(), ch.type().label())));
            }
        }
        return new SceneDiff(marks, Map.of(), Map.of(), List.of(), Optional.empty());
    }

    /** A name's vertex: declared before missing, then cluster, server, service (as the page's script picks). */
    private static Map<String, Node> byName(Topology t) {
        Map<String, Node> out = new HashMap<>();
        for (Node n : t.graph().vertexSet()) {
            out.merge(n.name(), n, (a, b) -> better(b, a) ? b : a);
        }
        return out;
    }

    private static boolean better(Node n, Node than) {
        if (n.missing() != than.missing()) {
            return !n.missing();
        }
        return rank(n.kind()) < rank(than.kind());
    }

    private static int rank(NodeKind k) {
        return switch (k) {
            case CLUSTER -> 0;
            case SERVER -> 1;
            default -> 2;
        };
    }
}
