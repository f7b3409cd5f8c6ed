package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.support.Cli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Names are data (issue 17, point 5): one topology whose every name, the waiver's reason and owner, and the
 * folder name carry the payloads a config can hold, run through every output format. Each output is read by a
 * real consumer (an XML parser, Graphviz, Jackson, the Prometheus exposition grammar, a GitHub command scan),
 * must keep its structure, and must show the payload as text: the bidi override visibly as {@code \u202E}.
 */
class OutputEscapingTest {
    /** Newline + workflow command, %, markup, quotes, CDATA end, comment end, bell, backticks, bidi override. */
    static final String P = "\u202E1-niam x\n::error file=evil.yaml::injected %0A <b>&amp;\"q\"'s ]]> --> \u0007 ``t`` # | ";
    static final String SHOWN_BIDI = "\\u202E1-niam";

    @TempDir
    static Path tmp;
    static Path topo;
    static Path before;

    @BeforeAll
    static void writeTopology() throws IOException {
        topo = Files.createDirectories(tmp.resolve("d ::warning x%<&\"']]>-->\u202E"));
        write(topo, true);
        before = Files.createDirectories(tmp.resolve("before"));
        write(before, false);
    }

    static void write(Path dir, boolean decommissioned) throws IOException {
        ObjectMapper m = new ObjectMapper();
        var inv = m.createObjectNode().put("kind", "inventory");
        var servers = inv.putArray("servers");
        servers.addObject().put("name", P + "a").put("zone", "z1").put("status", "active");
        servers.addObject().put("name", P + "b").put("zone", "z2").put("status", "active");
        servers.addObject().put("name", P + "c").put("zone", "z3")
                .put("status", decommissioned ? "decommissioned" : "active");
        Files.writeString(dir.resolve("inventory.json"), m.writeValueAsString(inv));
        var cl = m.createObjectNode().put("kind", "cluster").put("name", P + "cl").put("primary", P + "a");
        cl.putArray("replicas").addObject().put("server", P + "b").put("mode", "async");
        Files.writeString(dir.resolve("cluster.json"), m.writeValueAsString(cl));
        var fo = m.createObjectNode().put("kind", "failover").put("cluster", P + "cl");
        fo.putArray("candidates").add(P + "c").add(P + "missing").add(P + "b");
        Files.writeString(dir.resolve("failover.json"), m.writeValueAsString(fo));
        var svc = m.createObjectNode().put("kind", "service").put("name", P + "svc");
        svc.putArray("depends-on").addObject().put("cluster", P + "cl").put("access", "write");
        Files.writeString(dir.resolve("service.json"), m.writeValueAsString(svc));
        var w = m.createObjectNode().put("kind", "waivers");
        w.putArray("waivers").addObject().put("rule", "failover-target-missing").put("subject", P + "cl")
                .put("target", P + "missing").put("reason", P + "reason").put("owner", P + "owner")
                .put("expires", "2099-01-01");
        Files.writeString(dir.resolve("waivers.json"), m.writeValueAsString(w));
    }

    static String dir() {
        return topo.toString();
    }

    @Test
    void theTopologyLoadsWithItsPayloadNames() {
        Cli.Run r = Cli.run("check", "--format", "json", dir());
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
        assertThat(r.out()).contains("failover-target-decommissioned");
    }

    @Test
    void textReportsKeepOneLinePerItemAndNeverStartAWorkflowCommand() {
        List<Cli.Run> runs = List.of(Cli.run("check", dir()), Cli.run("sweep", dir()),
                Cli.run("simulate", "--fail", "server:" + P + "a", dir()),
                Cli.run("diff", "--before", before.toString(), "--after", dir()),
                Cli.run("audit", tmp.toString()));
        for (Cli.Run r : runs) {
            assertThat(r.out()).as(r.err()).isNotEmpty();
            noWorkflowCommand(r.out());
            noRawPayload(r.out());
        }
        Cli.Run check = runs.get(0);
        assertThat(check.out()).contains(SHOWN_BIDI).contains("\\n::error file=evil.yaml::injected %0A <b>")
                .contains("(waived by " + SHOWN_BIDI + " x\\n::error");
        assertThat(check.out().lines().filter(l -> l.contains(": waived ")).count()).isEqualTo(1);
    }

    @Test
    void githubCommandsAreOnePerFindingWithEscapedData() {
        for (Cli.Run r : List.of(Cli.run("check", "--format", "github", dir()),
                Cli.run("sweep", "--format", "github", dir()),
                Cli.run("diff", "--format", "github", "--before", before.toString(), "--after", dir()))) {
            Pattern command = Pattern.compile("::(error|warning|notice)( [a-z]+=[^:,\\n]*(,[a-z]+=[^:,\\n]*)*)?::"
                    + "[^\\r\\n]*");
            for (String line : r.out().split("\n")) {
                if (line.startsWith("::")) {
                    assertThat(line).matches(command);
                } else {
                    assertThat(line).doesNotStartWith("::");
                }
            }
            assertThat(r.out()).doesNotContain("%0A <b>");
            noRawPayload(r.out());
        }
        assertThat(Cli.run("check", "--format", "github", dir()).out()).contains("%250A <b>")
                .contains("::error file=").contains(SHOWN_BIDI);
    }

    @Test
    void xmlFormatsParseAndShowThePayloadAsText() throws Exception {
        Path svg = tmp.resolve("out.svg");
        Cli.Run render = Cli.run("render", "--output", svg.toString(), dir());
        assertThat(render.exit()).as(render.err()).isIn(0, 1);
        List<String> docs = new ArrayList<>(List.of(Files.readString(svg),
                Cli.run("export", "--format", "graphml", dir()).out(),
                Cli.run("check", "--format", "junit", dir()).out(),
                Cli.run("sweep", "--format", "junit", dir()).out(),
                Cli.run("diff", "--format", "junit", "--before", before.toString(), "--after", dir()).out()));
        for (String xml : docs) {
            Document d = parseXml(xml);
            String text = allText(d);
            assertThat(text).contains(SHOWN_BIDI);
            noRawPayload(xml);
        }
        assertThat(allText(parseXml(docs.get(1)))).contains("<b>&amp;\"q\"'s ]]> -->");
    }

    @Test
    void dotIsReadByGraphviz() throws Exception {
        Cli.Run r = Cli.run("export", "--format", "dot", dir());
        assertThat(r.exit()).as(r.err()).isZero();
        noRawPayload(r.out());
        Path dot = Path.of("/usr/bin/dot");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(dot), "graphviz 'dot' is not installed");
        Process p = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(false).start();
        p.getOutputStream().write(r.out().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] svg = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain("syntax error");
        String text = allText(parseXml(new String(svg, StandardCharsets.UTF_8)));
        assertThat(text).contains(SHOWN_BIDI).contains("<b>&amp;\"q\"'s ]]> -->");
        long nodes = r.out().lines().filter(l -> l.matches("\\s*n\\d+ \\[.*")).count();
        assertThat(nodes).isEqualTo(6);
    }

    @Test
    void jsonAndSarifParseToTheExactNames() throws Exception {
        ObjectMapper m = new ObjectMapper();
        for (Cli.Run r : List.of(Cli.run("check", "--format", "json", dir()),
                Cli.run("check", "--format", "sarif", dir()), Cli.run("sweep", "--format", "json", dir()),
                Cli.run("simulate", "--format", "json", "--fail", "server:" + P + "a", dir()),
                Cli.run("diff", "--format", "json", "--before", before.toString(), "--after", dir()),
                Cli.run("diff", "--format", "sarif", "--before", before.toString(), "--after", dir()))) {
            JsonNode tree = m.readTree(r.out());
            assertThat(tree).as(r.err()).isNotNull();
            assertThat(r.out()).doesNotContain("\u202E").doesNotContain("\u0007");
            List<String> strings = new ArrayList<>();
            collect(tree, strings);
            assertThat(strings.stream().anyMatch(s -> s.contains(P))).as(r.out()).isTrue();
        }
    }

    @Test
    void auditJsonParses() throws Exception {
        Cli.Run r = Cli.run("audit", "--format", "json", tmp.toString());
        assertThat(new ObjectMapper().readTree(r.out())).as(r.err()).isNotNull();
        noRawPayload(r.out());
    }

    @Test
    void prometheusFollowsTheExpositionFormat() {
        Pattern sample = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\""
                + ",?)*\\})? -?[0-9.eE+]+");
        for (Cli.Run r : List.of(Cli.run("check", "--format", "prometheus", dir()),
                Cli.run("sweep", "--format", "prometheus", dir()))) {
            assertThat(r.out()).as(r.err()).isNotEmpty();
            for (String line : r.out().split("\n")) {
                if (!line.startsWith("# HELP ") && !line.startsWith("# TYPE ")) {
                    assertThat(line).matches(sample);
                }
            }
        }
    }

    @Test
    void markdownKeepsNamesInsideCodeSpansAndLetsNoHtmlThrough() {
        for (Cli.Run r : List.of(
                Cli.run("diff", "--format", "markdown", "--before", before.toString(), "--after", dir()),
                Cli.run("audit", "--format", "markdown", tmp.toString()))) {
            assertThat(r.out()).as(r.err()).isNotEmpty();
            for (String line : r.out().split("\n")) {
                String outside = outsideCodeSpans(line);
                assertThat(outside).as(line).doesNotContainPattern("(?<!\\\\)[<&]");
                assertThat(line).doesNotStartWith("::");
            }
            noRawPayload(r.out());
        }
    }

    @Test
    void mermaidLabelsStayInsideTheirQuotes() {
        Cli.Run r = Cli.run("export", "--format", "mermaid", dir());
        assertThat(r.exit()).as(r.err()).isZero();
        Pattern node = Pattern.compile("  n\\d+(\\[\"|\\[\\(\"|\\(\\[\"|\\{\\{\")[^\"`<>&]*(\"\\]|\"\\)\\]|\"\\]\\)|\"\\}\\})");
        Pattern edge = Pattern.compile("  n\\d+ (-\\. \"[^\"]*\" \\.->|-->\\|\"[^\"]*\"\\||---|==>\\|\"[^\"]*\"\\|) n\\d+");
        Pattern style = Pattern.compile("  (classDef|class|linkStyle) .*");
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("flowchart LR");
        for (int i = 1; i < lines.length; i++) {
            assertThat(node.matcher(lines[i]).matches() || edge.matcher(lines[i]).matches()
                    || style.matcher(lines[i]).matches()).as(lines[i]).isTrue();
        }
        assertThat(r.out()).contains(SHOWN_BIDI).contains("#96;#96;t#96;#96;");
    }

    @Test
    void nativeExportReadsBackToTheSameNames() throws Exception {
        Path out = tmp.resolve("native-out");
        Cli.Run r = Cli.run("export", "--format", "native", "--output", out.toString(), dir());
        assertThat(r.exit()).as(r.err()).isZero();
        for (Path f : Files.list(out).toList()) {
            for (String line : Files.readAllLines(f)) {
                assertThat(line).doesNotStartWith("::").doesNotContain("\u202E");
            }
        }
        Cli.Run back = Cli.run("check", "--format", "json", out.toString());
        assertThat(back.err()).isEmpty();
        List<String> strings = new ArrayList<>();
        collect(new ObjectMapper().readTree(back.out()), strings);
        assertThat(strings).anyMatch(s -> s.contains(P + "cl"));
    }

    @Test
    void loneSurrogateNamesNeverBreakAnOutput() throws Exception {
        Path lone = Files.createDirectories(tmp.resolve("lone"));
        Files.writeString(lone.resolve("t.json"), "{\"kind\":\"inventory\",\"servers\":[{\"name\":\"db\\ud800x\"}]}\n"
                + "");
        Cli.Run check = Cli.run("check", "--format", "json", lone.toString());
        if (check.exit() == 2) {
            assertThat(check.err() + check.out()).doesNotContain("Exception");
            return;
        }
        assertThat(new ObjectMapper().readTree(check.out())).isNotNull();
        parseXml(Cli.run("export", "--format", "graphml", lone.toString()).out());
        Path svg = tmp.resolve("lone.svg");
        assertThat(Cli.run("render", "--output", svg.toString(), lone.toString()).exit()).isIn(0, 1);
        assertThat(allText(parseXml(Files.readString(svg)))).contains("db\\uD800x");
        assertThat(Cli.run("export", "--format", "native", "--output", tmp.resolve("lone-out").toString(),
                lone.toString()).exit()).isZero();
    }

    @Test
    void visibleEscapesOnlyWhatHidesOrBreaks() {
        assertThat(Escaping.visible("db-ü-\uD83D\uDE00")).isEqualTo("db-ü-\uD83D\uDE00");
        assertThat(Escaping.visible("a\nb\u202Ec\uD800")).isEqualTo("a\\nb\\u202Ec\\uD800");
        assertThat(Escaping.textLine("::error x")).isEqualTo(" ::error x");
        assertThat(Escaping.markdownCode("a``b")).isEqualTo("``` a``b ```");
        assertThat(Escaping.dot("a\\")).isEqualTo("a\\\\");
    }

    // --- consumers ---

    static void noWorkflowCommand(String out) {
        for (String line : out.split("\n")) {
            assertThat(line).doesNotStartWith("::");
        }
    }

    /** The raw bidi override or bell never reaches an output. */
    static void noRawPayload(String out) {
        assertThat(out).doesNotContain("\u202E").doesNotContain("\u0007");
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Text nodes and attribute values of a document, joined. */
    static String allText(Document d) {
        StringBuilder sb = new StringBuilder();
        walk(d.getDocumentElement(), sb);
        return sb.toString();
    }

    private static void walk(org.w3c.dom.Node n, StringBuilder sb) {
        if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
            sb.append(n.getNodeValue()).append('\n');
        }
        if (n.getAttributes() != null) {
            for (int i = 0; i < n.getAttributes().getLength(); i++) {
                sb.append(n.getAttributes().item(i).getNodeValue()).append('\n');
            }
        }
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            walk(c, sb);
        }
    }

    static void collect(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.elements().forEachRemaining(c -> collect(c, out));
        n.fields().forEachRemaining(e -> {
            out.add(e.getKey());
            collect(e.getValue(), out);
        });
    }

    /** A markdown line with its code spans (fence of n backticks to the next fence of n) removed. */
    static String outsideCodeSpans(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == '`' && (i == 0 || line.charAt(i - 1) != '\\')) {
                int n = 0;
                while (i + n < line.length() && line.charAt(i + n) == '`') {
                    n++;
                }
                String fence = "`".repeat(n);
                int end = line.indexOf(fence, i + n);
                while (end > 0 && end + n < line.length() && line.charAt(end + n) == '`') {
                    end = line.indexOf(fence, end + n + 1);
                }
                if (end < 0) {
                    out.append(line, i, line.length());
                    break;
                }
                i = end + n;
            } else {
                out.append(line.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
