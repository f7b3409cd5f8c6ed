package dev.failscope.report;

/** Escaping for GitHub-flavoured markdown (see {@link Escaping}). */
final class Markdown {
    private Markdown() {}

    /** Text safe inside a paragraph or a table cell. */
    static String text(String s) {
        return Escaping.markdownText(s);
    }

    /** Inline code; backticks in the value widen the fence. */
    static String code(String s) {
        return Escaping.markdownCode(s);
    }
}
