package dev.failscope.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses JSON into a positioned tree with Jackson's streaming parser. */
public final class JsonTreeParser {
    private final LoadLimits limits;
    private final JsonFactory factory;

    public JsonTreeParser(LoadLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
                .build();
    }

    /** The single top-level value, or null when the text is empty or broken (errors appended). */
    public PNode parse(String text, String file, List<LoadError> errors) {
        JsonParser parser;
        try {
            parser = factory.createParser(text);
        } catch (IOException e) {
            errors.add(new LoadError("cannot read JSON: " + e.getMessage(), SourcePosition.ofFile(file)));
            return null;
        }
        try (parser) {
            return parse(parser, file, errors);
        } catch (StreamConstraintsException e) {
            errors.add(new LoadError("nesting deeper than " + limits.maxDepth() + " levels",
                    SourcePosition.ofFile(file)));
        } catch (JsonParseException e) {
            errors.add(new LoadError("invalid JSON: " + e.getOriginalMessage().replace('\n', ' '),
                    position(file, e.getLocation())));
        } catch (IOException e) {
            errors.add(new LoadError("cannot read JSON: " + e.getMessage(), SourcePosition.ofFile(file)));
        }
        return null;
    }

    private PNode parse(JsonParser parser, String file, List<LoadError> errors) throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            PNode root = value(parser, file, errors);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                errors.add(new LoadError("unexpected content after the top-level JSON value",
                        position(file, parser.currentTokenLocation())));
            }
            return root;
        } catch (StreamConstraintsException e) {
            errors.add(new LoadError("nesting deeper than " + limits.maxDepth() + " levels",
                    position(file, parser.currentTokenLocation())));
            return null;
        }
    }

    private PNode value(JsonParser p, String file, List<LoadError> errors) throws IOException {
        SourcePosition pos = position(file, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> object(p, file, errors, pos);
            case START_ARRAY -> array(p, file, errors, pos);
            case VALUE_STRING -> new PScalar(p.getText(), ScalarType.STRING, pos);
            case VALUE_NUMBER_INT -> new PScalar(p.getText(), ScalarType.INT, pos);
            case VALUE_NUMBER_FLOAT -> new PScalar(p.getText(), ScalarType.FLOAT, pos);
            case VALUE_TRUE, VALUE_FALSE -> new PScalar(p.getText(), ScalarType.BOOL, pos);
            case VALUE_NULL -> new PScalar("null", ScalarType.NULL, pos);
            default -> throw new JsonParseException(p, "unexpected token " + t);
        };
    }

    private PMap object(JsonParser p, String file, List<LoadError> errors, SourcePosition pos) throws IOException {
        List<PEntry> entries = new ArrayList<>();
        Map<String, SourcePosition> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            SourcePosition keyPos = position(file, p.currentTokenLocation());
            String name = p.currentName();
            p.nextToken();
            PNode v = value(p, file, errors);
            SourcePosition first = seen.putIfAbsent(name, keyPos);
            if (first != null) {
                errors.add(new LoadError("duplicate key '" + name + "' (first at line " + first.line() + ")",
                        keyPos));
                continue;
            }
            entries.add(new PEntry(new PScalar(name, ScalarType.STRING, keyPos), v));
        }
        return new PMap(entries, pos);
    }

    private PSeq array(JsonParser p, String file, List<LoadError> errors, SourcePosition pos) throws IOException {
        List<PNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p, file, errors));
        }
        return new PSeq(items, pos);
    }

    private static SourcePosition position(String file, JsonLocation loc) {
        if (loc == null) {
            return SourcePosition.ofFile(file);
        }
        return new SourcePosition(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
}
