package dev.failscope.report;

/** Escaping for GitHub-flavoured markdown. */
final class Markdown {
    private Markdown() {}

    /** Text safe inside a paragraph or a table cell. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|' -> out.append('\\').append(ch);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** Inline code; backticks in the value widen the fence. */
    static String code(String s) {
        String clean = s.replace('\n', ' ').replace('|', '\u2758');
        return clean.contains("`") ? "`` " + clean + " ``" : "`" + clean + "`";
    }
}
