package dev.failscope.load.importers.hcl;

import dev.failscope.load.importers.hcl.Hcl.Attribute;
import dev.failscope.load.importers.hcl.Hcl.Block;
import dev.failscope.load.importers.hcl.Hcl.Body;
import dev.failscope.load.importers.hcl.Hcl.Computed;
import dev.failscope.load.importers.hcl.Hcl.Expr;
import dev.failscope.load.importers.hcl.Hcl.Kind;
import dev.failscope.load.importers.hcl.Hcl.Literal;
import dev.failscope.load.importers.hcl.Hcl.ObjectExpr;
import dev.failscope.load.importers.hcl.Hcl.Reference;
import dev.failscope.load.importers.hcl.Hcl.Template;
import dev.failscope.load.importers.hcl.Hcl.Tuple;
import dev.failscope.load.importers.hcl.HclLexer.Token;
import dev.failscope.load.importers.hcl.HclLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link Hcl} tree from tokens. Structure (bodies, blocks, attributes) is parsed fully; an
 * expression is first delimited by bracket depth (it ends at a newline, a comma or a closing bracket outside
 * brackets), then recognised as a literal, template, reference, tuple or object, and otherwise kept as
 * {@link Computed} with the references it contains. That is all a reader of database resources needs, and it
 * never fails on an expression form it does not evaluate.
 */
final class HclParser {
    private static final Set<String> KEYWORDS = Set.of("for", "in", "if", "true", "false", "null", "endfor",
            "endif", "else");

    private final List<Token> tokens;
    private final String text;
    private final HclLexer.Lines lines;
    private final List<Hcl.Problem> problems;
    private int p;
    private boolean eofReported;

    HclParser(List<Token> tokens, String text, String file, List<Hcl.Problem> problems) {
        this(tokens, text, new HclLexer.Lines(text, file), problems);
    }

    private HclParser(List<Token> tokens, String text, HclLexer.Lines lines, List<Hcl.Problem> problems) {
        this.tokens = tokens;
        this.text = text;
        this.lines = lines;
        this.problems = problems;
    }

    Body file() {
        return body(false);
    }

    private Token peek() {
        return tokens.get(Math.min(p, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        p = Math.min(p + 1, tokens.size() - 1);
        return t;
    }

    private Body body(boolean nested) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.type() == Type.NEWLINE) {
                next();
            } else if (t.type() == Type.EOF) {
                if (nested && !eofReported) {
                    problems.add(new Hcl.Problem("missing '}' at the end of the file", lines.at(t.start())));
                    eofReported = true;
                }
                return new Body(attributes, blocks);
            } else if (t.is("}")) {
                next();
                if (nested) {
                    return new Body(attributes, blocks);
                }
                problems.add(new Hcl.Problem("unexpected '}'", lines.at(t.start())));
            } else if (t.type() == Type.IDENT) {
                next();
                if (peek().is("=")) {
                    next();
                    List<Token> span = span(nested);
                    attributes.add(new Attribute(t.text(), lines.at(t.start()), expr(span, t)));
                } else {
                    block(t, blocks);
                }
            } else {
                problems.add(new Hcl.Problem("expected an attribute or a block, got '" + describe(t) + "'",
                        lines.at(t.start())));
                skipLine();
            }
        }
    }

    private void block(Token type, List<Block> blocks) {
        List<String> labels = new ArrayList<>();
        List<dev.failscope.model.SourcePosition> labelsAt = new ArrayList<>();
        while (peek().type() == Type.STRING || peek().type() == Type.IDENT) {
            Token l = next();
            labels.add(l.text());
            labelsAt.add(lines.at(l.type() == Type.STRING ? l.contentStart() : l.start()));
        }
        if (!peek().is("{")) {
            problems.add(new Hcl.Problem("expected '=' or '{' after '" + type.text() + "', got '"
                    + describe(peek()) + "'", lines.at(peek().start())));
            skipLine();
            return;
        }
        next();
        blocks.add(new Block(type.text(), lines.at(type.start()), labels, labelsAt, body(true)));
    }

    private void skipLine() {
        while (peek().type() != Type.NEWLINE && peek().type() != Type.EOF) {
            next();
        }
    }

    /** The tokens of one attribute's expression: to the newline (or a single-line block's '}') at depth 0. */
    private List<Token> span(boolean nested) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.type() == Type.EOF || depth == 0 && (t.type() == Type.NEWLINE || nested && t.is("}"))) {
                return out;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if ((t.is(")") || t.is("]") || t.is("}")) && depth > 0) {
                depth--;
            }
            next();
            if (t.type() != Type.NEWLINE) {
                out.add(t);
            }
        }
    }

    private Expr expr(List<Token> span, Token owner) {
        if (span.isEmpty()) {
            problems.add(new Hcl.Problem("expected an expression after '='", lines.at(owner.end())));
            return new Literal("", Kind.NULL, lines.at(owner.end()), "");
        }
        Token first = span.get(0);
        Token last = span.get(span.size() - 1);
        String source = text.substring(first.start(), last.end());
        var at = lines.at(first.type() == Type.STRING ? first.contentStart() : first.start());
        boolean wrapped = closes(span);
        if (wrapped && first.is("[") && !isFor(span)) {
            return new Tuple(split(span.subList(1, span.size() - 1)).stream().map(s -> expr(s, first)).toList(),
                    at, source);
        }
        if (wrapped && first.is("{") && !isFor(span)) {
            return object(span.subList(1, span.size() - 1), at, source);
        }
        if (wrapped && first.is("(")) {
            return expr(span.subList(1, span.size() - 1), first);
        }
        if (span.size() == 1) {
            return single(first, at, source);
        }
        if (span.size() == 2 && first.is("-") && last.type() == Type.NUMBER) {
            return new Literal("-" + last.text(), Kind.NUMBER, at, source);
        }
        List<String> path = traversal(span, 0, span.size());
        if (path != null) {
            return new Reference(path, at, source);
        }
        return new Computed(references(span), at, source);
    }

    private Expr single(Token t, dev.failscope.model.SourcePosition at, String source) {
        return switch (t.type()) {
            case NUMBER -> new Literal(t.text(), Kind.NUMBER, at, source);
            case STRING, HEREDOC -> template(t, at, source);
            case IDENT -> switch (t.text()) {
                case "true", "false" -> new Literal(t.text(), Kind.BOOL, at, source);
                case "null" -> new Literal("null", Kind.NULL, at, source);
                default -> new Reference(List.of(t.text()), at, source);
            };
            default -> new Computed(List.of(), at, source);
        };
    }

    /** A string: a literal when it has no interpolation, else a template of literal and expression parts. */
    private Expr template(Token t, dev.failscope.model.SourcePosition at, String source) {
        boolean quoted = t.type() == Type.STRING;
        String raw = t.text();
        List<Expr> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int base = t.contentStart();
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (quoted && c == '\\' && k + 1 < raw.length()) {
                char e = raw.charAt(++k);
                lit.append(switch (e) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'u' -> k + 4 < raw.length() ? unicode(raw.substring(k + 1, k + 5)) : "u";
                    default -> String.valueOf(e);
                });
                if (e == 'u' && k + 4 < raw.length()) {
                    k += 4;
                }
            } else if ((c == '$' || c == '%') && raw.startsWith(c + "{", k + 1)) {
                lit.append(c).append('{');
                k += 2;
            } else if ((c == '$' || c == '%') && raw.startsWith("{", k + 1)) {
                int close = new HclLexer(text, lines, problems, 0, base + raw.length())
                        .closeOfInterpolation(base + k + 2) - base;
                if (c == '%') {
                    return new Computed(List.of(), at, source);
                }
                if (!lit.isEmpty()) {
                    parts.add(new Literal(lit.toString(), Kind.STRING, at, source));
                    lit.setLength(0);
                }
                int from = base + k + 2;
                int to = Math.max(from, base + close - 1);
                List<Token> inner = new HclLexer(text, lines, problems, from, to).tokens().stream()
                        .filter(x -> x.type() != Type.EOF && x.type() != Type.NEWLINE && !x.is("~")).toList();
                parts.add(inner.isEmpty() ? new Literal("", Kind.STRING, at, source) : expr(inner, t));
                k = close - 1;
            } else {
                lit.append(c);
            }
        }
        if (parts.isEmpty()) {
            return new Literal(lit.toString(), Kind.STRING, at, source);
        }
        if (!lit.isEmpty()) {
            parts.add(new Literal(lit.toString(), Kind.STRING, at, source));
        }
        return new Template(parts, at, source);
    }

    private static String unicode(String hex) {
        try {
            return String.valueOf((char) Integer.parseInt(hex, 16));
        } catch (NumberFormatException e) {
            return "u" + hex;
        }
    }

    private ObjectExpr object(List<Token> inner, dev.failscope.model.SourcePosition at, String source) {
        List<Attribute> entries = new ArrayList<>();
        for (List<Token> item : split(inner)) {
            int eq = -1;
            for (int k = 0; k < item.size(); k++) {
                if (item.get(k).is("=") || item.get(k).is(":")) {
                    eq = k;
                    break;
                }
            }
            if (eq != 1) {
                continue;
            }
            Token key = item.get(0);
            String name = key.type() == Type.STRING ? key.text() : key.text();
            entries.add(new Attribute(name, lines.at(key.start()), expr(item.subList(2, item.size()), item.get(1))));
        }
        return new ObjectExpr(entries, at, source);
    }

    /** Splits at commas (and, in objects, newlines were already dropped) outside brackets. */
    private static List<List<Token>> split(List<Token> inner) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (int k = 0; k < inner.size(); k++) {
            Token t = inner.get(k);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            boolean boundary = depth == 0 && (t.is(",") || !cur.isEmpty() && startsEntry(inner, k, cur));
            if (boundary) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
                if (t.is(",")) {
                    continue;
                }
            }
            cur.add(t);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** In an object written one entry per line, {@code key =} starts the next entry. */
    private static boolean startsEntry(List<Token> inner, int k, List<Token> cur) {
        Token t = inner.get(k);
        boolean keyLike = t.type() == Type.IDENT || t.type() == Type.STRING;
        boolean assigns = k + 1 < inner.size() && (inner.get(k + 1).is("=") && !inner.get(k + 1).is("==")
                || inner.get(k + 1).is(":"));
        Token prev = cur.get(cur.size() - 1);
        return keyLike && assigns && !prev.is("=") && !prev.is(":") && !prev.is(".") && !prev.is("?");
    }

    private static boolean isFor(List<Token> span) {
        return span.size() > 1 && span.get(1).type() == Type.IDENT && span.get(1).text().equals("for");
    }

    /** True when the first token opens a bracket that the last token closes. */
    private static boolean closes(List<Token> span) {
        Token first = span.get(0);
        if (!(first.is("[") || first.is("{") || first.is("("))) {
            return false;
        }
        int depth = 0;
        for (int k = 0; k < span.size(); k++) {
            Token t = span.get(k);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
                if (depth == 0) {
                    return k == span.size() - 1;
                }
            }
        }
        return false;
    }

    /** The path when tokens [from, to) are exactly a traversal ({@code a.b[0].c}), else null. */
    private static List<String> traversal(List<Token> span, int from, int to) {
        if (from >= to || span.get(from).type() != Type.IDENT || KEYWORDS.contains(span.get(from).text())) {
            return null;
        }
        List<String> path = new ArrayList<>(List.of(span.get(from).text()));
        int k = from + 1;
        while (k < to) {
            Token t = span.get(k);
            if (t.is(".") && k + 1 < to && (span.get(k + 1).type() == Type.IDENT
                    || span.get(k + 1).type() == Type.NUMBER)) {
                path.add(span.get(k + 1).text());
                k += 2;
            } else if (t.is("[") && k + 2 < to && span.get(k + 2).is("]")
                    && (span.get(k + 1).type() == Type.NUMBER || span.get(k + 1).type() == Type.STRING)) {
                path.add(span.get(k + 1).text());
                k += 3;
            } else {
                return null;
            }
        }
        return path;
    }

    /** Every traversal in a computed expression that is not a function name or keyword. */
    private List<Reference> references(List<Token> span) {
        List<Reference> refs = new ArrayList<>();
        for (int k = 0; k < span.size(); k++) {
            Token t = span.get(k);
            boolean start = t.type() == Type.IDENT && !KEYWORDS.contains(t.text())
                    && (k == 0 || !span.get(k - 1).is(".")) && !(k + 1 < span.size() && span.get(k + 1).is("("));
            if (!start) {
                continue;
            }
            int end = k + 1;
            while (end + 1 < span.size() && span.get(end).is(".") && span.get(end + 1).type() == Type.IDENT) {
                end += 2;
            }
            List<String> path = traversal(span, k, end);
            if (path != null) {
                refs.add(new Reference(path, lines.at(t.start()), text.substring(t.start(),
                        span.get(end - 1).end())));
            }
            k = end - 1;
        }
        return refs;
    }

    private static String describe(Token t) {
        return switch (t.type()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            case STRING -> "\"" + t.text() + "\"";
            default -> t.text();
        };
    }
}
