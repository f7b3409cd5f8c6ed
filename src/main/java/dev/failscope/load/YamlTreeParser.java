package dev.failscope.load;

import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Parses YAML into positioned trees straight from SnakeYAML's parser events: no SnakeYAML node graph and no
 * Java object is ever built from a tag. Nesting depth, aliases to collections and the size aliases expand to are
 * limited, so a "billion laughs" or a 10,000-deep document fails fast; every problem becomes a positioned
 * {@link LoadError}. Documents are independent: a document refused for its aliases does not hide the next one.
 */
public final class YamlTreeParser {
    private final LoadLimits limits;
    private final StringPool pool;

    public YamlTreeParser(LoadLimits limits) {
        this(limits, new StringPool());
    }

    /** A parser whose scalars come from {@code pool}, shared with the other files of one load. */
    public YamlTreeParser(LoadLimits limits, StringPool pool) {
        this.limits = limits;
        this.pool = pool;
    }

    /** Documents in file order; problems are appended to {@code errors}. */
    public List<PNode> parse(String text, String file, List<LoadError> errors) {
        return parse(text, file, errors, null);
    }

    /**
     * What a caller that reads as the parser goes can take instead of a tree of the whole file: each document as
     * soon as it is complete (none is kept), and the items of an inventory's server list one by one.
     */
    public interface Stream {
        /** A complete document (refused documents are not handed over; their errors are). */
        void document(PNode document);

        /**
         * One item of the {@code servers} list of a document's root map, when that map said {@code kind:
         * inventory} before it and the list has no anchor or tag. Such a list reaches {@link #document} empty,
         * as the {@code PSeq} passed to {@link #serversEnd}.
         */
        void server(PNode item);

        /** The (empty) list that stands for the items handed to {@link #server} in the document. */
        void serversEnd(PSeq emptied);
    }

    /**
     * Parses, handing documents (and inventory servers) to {@code stream} as they complete instead of returning
     * them: only one document, or one server, of the file is alive at a time. Returns an empty list.
     */
    public List<PNode> parse(String text, String file, List<LoadError> errors, Stream stream) {
        Optional<LoadError> longLine = LoadLimits.longLine(text, file, "YAML");
        if (longLine.isPresent()) {
            errors.add(longLine.get());
            return List.of();
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setProcessComments(false);
        StreamReader reader = new StreamReader(text);
        Parser parser = new ParserImpl(reader, options);
        YamlTreeBuilder builder = new YamlTreeBuilder(parser, file, errors, stream, limits, pool);
        List<PNode> documents = new ArrayList<>();
        try {
            parser.getEvent(); // stream start
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                PNode doc = builder.document();
                if (doc != null && stream != null) {
                    stream.document(doc);
                } else if (doc != null) {
                    documents.add(doc);
                }
            }
        } catch (MarkedYAMLException e) {
            errors.add(new LoadError(syntaxMessage(e), position(file, e.getProblemMark() != null
                    ? e.getProblemMark() : e.getContextMark())));
        } catch (YAMLException e) {
            Mark at = builder.last != null ? builder.last.getStartMark() : reader.getMark();
            errors.add(new LoadError(limitMessage(e.getMessage()), position(file, at)));
        } catch (YamlTreeBuilder.FileAbort e) {
            errors.add(e.error);
        } catch (IllegalArgumentException e) {
            // SnakeYAML's scanner parses escapes such as \UFFFFFFFF with Integer.parseInt and Character.toChars
            if (!fromScanner(e)) {
                throw e;
            }
            errors.add(new LoadError("invalid YAML: an escape sequence names no Unicode character (the largest is "
                    + "\\U0010FFFF)", position(file, reader.getMark())));
        }
        return documents;
    }

    private static boolean fromScanner(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.yaml.snakeyaml.scanner.")) {
                return true;
            }
        }
        return false;
    }

    private String limitMessage(String raw) {
        String m = raw == null ? "" : raw;
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
        return "invalid YAML: " + text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    static SourcePosition position(String file, Mark mark) {
        if (mark == null) {
            return SourcePosition.ofFile(file);
        }
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
