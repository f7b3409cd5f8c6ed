package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.support.Cli;
import dev.failscope.support.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Golden files for the issue-6 outputs: check and sweep in junit/github/prometheus, diff in every format,
 * audit, and the graph exports. Regenerate with {@code -Dtest=CiGoldenTest -Dgolden.update=true}, then read
 * the diff. Prometheus output has its timestamp line normalised.
 */
class CiGoldenTest {
    private static final String CATIFYME = "sample-topologies/catifyme";
    private static final String BEFORE = "sample-topologies/catifyme-before";
    private static final String FIXED = "sample-topologies/catifyme-fixed";
    private static final String HEALTHY = "sample-topologies/three-zone-healthy";
    private static final String WAIVERS = "src/test/resources/fixtures/waivers/waivers.yaml";

    /** golden path, expected exit, then the arguments. */
    static List<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        for (String f : List.of("junit", "github", "prometheus")) {
            String ext = ext(f);
            c.add(Arguments.of("catifyme/check." + ext, 1, List.of("check", "--format", f, CATIFYME)));
            c.add(Arguments.of("catifyme-fixed/check." + ext, 0, List.of("check", "--format", f, FIXED)));
            c.add(Arguments.of("broken/check." + ext, 2, List.of("check", "--format", f,
                    "src/test/resources/fixtures/broken")));
            c.add(Arguments.of("catifyme-waived/check." + ext, 1, List.of("check", "--format", f, CATIFYME, WAIVERS)));
            c.add(Arguments.of("catifyme/sweep." + ext, 1, List.of("sweep", "--format", f, CATIFYME)));
            c.add(Arguments.of("three-zone-healthy/sweep." + ext, 0, List.of("sweep", "--format", f, HEALTHY)));
        }
        for (String f : List.of("text", "json", "markdown", "sarif", "junit", "github")) {
            String ext = ext(f);
            c.add(Arguments.of("diff/deploy." + ext, 1, List.of("diff", "--format", f, BEFORE, CATIFYME)));
            c.add(Arguments.of("diff/fix." + ext, 0, List.of("diff", "--format", f, CATIFYME, FIXED)));
        }
        c.add(Arguments.of("diff/deploy-all.txt", 1, List.of("diff", "--all", BEFORE, CATIFYME)));
        c.add(Arguments.of("diff/deploy-waived.md", 1, List.of("diff", "--format", "markdown", "--before", BEFORE,
                "--after", CATIFYME, "--after", WAIVERS)));
        for (String f : List.of("text", "json", "markdown")) {
            c.add(Arguments.of("audit/sample-topologies." + ext(f), 1, List.of("audit", "--format", f,
                    "sample-topologies")));
        }
        for (String f : List.of("dot", "graphml", "mermaid")) {
            c.add(Arguments.of("catifyme/export." + ext(f), 0, List.of("export", "--format", f, CATIFYME)));
            c.add(Arguments.of("three-zone-healthy/export." + ext(f), 0, List.of("export", "--format", f, HEALTHY)));
            c.add(Arguments.of("dangling/export." + ext(f), 0, List.of("export", "--format", f,
                    "src/test/resources/fixtures/dangling")));
        }
        return c;
    }

    private static String ext(String format) {
        return switch (format) {
            case "junit" -> "junit.xml";
            case "github" -> "github.txt";
            case "prometheus" -> "prom";
            case "text" -> "txt";
            case "markdown" -> "md";
            case "mermaid" -> "mmd";
            default -> format;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String golden, int exit, List<String> args) throws Exception {
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).as(run.out()).isEqualTo(exit);
        String out = run.out().replaceAll("(?m)^failscope_last_check_timestamp_seconds \\d+$",
                "failscope_last_check_timestamp_seconds 0");
        Golden.assertMatches(golden, out);
        if (golden.endsWith(".xml") || golden.endsWith(".graphml")) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isIn("testsuites", "graphml");
        }
        if (golden.endsWith(".json") || golden.endsWith(".sarif")) {
            assertThat(new ObjectMapper().readTree(out).isObject()).isTrue();
        }
    }

    @Test
    void dotAndGraphmlReadBackWithJgraphtImporters() {
        for (String input : List.of(CATIFYME, HEALTHY, "src/test/resources/fixtures/dangling")) {
            var inspection = new dev.failscope.analysis.Inspector().inspect(List.of(input));
            int vertices = inspection.topology().graph().vertexSet().size();
            int edges = inspection.topology().graph().edgeSet().size();
            var dot = new org.jgrapht.graph.DirectedPseudograph<String, org.jgrapht.graph.DefaultEdge>(
                    org.jgrapht.util.SupplierUtil.createStringSupplier(), org.jgrapht.util.SupplierUtil.DEFAULT_EDGE_SUPPLIER,
                    false);
            var labels = new java.util.HashMap<String, String>();
            var importer = new org.jgrapht.nio.dot.DOTImporter<String, org.jgrapht.graph.DefaultEdge>();
            importer.addVertexAttributeConsumer((p, a) -> {
                if (p.getSecond().equals("name")) {
                    labels.put(p.getFirst(), a.getValue());
                }
            });
            importer.importGraph(dot, new java.io.StringReader(GraphExport.dot(inspection)));
            assertThat(dot.vertexSet()).hasSize(vertices);
            assertThat(dot.edgeSet()).hasSize(edges);
            assertThat(labels.values()).containsAll(inspection.topology().graph().vertexSet().stream()
                    .map(dev.failscope.model.Node::name).toList());
            var graphml = new org.jgrapht.graph.DirectedPseudograph<String, org.jgrapht.graph.DefaultEdge>(
                    org.jgrapht.util.SupplierUtil.createStringSupplier(), org.jgrapht.util.SupplierUtil.DEFAULT_EDGE_SUPPLIER,
                    false);
            var gmlImporter = new org.jgrapht.nio.graphml.GraphMLImporter<String, org.jgrapht.graph.DefaultEdge>();
            gmlImporter.setSchemaValidation(false);
            gmlImporter.importGraph(graphml, new java.io.StringReader(GraphExport.graphml(inspection)));
            assertThat(graphml.vertexSet()).hasSize(vertices);
            assertThat(graphml.edgeSet()).hasSize(edges);
        }
    }

    @Test
    void diffSarifIsValidAndHoldsOnlyIntroducedFindings() throws IOException {
        String sarif = Cli.run("diff", "--format", "sarif", BEFORE, CATIFYME).out();
        var log = new ObjectMapper().readTree(sarif);
        assertThat(SchemaValidationTest.sarifSchema().validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results")).hasSize(2);
        String unchanged = Cli.run("diff", "--format", "sarif", CATIFYME, CATIFYME).out();
        assertThat(new ObjectMapper().readTree(unchanged).at("/runs/0/results")).isEmpty();
    }

    @Test
    void waivedFindingsAreSarifSuppressions() throws IOException {
        String sarif = Cli.run("check", "--format", "sarif", CATIFYME, WAIVERS).out();
        var log = new ObjectMapper().readTree(sarif);
        assertThat(SchemaValidationTest.sarifSchema().validate(log)).isEmpty();
        var suppressed = new ArrayList<String>();
        log.at("/runs/0/results").forEach(r -> {
            if (r.has("suppressions")) {
                suppressed.add(r.get("ruleId").asText() + " " + r.at("/suppressions/0/status").asText() + " "
                        + r.at("/suppressions/0/justification").asText());
            }
        });
        assertThat(suppressed).containsExactly("failover-target-decommissioned accepted replacement replica "
                + "ordered, ticket DB-42 (owner data-platform, until 2099-12-31)");
    }

    @Test
    void theWaiversFixtureIsValidAgainstTheNativeSchema() throws IOException {
        var doc = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                .load(java.nio.file.Files.readString(java.nio.file.Path.of(WAIVERS))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/waivers/0")).put("expires", "2099-12-31");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/waivers/1")).put("expires", "2099-12-31");
        assertThat(SchemaValidationTest.nativeSchema().validate(doc)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/waivers/0")).remove("owner");
        assertThat(SchemaValidationTest.nativeSchema().validate(doc)).isNotEmpty();
    }
}
