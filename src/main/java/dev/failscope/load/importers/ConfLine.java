package dev.failscope.load.importers;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One directive line of a Redis-style config: whitespace-separated arguments, each with its column. Arguments
 * may be quoted as Redis quotes them ({@code "a b"} with backslash escapes, {@code 'a b'}).
 *
 * @param line 1-based line number
 * @param args the arguments, first the directive
 */
record ConfLine(int line, List<Token> args) {
    /** One argument and the 1-based column where it starts. */
    record Token(String text, int column) {}

    /** The directive lines of a text: blank lines and {@code #} comments skipped. */
    static List<ConfLine> parse(List<String> lines) {
        List<ConfLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            List<Token> tokens = tokens(l);
            if (!tokens.isEmpty()) {
                result.add(new ConfLine(i + 1, tokens));
            }
        }
        return result;
    }

    private static List<Token> tokens(String l) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = l.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(l.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder sb = new StringBuilder();
            char q = l.charAt(i);
            if (q == '"' || q == '\'') {
                i++;
                while (i < n && l.charAt(i) != q) {
                    char c = l.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        char e = l.charAt(++i);
                        if (q == '\'') {
                            sb.append(e == '\'' ? "'" : "\\" + e);
                        } else {
                            sb.append(switch (e) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                default -> e;
                            });
                        }
                    } else {
                        sb.append(c);
                    }
                    i++;
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(l.charAt(i))) {
                    sb.append(l.charAt(i++));
                }
            }
            tokens.add(new Token(sb.toString(), start + 1));
        }
        return tokens;
    }

    /** The directive, lower case (Redis directive names are case-insensitive). */
    String directive() {
        return args.get(0).text().toLowerCase(Locale.ROOT);
    }

    /** The argument at {@code index} (0 = directive), lower case, or "". */
    String word(int index) {
        return index < args.size() ? args.get(index).text().toLowerCase(Locale.ROOT) : "";
    }

    Optional<Token> arg(int index) {
        return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    String text(int index) {
        return index < args.size() ? args.get(index).text() : "";
    }

    SourcePosition at(SourceText source, int index) {
        return source.at(line, index < args.size() ? args.get(index).column() : 1);
    }
}
