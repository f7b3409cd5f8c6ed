package dev.failscope.load.importers.hcl;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits HCL native syntax into tokens with their offsets: identifiers, numbers, quoted strings and heredocs
 * (kept raw; interpolations are parsed later), punctuation, and newlines (which end attributes). Comments
 * ({@code #}, {@code //}, block comments) are skipped.
 */
final class HclLexer {
    enum Type { IDENT, NUMBER, STRING, HEREDOC, PUNCT, NEWLINE, EOF }

    /**
     * One token.
     *
     * @param start        offset of its first character
     * @param end          offset after its last character
     * @param contentStart offset where a string's or heredoc's content starts
     * @param text         the identifier, number, operator, or the raw content of a string or heredoc
     */
    record Token(Type type, String text, int start, int end, int contentStart) {
        boolean is(String punct) {
            return type == Type.PUNCT && text.equals(punct);
        }
    }

    private static final List<String> OPERATORS = List.of("...", "==", "!=", "<=", ">=", "&&", "||", "=>");

    private final String text;
    private final Lines lines;
    private final List<Hcl.Problem> problems;
    private final int limit;
    private int i;

    HclLexer(String text, String file, List<Hcl.Problem> problems) {
        this(text, new Lines(text, file), problems, 0, text.length());
    }

    /** A lexer over {@code text[from, to)}: an interpolation inside a string. */
    HclLexer(String text, Lines lines, List<Hcl.Problem> problems, int from, int to) {
        this.text = text;
        this.lines = lines;
        this.problems = problems;
        this.i = from;
        this.limit = to;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (i >= limit) {
                out.add(new Token(Type.EOF, "", limit, limit, limit));
                return out;
            }
            char c = text.charAt(i);
            int start = i;
            if (c == '\n') {
                i++;
                out.add(new Token(Type.NEWLINE, "\n", start, i, start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < limit && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '-')) {
                    i++;
                }
                out.add(new Token(Type.IDENT, text.substring(start, i), start, i, start));
            } else if (Character.isDigit(c)) {
                number(out, start);
            } else if (c == '"') {
                string(out, start);
            } else if (c == '<' && text.startsWith("<<", i) && i + 2 < limit
                    && (Character.isLetter(text.charAt(i + 2)) || text.charAt(i + 2) == '-')) {
                heredoc(out, start);
            } else {
                String op = OPERATORS.stream().filter(o -> text.startsWith(o, start)).findFirst()
                        .orElse(String.valueOf(c));
                i += op.length();
                out.add(new Token(Type.PUNCT, op, start, i, start));
            }
        }
    }

    private void skipSpaceAndComments() {
        while (i < limit) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                i++;
            } else if (c == '#' || c == '/' && text.startsWith("//", i)) {
                while (i < limit && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0 || close >= limit) {
                    problems.add(new Hcl.Problem("unterminated /* comment", lines.at(i)));
                    i = limit;
                } else {
                    i = close + 2;
                }
            } else {
                return;
            }
        }
    }

    private void number(List<Token> out, int start) {
        while (i < limit && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i + 1 < limit && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < limit && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < limit && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < limit && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            while (i < limit && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        out.add(new Token(Type.NUMBER, text.substring(start, i), start, i, start));
    }

    /** A quoted string up to its closing quote, skipping over escapes and whole interpolations. */
    private void string(List<Token> out, int start) {
        i++;
        int content = i;
        while (i < limit && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\n') {
                break;
            }
            if (c == '\\') {
                i += 2;
            } else if ((c == '$' || c == '%') && text.startsWith("{", i + 1) && !text.startsWith("$${", i - 1)) {
                i = Math.min(limit, closeOfInterpolation(i + 2));
            } else {
                i++;
            }
        }
        if (i >= limit || text.charAt(i) != '"') {
            problems.add(new Hcl.Problem("unterminated string", lines.at(start)));
            out.add(new Token(Type.STRING, text.substring(content, Math.min(i, limit)), start, i, content));
            return;
        }
        out.add(new Token(Type.STRING, text.substring(content, i), start, i + 1, content));
        i++;
    }

    /** The offset of the '}' closing an interpolation whose content starts at {@code from}. */
    int closeOfInterpolation(int from) {
        int depth = 1;
        int j = from;
        while (j < limit) {
            char c = text.charAt(j);
            if (c == '"') {
                j++;
                while (j < limit && text.charAt(j) != '"' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return limit;
    }

    private void heredoc(List<Token> out, int start) {
        i += 2;
        if (i < limit && text.charAt(i) == '-') {
            i++;
        }
        int markStart = i;
        while (i < limit && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        String marker = text.substring(markStart, i);
        int eol = text.indexOf('\n', i);
        if (eol < 0 || eol >= limit) {
            problems.add(new Hcl.Problem("heredoc <<" + marker + " has no body", lines.at(start)));
            i = limit;
            return;
        }
        int content = eol + 1;
        int j = content;
        while (j < limit) {
            int end = text.indexOf('\n', j);
            end = end < 0 || end > limit ? limit : end;
            if (text.substring(j, end).strip().equals(marker)) {
                out.add(new Token(Type.HEREDOC, text.substring(content, j), start, end, content));
                i = end;
                return;
            }
            j = end + 1;
        }
        problems.add(new Hcl.Problem("heredoc <<" + marker + " is never closed by a line '" + marker + "'",
                lines.at(start)));
        i = limit;
    }

    /** Offsets to 1-based line and column. */
    static final class Lines {
        private final String file;
        private final int[] starts;

        Lines(String text, String file) {
            this.file = file;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int k = 0; k < text.length(); k++) {
                if (text.charAt(k) == '\n') {
                    s.add(k + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        SourcePosition at(int offset) {
            int idx = Arrays.binarySearch(starts, offset);
            int line = idx >= 0 ? idx : -idx - 2;
            return new SourcePosition(file, line + 1, offset - starts[line] + 1);
        }
    }
}
