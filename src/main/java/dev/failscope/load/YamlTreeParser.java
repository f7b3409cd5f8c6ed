package dev.failscope.load;

import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML into positioned trees with SnakeYAML's composer only: no Java object is ever constructed from a
 * tag, aliases and nesting are limited, and every syntax problem becomes a positioned {@link LoadError}.
 */
public final class YamlTreeParser {
    private final LoadLimits limits;

    public YamlTreeParser(LoadLimits limits) {
        this.limits = limits;
    }

    /** Documents in file order; problems are appended to {@code errors}. */
    public List<PNode> parse(String text, String file, List<LoadError> errors) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // detected below, with positions
        options.setProcessComments(false);
        StreamReader reader = new StreamReader(text);
        EventTracker events = new EventTracker(new ParserImpl(reader, options));
        Composer composer = new Composer(events, new Resolver(), options);
        List<PNode> documents = new ArrayList<>();
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node != null) {
                    SourcePosition at = position(file, node.getStartMark());
                    try {
                        documents.add(new Converter(file, errors).convert(node, 0, at));
                    } catch (Abort e) {
                        errors.add(e.error);
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            errors.add(new LoadError(syntaxMessage(e), position(file, e.getProblemMark() != null
                    ? e.getProblemMark() : e.getContextMark())));
        } catch (YAMLException e) {
            Mark at = events.last() != null ? events.last().getStartMark() : reader.getMark();
            errors.add(new LoadError(limitMessage(e.getMessage()), position(file, at)));
        }
        return documents;
    }

    private String limitMessage(String raw) {
        String m = raw == null ? "" : raw;
        if (m.contains("aliases")) {
            return "more than " + limits.maxAliases() + " YAML aliases to lists or maps: refusing a possible "
                    + "'billion laughs' document";
        }
        if (m.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
            return "nesting deeper than " + limits.maxDepth() + " levels";
        }
        if (m.contains("code points")) {
            return "document larger than the limit of " + limits.maxFileBytes() + " bytes";
        }
        return "invalid YAML: " + m;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        Mark at = e.getContextMark();
        Mark problemMark = e.getProblemMark();
        if (context != null && at != null && problemMark != null && at.getLine() != problemMark.getLine()) {
            context = context + " started at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1);
        }
        String text = context == null ? problem : problem + " (" + context + ")";
        if (text.contains("Nesting Depth exceeded") || text.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
            return "nesting too deep: " + text;
        }
        return "invalid YAML: " + text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    static SourcePosition position(String file, Mark mark) {
        if (mark == null) {
            return SourcePosition.ofFile(file);
        }
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Node graph to tree. Aliases reuse the converted subtree; a recursive alias is an error. */
    private final class Converter {
        private final String file;
        private final List<LoadError> errors;
        private final Map<Node, PNode> done = new IdentityHashMap<>();
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
        private final Map<PNode, Long> sizes = new IdentityHashMap<>();
        private long expanded;

        Converter(String file, List<LoadError> errors) {
            this.file = file;
            this.errors = errors;
        }

        /**
         * Converts one node. {@code at} is where it is referred from (the key of a map value, the list holding an
         * item), which is where a problem with an alias is reported.
         */
        PNode convert(Node node, int depth, SourcePosition at) {
            PNode known = done.get(node);
            if (known != null) {
                expanded = saturatedAdd(expanded, size(known));
                if (expanded > limits.maxAliasExpansion()) {
                    throw new Abort(new LoadError("YAML aliases expand to more than "
                            + limits.maxAliasExpansion() + " nodes: refusing a possible 'billion laughs' document",
                            at));
                }
                return known;
            }
            SourcePosition pos = position(file, node.getStartMark());
            if (inProgress.containsKey(node)) {
                throw new Abort(new LoadError("recursive YAML alias: a list or map contains itself", at));
            }
            if (depth > limits.maxDepth()) {
                throw new Abort(new LoadError("nesting deeper than " + limits.maxDepth() + " levels", pos));
            }
            inProgress.put(node, Boolean.TRUE);
            PNode result = switch (node.getNodeId()) {
                case scalar -> scalar((ScalarNode) node, pos);
                case sequence -> sequence((SequenceNode) node, pos, depth);
                case mapping -> mapping((MappingNode) node, pos, depth);
                default -> new PScalar("", ScalarType.NULL, pos);
            };
            inProgress.remove(node);
            done.put(node, result);
            return result;
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

        private static long saturatedAdd(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        private PScalar scalar(ScalarNode node, SourcePosition pos) {
            Tag tag = node.getTag();
            ScalarType type;
            if (Tag.NULL.equals(tag)) {
                type = ScalarType.NULL;
            } else if (Tag.BOOL.equals(tag)) {
                type = ScalarType.BOOL;
            } else if (Tag.INT.equals(tag)) {
                type = ScalarType.INT;
            } else if (Tag.FLOAT.equals(tag)) {
                type = ScalarType.FLOAT;
            } else {
                type = ScalarType.STRING;
            }
            return new PScalar(node.getValue(), type, pos);
        }

        private PSeq sequence(SequenceNode node, SourcePosition pos, int depth) {
            List<PNode> items = new ArrayList<>(node.getValue().size());
            for (Node child : node.getValue()) {
                items.add(convert(child, depth + 1, pos));
            }
            return new PSeq(items, pos);
        }

        private PMap mapping(MappingNode node, SourcePosition pos, int depth) {
            List<PEntry> entries = new ArrayList<>(node.getValue().size());
            Map<String, SourcePosition> seen = new HashMap<>();
            Map<String, PEntry> merged = new HashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                SourcePosition keyPos = position(file, keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    errors.add(new LoadError("a map key must be a plain value, not a list or map", keyPos));
                    continue;
                }
                if ("<<".equals(scalarKey.getValue()) && Tag.MERGE.equals(scalarKey.getTag())) {
                    mergeInto(entries, merged, tuple.getValueNode(), depth, keyPos);
                    continue;
                }
                PEntry overridden = merged.remove(scalarKey.getValue());
                if (overridden != null) {
                    entries.remove(overridden);
                }
                SourcePosition first = seen.putIfAbsent(scalarKey.getValue(), keyPos);
                if (first != null) {
                    errors.add(new LoadError("duplicate key '" + scalarKey.getValue() + "' (first at line "
                            + first.line() + ")", keyPos));
                    continue;
                }
                PNode value = convert(tuple.getValueNode(), depth + 1, keyPos);
                entries.add(new PEntry(scalar(scalarKey, keyPos), value));
            }
            return new PMap(entries, pos);
        }

        /** YAML merge keys ({@code <<: *defaults}): explicit keys win over merged ones. */
        private void mergeInto(List<PEntry> entries, Map<String, PEntry> merged, Node value, int depth,
                SourcePosition at) {
            List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
            for (Node source : sources) {
                PNode base = convert(source, depth + 1, at);
                if (base instanceof PMap map) {
                    for (PEntry e : map.entries()) {
                        boolean present = merged.containsKey(e.key().text())
                                || entries.stream().anyMatch(x -> x.key().text().equals(e.key().text()));
                        if (!present) {
                            merged.put(e.key().text(), e);
                            entries.add(e);
                        }
                    }
                } else {
                    errors.add(new LoadError("'<<' merge needs a map, got " + base.describe(),
                            base.position()));
                }
            }
        }
    }

    /** Remembers the last event handed to the composer, to place the limit errors it throws without a mark. */
    private static final class EventTracker implements Parser {
        private final Parser parser;
        private Event last;

        EventTracker(Parser parser) {
            this.parser = parser;
        }

        Event last() {
            return last;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            last = parser.getEvent();
            return last;
        }
    }

    /** Aborts converting a document that cannot be turned into a finite, shallow tree. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LoadError error;

        Abort(LoadError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
