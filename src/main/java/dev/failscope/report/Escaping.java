package dev.failscope.report;

/**
 * Names and reasons from configs are data: the one place that decides how they are shown in every output.
 *
 * <p>{@link #visible(String)} is the display form shared by every report (and usable by the GUI): characters
 * that cannot be seen, that break a line, or that make a name read as another are written as visible escapes
 * ({@code \n}, {@code \r}, {@code \t}, {@code \u202E}); lone surrogates become {@code \uD800}. Every other
 * character, including any letter of any script and emoji, is kept. The format helpers below start from that
 * form and add the format's own quoting, so no format sees a raw control, bidirectional or surrogate character.
 */
public final class Escaping {
    private Escaping() {}

    /** The display form of a name, reason or message: invisible, line-breaking and bidi characters escaped. */
    public static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, nearly every character of a report: never escaped
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            String esc = null;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (hidden(c)) {
                esc = switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04X", (int) c);
                };
            }
            if (esc != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (esc != null) {
                    out.append(esc);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * True for a UTF-16 unit that is shown escaped: C0 and C1 controls, DEL, bidirectional embeddings,
     * overrides, isolates and marks, zero-width characters, line and paragraph separators, the byte-order mark,
     * non-characters U+FFFE/U+FFFF, and any surrogate (callers pass lone ones only).
     */
    static boolean hidden(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F
                || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x200B && c <= 0x200D || c >= 0x2028 && c <= 0x202E || c >= 0x2060 && c <= 0x2069
                || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF
                || Character.isSurrogate(c);
    }

    /**
     * One line of a plain-text report: {@link #visible} (so data can never start a new line), and a line that
     * would begin with {@code ::} is indented by one space, so no line of ours is a GitHub workflow command.
     */
    public static String textLine(String line) {
        String v = visible(line);
        return v.startsWith("::") ? " " + v : v;
    }

    /**
     * A whole plain-text report, as a last guard: every line that begins with {@code ::} is indented by one
     * space and any remaining hidden character (not the line ends between lines) is escaped.
     */
    public static String textBlock(String text) {
        if (plain(text)) {
            return text; // what the loop below gives for it, without splitting a long report into lines
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(textLine(lines[i]));
        }
        return out.toString();
    }

    /** True when no line begins with {@code ::} and nothing but the line ends is hidden: nothing to change. */
    private static boolean plain(String text) {
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith("::", from) || !plainLine(text, from, end)) {
                return false;
            }
            from = end + 1;
        }
        return true;
    }

    /** True when nothing in {@code text[from, to)} is hidden (printable ASCII, the common case, is checked first). */
    private static boolean plainLine(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7F) && hidden(c)) {
                return false;
            }
        }
        return true;
    }

    /** XML character data or a double-quoted attribute value: {@link #visible}, then {@code & < > "}. */
    public static String xml(String s) {
        String v = visible(s);
        StringBuilder out = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** GitHub workflow command message: {@link #visible}, then {@code %}, CR and LF as the runner expects. */
    public static String githubData(String s) {
        return visible(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub workflow command property value: additionally {@code :} and {@code ,}. */
    public static String githubProperty(String s) {
        return githubData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * The inside of a Graphviz double-quoted string (the exporter adds the quotes and escapes {@code "}):
     * {@link #visible}, then backslashes doubled, so {@code \N}, {@code \l} or a trailing backslash stay text,
     * and {@code &} as {@code &amp;}, since Graphviz reads entities such as {@code &lt;} in every label.
     */
    public static String dot(String s) {
        return visible(s).replace("\\", "\\\\").replace("&", "&amp;");
    }

    /** Mermaid label text inside double quotes: entity codes for the characters Mermaid interprets. */
    public static String mermaid(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : visible(s).toCharArray()) {
            switch (c) {
                case '#' -> out.append("#35;");
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '`' -> out.append("#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Markdown inline code: a fence longer than any backtick run inside, padded so edge backticks stay text; a
     * {@code |} becomes U+2758 so a table cell cannot be split (a backslash would show outside tables).
     */
    public static String markdownCode(String s) {
        String clean = visible(s).replace('|', '\u2758');
        int longest = 0;
        int run = 0;
        for (char c : clean.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = longest > 0 || clean.startsWith(" ") || clean.endsWith(" ") || clean.isEmpty();
        return pad ? fence + " " + clean + " " + fence : fence + clean + fence;
    }

    /** Markdown paragraph or table-cell text: punctuation Markdown or HTML interprets, backslash-escaped. */
    public static String markdownText(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : visible(s).toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '&' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A Prometheus exposition label value (inside double quotes): backslash, quote and newline escaped. */
    public static String prometheusLabel(String s) {
        return visible(s).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
