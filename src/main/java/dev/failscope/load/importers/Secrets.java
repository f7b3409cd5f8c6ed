package dev.failscope.load.importers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes passwords out of text read from configs before it reaches a route, a finding, an error or any output:
 * the password of a URL's user info ({@code postgresql://app:***@db-main-1/catify}), {@code password=} pairs of
 * a libpq keyword string or a URL query, and ProxySQL/pgpool {@code password = "…"} values.
 */
public final class Secrets {
    public static final String MASK = "***";

    /** {@code scheme://user:password@}, and {@code scheme://:password@} (Redis). */
    private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.:-]*://[^/@\\s:,?#]*):([^\\s/?#]*)@");
    /** {@code password=…} in a keyword string or a query; the value up to a separator or a closing quote. */
    private static final Pattern PAIR = Pattern.compile(
            "(?i)((?:^|[\\s&?;,{(])[a-z_]*pass(?:word|wd)?[a-z_]*\\s*[=:]\\s*)('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s&;,)}'\"]*)");

    private Secrets() {}

    /** The text with every password replaced by {@link #MASK}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + ":" + (m.group(2).isEmpty() ? "" : MASK) + "@"));
        return PAIR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quoteLike(m.group(2))));
    }

    private static String quoteLike(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char q = value.charAt(0);
        return q == '\'' || q == '"' ? q + MASK + q : MASK;
    }
}
