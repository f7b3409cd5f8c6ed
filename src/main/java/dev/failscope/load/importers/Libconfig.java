package dev.failscope.load.importers;

import dev.failscope.load.LoadError;
import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.load.tree.ScalarType;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader of libconfig syntax ({@code proxysql.cnf}) into the positioned tree the YAML and JSON readers make:
 * {@code name = value;} (or {@code name: value}), groups {@code { … }} as maps, lists {@code ( … )} and arrays
 * {@code [ … ]} as sequences, strings (adjacent ones joined), integers (decimal or hex, {@code L} suffix),
 * floats and booleans; {@code #}, {@code //} and {@code /* *\/} comments. The first syntax error stops the read
 * with its line and column. No maintained Java libconfig reader keeps positions, and nesting is capped so
 * hostile input cannot overflow the stack.
 */
final class Libconfig {
    static final int MAX_DEPTH = 64;

    private final String text;
    private final SourceText source;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** True while reading the value of a setting whose name says it holds a secret: errors never quote it. */
    private boolean secretName;

    /** Thrown inside the reader only, to stop at the first error. */
    private static final class Stop extends RuntimeException {
        final transient LoadError error;

        Stop(LoadError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private Libconfig(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    /** The top-level settings as a map, or the first syntax error. */
    static PMap parse(SourceText source, List<LoadError> errors) {
        Libconfig p = new Libconfig(source);
        try {
            return p.settings('\0', p.here(), 0);
        } catch (Stop s) {
            errors.add(s.error);
            return new PMap(List.of(), source.start());
        }
    }

    private SourcePosition here() {
        return source.at(line, pos - lineStart + 1);
    }

    private Stop fail(String message) {
        return new Stop(new LoadError(message, here()));
    }

    private PMap settings(char close, SourcePosition at, int depth) {
        List<PEntry> entries = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        while (true) {
            skip();
            if (pos >= text.length()) {
                if (close != '\0') {
                    throw fail("unterminated group: '}' expected before the end of the file");
                }
                return new PMap(entries, at);
            }
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                return new PMap(entries, at);
            }
            if (c == '@') {
                throw fail("@include is not read: load the included file itself");
            }
            SourcePosition nameAt = here();
            String name = name();
            skip();
            if (pos >= text.length() || text.charAt(pos) != '=' && text.charAt(pos) != ':') {
                throw fail("expected '=' or ':' after '" + name + "'");
            }
            pos++;
            secretName = name.toLowerCase(java.util.Locale.ROOT).matches(".*(pass|secret|cred|token|key).*");
            PNode value = value(depth + 1);
            if (!names.add(name)) {
                throw new Stop(new LoadError("duplicate setting '" + name + "'", nameAt));
            }
            entries.add(new PEntry(new PScalar(name, ScalarType.STRING, nameAt), value));
            skip();
            if (pos < text.length() && (text.charAt(pos) == ';' || text.charAt(pos) == ',')) {
                pos++;
            }
        }
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-*".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw fail("expected a setting name, got '" + text.charAt(pos) + "'");
        }
        return text.substring(start, pos);
    }

    private PNode value(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("nested more than " + MAX_DEPTH + " levels deep");
        }
        skip();
        if (pos >= text.length()) {
            throw fail("a value is missing at the end of the file");
        }
        SourcePosition at = here();
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            return settings('}', at, depth);
        }
        if (c == '(' || c == '[') {
            pos++;
            return sequence(c == '(' ? ')' : ']', at, depth);
        }
        if (c == '"') {
            StringBuilder sb = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) == '"') {
                sb.append(string());
                skip();
            }
            return new PScalar(sb.toString(), ScalarType.STRING, at);
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "+-._".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw fail("expected a value, got '" + c + "'");
        }
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            return new PScalar(word.toLowerCase(java.util.Locale.ROOT), ScalarType.BOOL, at);
        }
        if (word.matches("[-+]?(\\d+|0[xX][0-9a-fA-F]{1,15})L{0,2}")) {
            String digits = word.replaceAll("L+$", "");
            String plain = digits.matches("[-+]?0[xX].*") ? String.valueOf(Long.parseLong(
                    digits.replaceFirst("0[xX]", ""), 16)) : digits.replaceFirst("^\\+", "");
            return new PScalar(plain, ScalarType.INT, at);
        }
        if (word.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return new PScalar(word, ScalarType.FLOAT, at);
        }
        pos = start;
        throw fail("expected a value (a string in double quotes, a number, true or false), got "
                + (secretName ? "an unquoted word (not shown: it may be a secret)" : "'" + word + "'"));
    }

    private PSeq sequence(char close, SourcePosition at, int depth) {
        List<PNode> items = new ArrayList<>();
        while (true) {
            skip();
            if (pos >= text.length()) {
                throw fail("unterminated list: '" + close + "' expected before the end of the file");
            }
            if (text.charAt(pos) == close) {
                pos++;
                return new PSeq(items, at);
            }
            items.add(value(depth + 1));
            skip();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) != close) {
                throw fail("expected ',' or '" + close + "' in a list");
            }
        }
    }

    private String string() {
        SourcePosition at = here();
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                throw new Stop(new LoadError("unterminated string", at));
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'f' -> '\f';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        throw new Stop(new LoadError("unterminated string", at));
    }

    /** Skips blanks, newlines and comments. */
    private void skip() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                SourcePosition at = here();
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new Stop(new LoadError("unterminated /* comment", at));
                }
                for (int k = pos; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}
