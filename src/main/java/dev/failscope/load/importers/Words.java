package dev.failscope.load.importers;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a keyword config (HAProxy): words split on blanks, {@code "…"} and {@code '…'} quoting, backslash
 * escapes, and a {@code #} comment outside quotes. An unterminated quote is reported with its column.
 *
 * @param line  1-based line number
 * @param words the words, each with its 1-based column
 * @param open  the column of an unterminated quote, or 0
 */
record Words(int line, List<Word> words, int open) {
    /** A word and where it starts. */
    record Word(String text, int column) {}

    static Words of(int line, String raw) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i >= n || raw.charAt(i) == '#') {
                break;
            }
            int start = i;
            StringBuilder sb = new StringBuilder();
            char quote = 0;
            int quoteAt = 0;
            while (i < n) {
                char c = raw.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"' && i + 1 < n) {
                        sb.append(raw.charAt(++i));
                    } else {
                        sb.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    quoteAt = i + 1;
                } else if (c == '\\' && i + 1 < n) {
                    sb.append(raw.charAt(++i));
                } else if (Character.isWhitespace(c) || c == '#') {
                    break;
                } else {
                    sb.append(c);
                }
                i++;
            }
            if (quote != 0) {
                return new Words(line, words, quoteAt);
            }
            words.add(new Word(sb.toString(), start + 1));
        }
        return new Words(line, words, 0);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The word at {@code i}, lower case, or "". */
    String word(int i) {
        return i < words.size() ? words.get(i).text().toLowerCase(Locale.ROOT) : "";
    }

    /** The word at {@code i} as written, or "". */
    String text(int i) {
        return i < words.size() ? words.get(i).text() : "";
    }

    int size() {
        return words.size();
    }

    SourcePosition at(SourceText source, int i) {
        return source.at(line, i < words.size() ? words.get(i).column() : 1);
    }
}
