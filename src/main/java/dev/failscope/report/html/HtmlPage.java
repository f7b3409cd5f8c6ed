package dev.failscope.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Puts one self-contained page together from the template, style and script resources beside this class, the
 * graph SVGs and the JSON data island. The Content-Security-Policy allows exactly the page's own script (by
 * hash) and nothing that fetches: no connections, images only as data URLs, no fonts, frames, forms or base.
 */
final class HtmlPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlPage() {}

    static String render(String title, List<GraphData> sides, String legendSvg, Map<String, Object> data) {
        String script = resource("page.js");
        String style = resource("page.css");
        if (script.contains("</script") || style.contains("</style")) {
            throw new IllegalStateException("page resources must not close their own element");
        }
        String csp = "default-src 'none'; script-src " + Html.cspHash(script) + "; style-src 'unsafe-inline'; "
                + "img-src data:; connect-src 'none'; font-src 'none'; object-src 'none'; frame-src 'none'; "
                + "base-uri 'none'; form-action 'none'";
        if (csp.contains("\"") || csp.contains("&")) {
            throw new IllegalStateException("the policy is our own text and needs no escaping: " + csp);
        }
        StringBuilder graphs = new StringBuilder();
        for (GraphData side : sides) {
            graphs.append("<div class=\"fs-side\" data-side=\"").append(Html.attr(side.key())).append("\">")
                    .append(side.svg()).append("</div>\n");
        }
        return fill(resource("page.html"), Map.of(
                "csp", csp,
                "title", Html.text(title),
                "style", style,
                "graphs", graphs.toString(),
                "legend", legendSvg,
                "data", Html.scriptJson(json(data)),
                "script", script));
    }

    /** Replaces each {@code {{key}}} in one pass, so a value can never be substituted again. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + values.values().stream()
                .mapToInt(String::length).sum());
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                out.append(template, at, template.length());
                return out.toString();
            }
            int close = template.indexOf("}}", open);
            String key = template.substring(open + 2, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("no value for {{" + key + "}} in page.html");
            }
            out.append(template, at, open).append(value);
            at = close + 2;
        }
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("page data is plain maps, lists and strings", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
