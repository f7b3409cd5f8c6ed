package dev.failscope.diff;

import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Collects changes for one comparison; small factory helpers shared by the element comparers. */
final class Changes {
    static final String ARROW = " \u2192 ";

    private final Topology before;
    private final Topology after;
    private final List<Change> list = new ArrayList<>();

    Changes(Topology before, Topology after) {
        this.before = before;
        this.after = after;
    }

    Topology before() {
        return before;
    }

    Topology after() {
        return after;
    }

    List<Change> sorted() {
        return list.stream().sorted(Change.ORDER).toList();
    }

    void added(ChangeElement element, String subject, String target, Node node, Change.EdgeRef edge,
               SourcePosition at, String message) {
        list.add(new Change(ChangeType.ADDED, element, subject, Optional.ofNullable(target), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(at), node,
                Optional.ofNullable(edge), message));
    }

    void removed(ChangeElement element, String subject, String target, Node node, Change.EdgeRef edge,
                 SourcePosition at, String message) {
        list.add(new Change(ChangeType.REMOVED, element, subject, Optional.ofNullable(target), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(at), Optional.empty(), node,
                Optional.ofNullable(edge), message));
    }

    /** A value change; {@code what} prefixes the message, e.g. "server db-legacy-2". */
    void changed(ChangeType type, ChangeElement element, String subject, String target, String field,
                 String was, String now, SourcePosition wasAt, SourcePosition nowAt, Node node,
                 Change.EdgeRef edge, String what) {
        String message = what + ": " + field + " " + show(was) + ARROW + show(now);
        list.add(new Change(type, element, subject, Optional.ofNullable(target), Optional.of(field),
                Optional.ofNullable(was), Optional.ofNullable(now), Optional.of(wasAt), Optional.of(nowAt), node,
                Optional.ofNullable(edge), message));
    }

    /** Appends words to the message of the change added last (why a value change matters). */
    void amendLast(String note) {
        if (!note.isEmpty()) {
            replaceLastMessage(list.get(list.size() - 1).message() + note);
        }
    }

    /** Words for the change added last when "field was → now" says less than a sentence does. */
    void replaceLastMessage(String message) {
        Change last = list.remove(list.size() - 1);
        list.add(new Change(last.type(), last.element(), last.subject(), last.target(), last.field(),
                last.before(), last.after(), last.beforePosition(), last.afterPosition(), last.node(), last.edge(),
                message));
    }

    static String show(String value) {
        return value == null ? "(unset)" : value;
    }

    /** The graph vertex on the side that has it (declared or missing placeholder). */
    static Node node(Topology side, NodeKind kind, String name) {
        return side.node(kind, name).orElse(new Node(kind, name, false));
    }

    /** Distinct names from both sides, sorted. */
    static <T> Set<String> names(List<T> before, List<T> after, Function<T, String> name) {
        Set<String> names = new TreeSet<>();
        before.forEach(t -> names.add(name.apply(t)));
        after.forEach(t -> names.add(name.apply(t)));
        return names;
    }

    /** Distinct names in first-seen order. */
    static <T> List<String> distinct(List<T> items, Function<T, String> name) {
        Set<String> seen = new LinkedHashSet<>();
        items.forEach(t -> seen.add(name.apply(t)));
        return List.copyOf(seen);
    }
}
