package dev.failscope.report.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Escaping for the page. Names from configs are data: everything that is not our own markup goes through one of
 * these. {@link #text} and {@link #attr} for HTML text and quoted attribute values, {@link #scriptJson} for JSON
 * placed inside {@code <script type="application/json">}, where no {@code </script>}, {@code <!--} or line
 * separator may survive.
 */
public final class Html {
    private Html() {}

    /** HTML text content and double- or single-quoted attribute values alike. */
    public static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String attr(String s) {
        return text(s);
    }

    /**
     * JSON text made safe inside a script element: {@code <}, {@code >}, {@code &} and U+2028/U+2029 become
     * {@code \}{@code uXXXX} escapes. Outside strings JSON has none of these characters, so the result parses to
     * the same value.
     */
    public static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code 'sha256-…'} of an inline script or style, as a Content-Security-Policy source. */
    public static String cspHash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
