package dev.failscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as bytes: self-contained, deterministic, a CSP that allows only its own script, names escaped. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    static final Map<String, List<String>> COMMANDS = Map.of(
            "check", List.of("check", "sample-topologies/catifyme"),
            "sweep", List.of("sweep", "sample-topologies/catifyme"),
            "simulate", List.of("simulate", "sample-topologies/catifyme", "--fail", "db-main-1"),
            "diff", List.of("diff", "sample-topologies/catifyme-before", "sample-topologies/catifyme"));

    byte[] write(String name, List<String> args) throws IOException {
        Path out = tmp.resolve(name + ".html");
        List<String> full = new java.util.ArrayList<>(args);
        full.addAll(List.of("--format", "html", "--output", out.toString()));
        Cli r = Cli.run(full.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).isEmpty();
        return Files.readAllBytes(out);
    }

    @Test
    void twoRunsGiveTheSameBytes() throws IOException {
        for (var e : COMMANDS.entrySet()) {
            assertThat(write(e.getKey() + "-1", e.getValue())).as(e.getKey())
                    .isEqualTo(write(e.getKey() + "-2", e.getValue()));
        }
    }

    @Test
    void pageIsSelfContainedAndItsPolicyAllowsOnlyItsOwnScript() throws IOException {
        String html = new String(write("diff", COMMANDS.get("diff")), java.nio.charset.StandardCharsets.UTF_8);
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
                .matcher(html);
        assertThat(csp.find()).isTrue();
        String policy = csp.group(1);
        assertThat(policy).startsWith("default-src 'none'; script-src 'sha256-").contains("connect-src 'none'")
                .contains("img-src data:").contains("font-src 'none'").contains("base-uri 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("http");
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        assertThat(policy).contains(Html.cspHash(script.group(1)));
        // nothing to fetch: no external src/href, no @import, no url() but data:
        assertThat(html).doesNotContainPattern("(?i)\\b(src|href)\\s*=\\s*[\"']?(https?:|//)")
                .doesNotContain("@import").doesNotContainPattern("url\\((?!#|'#|\"#|data:)");
        assertThat(html).doesNotContainPattern("\\b20\\d\\d-\\d\\d-\\d\\dT");
    }

    @Test
    void hostileNamesStayData() throws IOException {
        String html = new String(write("hostile", List.of("simulate", "src/test/resources/html/hostile", "--fail",
                "db-<script>window.fsPwned='script'</script>")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<svg onload").doesNotContain("<b onmouseover")
                .doesNotContain("</title><script>");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"fs-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1)).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029")
                .contains("\\u003cscript\\u003ewindow.fsPwned");
        // the JSON still parses to the names as written
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.group(1));
        assertThat(tree.toString()).contains("db-<script>window.fsPwned='script'</script>")
                .contains("db-line\\nbreak-\u2028-<!--");
    }

    @Test
    void escapingHelpers() {
        assertThat(Html.text("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.scriptJson("{\"a\":\"</script><!--&\u2028\u2029\"}"))
                .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\"}");
        assertThat(HtmlPage.fill("a{{x}}b{{y}}c", Map.of("x", "{{y}}", "y", "1"))).isEqualTo("a{{y}}b1c");
    }

    @Test
    void loadErrorsGiveAPageWithoutAGraphOrAGreenResult() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "kind: inventory\nservers: [\n");
        Path out = tmp.resolve("errors.html");
        Cli r = Cli.run("check", bad.toString(), "--format", "html", "--output", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        String html = Files.readString(out);
        assertThat(html).contains("\"mode\":\"errors\"").contains("load error").contains("nothing was checked")
                .contains("\"sides\":[]");
    }

    @Test
    void markdownCommentLinksToThePage() {
        Cli r = Cli.run("diff", "sample-topologies/catifyme-before", "sample-topologies/catifyme", "--format",
                "markdown", "--html-link", "https://ci.example.com/jobs/42/artifacts/failscope-review.html?x=(1)");
        assertThat(r.out()).endsWith("\n[Open the review page](https://ci.example.com/jobs/42/artifacts/"
                + "failscope-review.html?x=%281%29): the graph with the change marked, the findings linked to their "
                + "lines, and a stepper that plays each primary loss.\n");
        Cli bad = Cli.run("diff", "sample-topologies/catifyme-before", "sample-topologies/catifyme", "--format",
                "markdown", "--html-link", "javascript:alert(1)");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--html-link must be an absolute http or https URL");
    }
}
