package dev.failscope.load.importers;

import dev.failscope.load.JsonTreeParser;
import dev.failscope.load.LoadError;
import dev.failscope.load.LoadLimits;
import dev.failscope.load.SourceFile;
import dev.failscope.load.YamlTreeParser;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One decoded file as the importers see it: its text, its lines, and (parsed on first use, once) its YAML or
 * JSON documents as positioned trees.
 */
public final class SourceText {
    /** Extensions whose files are always YAML or JSON: a syntax error there is a load error, not a mystery. */
    public static final Set<String> STRUCTURED_EXTENSIONS = Set.of("yaml", "yml", "json");

    private final SourceFile file;
    private final String text;
    private final LoadLimits limits;
    private final dev.failscope.load.StringPool pool;
    private List<String> lines;
    private List<PNode> documents;
    private List<LoadError> parseErrors;

    public SourceText(SourceFile file, String text, LoadLimits limits) {
        this(file, text, limits, new dev.failscope.load.StringPool());
    }

    /** A file whose YAML scalars are pooled with the other files of one load. */
    public SourceText(SourceFile file, String text, LoadLimits limits, dev.failscope.load.StringPool pool) {
        this.file = file;
        this.text = text;
        this.limits = limits;
        this.pool = pool;
    }

    /** A file whose documents were parsed already (one document of a file read as it is parsed, for detection). */
    public static SourceText parsed(SourceFile file, String text, LoadLimits limits, List<PNode> documents,
                                    List<LoadError> errors) {
        SourceText t = new SourceText(file, text, limits);
        t.documents = List.copyOf(documents);
        t.parseErrors = List.copyOf(errors);
        return t;
    }

    public SourceFile file() {
        return file;
    }

    /** The display path used in every position. */
    public String display() {
        return file.displayPath();
    }

    public String text() {
        return text;
    }

    /** True for .yaml, .yml and .json files. */
    public boolean structured() {
        return STRUCTURED_EXTENSIONS.contains(file.extension());
    }

    /** The lines without their terminators; line {@code n} (1-based) is {@code lines().get(n - 1)}. */
    public List<String> lines() {
        if (lines == null) {
            lines = List.of(text.split("\r?\n", -1));
        }
        return lines;
    }

    public SourcePosition at(int line, int column) {
        return new SourcePosition(display(), line, Math.max(1, column));
    }

    public SourcePosition start() {
        return SourcePosition.ofFile(display());
    }

    /**
     * The documents: every YAML document, or the JSON value (a top-level JSON array gives its items). JSON is
     * chosen by the .json extension, or for other non-YAML extensions by a leading '{' or '['.
     */
    public List<PNode> documents() {
        parse();
        return documents;
    }

    /** Syntax problems met while parsing {@link #documents()}. */
    public List<LoadError> parseErrors() {
        parse();
        return parseErrors;
    }

    /** The documents that are maps. */
    public List<PMap> maps() {
        List<PMap> maps = new ArrayList<>();
        for (PNode d : documents()) {
            if (d instanceof PMap m) {
                maps.add(m);
            }
        }
        return maps;
    }

    /**
     * True when some document that is a map passes {@code test}. Every tree format asks it of every document of
     * every file (detection), so it is a plain loop: a stream's {@code anyMatch} allocates a lambda per call, which
     * under the launcher's C1-only JIT goes through a method handle.
     */
    public boolean anyMap(java.util.function.Predicate<PMap> test) {
        List<PNode> docs = documents();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i) instanceof PMap m && test.test(m)) {
                return true;
            }
        }
        return false;
    }

    private void parse() {
        if (documents != null) {
            return;
        }
        List<LoadError> errors = new ArrayList<>();
        List<PNode> docs = new ArrayList<>();
        if (json()) {
            PNode root = new JsonTreeParser(limits).parse(text, display(), errors);
            if (root instanceof PSeq seq) {
                docs.addAll(seq.items());
            } else if (root != null) {
                docs.add(root);
            }
        } else {
            docs.addAll(new YamlTreeParser(limits, pool).parse(text, display(), errors));
        }
        documents = List.copyOf(docs);
        parseErrors = List.copyOf(errors);
    }

    private boolean json() {
        String ext = file.extension();
        if ("json".equals(ext)) {
            return true;
        }
        if ("yaml".equals(ext) || "yml".equals(ext)) {
            return false;
        }
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }
}
