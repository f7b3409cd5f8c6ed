package dev.failscope.load;

import static dev.failscope.load.YamlTreeParser.position;

import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds {@link YamlTreeParser}'s positioned trees one document at a time from SnakeYAML's events, with its
 * limits on depth, aliases and alias expansion. Anchors are per document, as YAML defines them.
 */
final class YamlTreeBuilder {
    private final Parser parser;
    private final String file;
    private final List<LoadError> errors;
    private final YamlTreeParser.Stream stream;
    private final LoadLimits limits;
    private final StringPool.Table pool;
    private final Map<String, PNode> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Map<PNode, Long> sizes = new IdentityHashMap<>();
    private int collectionAliases;
    private long expanded;
    Event last;

    YamlTreeBuilder(Parser parser, String file, List<LoadError> errors, YamlTreeParser.Stream stream,
                    LoadLimits limits, StringPool pool) {
        this.limits = limits;
        this.pool = pool.table();
        this.parser = parser;
        this.file = file;
        this.errors = errors;
        this.stream = stream;
    }

    private Event next() {
        last = parser.getEvent();
        return last;
    }

    /** One document, or null when it was refused (its error recorded and its events skipped). */
    PNode document() {
        next(); // document start
        anchors.clear();
        open.clear();
        sizes.clear();
        expanded = 0;
        PNode root;
        try {
            root = node(0);
        } catch (FileAbort e) {
            throw e;
        } catch (DocumentAbort e) {
            errors.add(e.error);
            skipToDocumentEnd();
            return null;
        }
        next(); // document end
        return root;
    }

    private void skipToDocumentEnd() {
        while (!parser.checkEvent(Event.ID.DocumentEnd)) {
            next();
        }
        next();
    }

    private PNode node(int depth) {
        Event event = next();
        SourcePosition pos = position(file, event.getStartMark());
        if (event instanceof AliasEvent alias) {
            return alias(alias, pos);
        }
        String anchor = ((NodeEvent) event).getAnchor();
        PNode result;
        if (event instanceof ScalarEvent scalar) {
            result = scalar(scalar, pos);
        } else {
            if (depth >= limits.maxDepth()) {
                throw new FileAbort(new LoadError("nesting deeper than " + limits.maxDepth() + " levels", pos));
            }
            checkTag(((CollectionStartEvent) event).getTag(), pos);
            if (anchor != null) {
                open.add(anchor);
            }
            result = event.is(Event.ID.MappingStart) ? mapping(pos, depth) : sequence(pos, depth);
        }
        if (anchor != null) {
            open.remove(anchor);
            anchors.put(anchor, result);
        }
        return result;
    }

    private PNode alias(AliasEvent event, SourcePosition pos) {
        String name = event.getAnchor();
        if (open.contains(name)) {
            throw new DocumentAbort(new LoadError("recursive YAML alias: a list or map contains itself", pos));
        }
        PNode target = anchors.get(name);
        if (target == null) {
            throw new DocumentAbort(new LoadError("invalid YAML: found undefined alias '" + name + "'", pos));
        }
        if (!(target instanceof PScalar)) {
            if (++collectionAliases > limits.maxAliases()) {
                throw new FileAbort(new LoadError("more than " + limits.maxAliases() + " YAML aliases to lists "
                        + "or maps: refusing a possible 'billion laughs' document", pos));
            }
            expanded = saturatedAdd(expanded, size(target));
            if (expanded > limits.maxAliasExpansion()) {
                throw new DocumentAbort(new LoadError("YAML aliases expand to more than "
                        + limits.maxAliasExpansion() + " nodes: refusing a possible 'billion laughs' document",
                        pos));
            }
        }
        return target;
    }

    private PScalar scalar(ScalarEvent event, SourcePosition pos) {
        String tag = event.getTag();
        ScalarType type;
        if (tag == null || "!".equals(tag)) {
            type = resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
        } else {
            checkTag(tag, pos);
            type = typeOf(new Tag(tag));
        }
        return new PScalar(pool.intern(event.getValue()), type, pos);
    }

    static ScalarType typeOf(Tag tag) {
        if (Tag.NULL.equals(tag)) {
            return ScalarType.NULL;
        } else if (Tag.BOOL.equals(tag)) {
            return ScalarType.BOOL;
        } else if (Tag.INT.equals(tag)) {
            return ScalarType.INT;
        } else if (Tag.FLOAT.equals(tag)) {
            return ScalarType.FLOAT;
        }
        return ScalarType.STRING;
    }

    /**
     * SnakeYAML's YAML 1.1 resolution with a fast path: quoted text is a string; plain text that starts with
     * a letter can only be a boolean or a null word (numbers and timestamps start otherwise), so a set
     * lookup replaces the resolver's regular expressions for nearly every key and name.
     */
    static ScalarType resolve(String value, boolean plain) {
        if (!plain || value.isEmpty()) {
            return plain ? typeOf(RESOLVER.resolve(NodeId.scalar, value, true)) : ScalarType.STRING;
        }
        char first = value.charAt(0);
        if (Character.isLetter(first)) {
            if (value.length() > 5 || "yYnNtTfFoO".indexOf(first) < 0) {
                return ScalarType.STRING;
            }
            return BOOL_WORDS.contains(value) ? ScalarType.BOOL
                    : NULL_WORDS.contains(value) ? ScalarType.NULL : ScalarType.STRING;
        }
        char last = value.charAt(value.length() - 1);
        if (Character.isDigit(first) && "abcdefABCDEFzZ".indexOf(last) < 0 && Character.isLetter(last)) {
            return ScalarType.STRING; // such as 30s or 5m: no number or timestamp ends in such a letter
        }
        int dot = value.indexOf('.');
        if (first >= '0' && first <= '9' && dot >= 0 && value.indexOf('.', dot + 1) >= 0) {
            return ScalarType.STRING; // such as 10.1.0.3:6379: an int has no dot, a float or timestamp one at most
        }
        return typeOf(RESOLVER.resolve(NodeId.scalar, value, true));
    }

    /** Global tags name Java (or other) types: refused, so no tag can ever mean "construct this". */
    private void checkTag(String tag, SourcePosition pos) {
        if (tag != null && !tag.startsWith("!") && !PLAIN_TAGS.contains(tag)) {
            throw new DocumentAbort(new LoadError("YAML tag '" + tag + "' is not allowed: Failscope reads "
                    + "plain maps, lists and values only", pos));
        }
    }

    private PSeq sequence(SourcePosition pos, int depth) {
        List<PNode> items = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node(depth + 1));
        }
        next();
        return new PSeq(items, pos);
    }

    private PMap mapping(SourcePosition pos, int depth) {
        MapKeys keys = new MapKeys();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            boolean mergeKey = isMergeKey(parser.peekEvent());
            PNode keyNode = node(depth + 1);
            PNode value = streamsServers(depth, keyNode, keys) ? streamedServers(depth) : node(depth + 1);
            if (!(keyNode instanceof PScalar key)) {
                errors.add(new LoadError("a map key must be a plain value, not a list or map",
                        keyNode.position()));
                continue;
            }
            if (mergeKey) {
                merge(keys, value);
                continue;
            }
            int at = keys.indexOf(key.text());
            if (at >= 0 && keys.mergedOnly(key.text())) {
                keys.replace(at, new PEntry(key, value)); // an explicit key wins over a merged one
            } else if (at >= 0) {
                errors.add(new LoadError("duplicate key '" + key.text() + "' (first at line "
                        + keys.entries.get(at).key().position().line() + ")", key.position()));
            } else {
                keys.add(new PEntry(key, value), false);
            }
        }
        next();
        return new PMap(keys.entries, pos);
    }

    /** The root map's first plain {@code servers} key after {@code kind: inventory}, holding a plain list. */
    private boolean streamsServers(int depth, PNode keyNode, MapKeys keys) {
        if (stream == null || depth != 0 || depth + 2 >= limits.maxDepth()
                || !(keyNode instanceof PScalar key) || !"servers".equals(key.text())
                || key.type() != ScalarType.STRING || keys.indexOf("servers") >= 0) {
            return false;
        }
        int kind = keys.indexOf("kind");
        if (kind < 0 || !(keys.entries.get(kind).value() instanceof PScalar k) || k.type() != ScalarType.STRING
                || !"inventory".equals(k.text())) {
            return false;
        }
        return parser.peekEvent() instanceof org.yaml.snakeyaml.events.SequenceStartEvent start
                && start.getAnchor() == null && start.getTag() == null;
    }

    private PSeq streamedServers(int depth) {
        SourcePosition pos = position(file, next().getStartMark());
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            stream.server(node(depth + 2));
        }
        next();
        PSeq emptied = new PSeq(List.of(), pos);
        stream.serversEnd(emptied);
        return emptied;
    }

    private boolean isMergeKey(Event event) {
        return event instanceof ScalarEvent s && "<<".equals(s.getValue()) && s.getTag() == null
                && s.getImplicit().canOmitTagInPlainScalar();
    }

    /** YAML merge keys ({@code <<: *defaults}): keys already present, or written later, win. */
    private void merge(MapKeys keys, PNode value) {
        List<PNode> sources = value instanceof PSeq seq ? seq.items() : List.of(value);
        for (PNode source : sources) {
            if (!(source instanceof PMap map)) {
                errors.add(new LoadError("'<<' merge needs a map, got " + source.describe(),
                        source.position()));
                continue;
            }
            for (PEntry e : map.entries()) {
                if (keys.indexOf(e.key().text()) < 0) {
                    keys.add(e, true);
                }
            }
        }
    }

    /**
     * Nodes in a subtree, counting a shared subtree each time it appears: its size when expanded. Computed
     * only when an alias is met, memoised, and saturating so that exponential fan-out cannot overflow.
     */
    private long size(PNode node) {
        if (node instanceof PScalar) {
            return 1;
        }
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long total = 1;
        if (node instanceof PSeq seq) {
            for (PNode item : seq.items()) {
                total = saturatedAdd(total, size(item));
            }
        } else if (node instanceof PMap map) {
            for (PEntry e : map.entries()) {
                total = saturatedAdd(total, 1 + size(e.value()));
            }
        }
        sizes.put(node, total);
        return total;
    }

    /** Explicit tags that only restate a plain YAML type; any other global tag is refused. */
    private static final Set<String> PLAIN_TAGS = Set.of(Tag.STR.getValue(), Tag.INT.getValue(),
            Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(), Tag.SEQ.getValue(), Tag.MAP.getValue(),
            Tag.TIMESTAMP.getValue(), Tag.BINARY.getValue());
    private static final Resolver RESOLVER = new Resolver();
    private static final Set<String> BOOL_WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True",
            "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> NULL_WORDS = Set.of("null", "Null", "NULL");

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Stops reading the current document. */
    static class DocumentAbort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient LoadError error;

        DocumentAbort(LoadError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /** Stops reading the whole file: a limit whose purpose is to stop work early. */
    static final class FileAbort extends DocumentAbort {
        private static final long serialVersionUID = 1L;

        FileAbort(LoadError error) {
            super(error);
        }
    }
}
