package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.failscope.support.Cli;
import dev.failscope.support.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates SARIF output against the SARIF 2.1.0 JSON schema, and every sample document against the native
 * format's own schema ({@code failscope-v1.schema.json}, the one shipped in the jar).
 *
 * <p>See {@link Schemas} for where the SARIF schema comes from.
 */
class SchemaValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema sarifSchema() {
        return Schemas.sarif();
    }

    static JsonSchema nativeSchema() {
        return Schemas.nativeFormat();
    }

    static Stream<String> inputs() {
        return ReportGoldenTest.INPUTS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void sarifOutputIsValidSarif210(String input) throws IOException {
        String sarif = Cli.run("check", "--format", "sarif", input).out();

        Set<ValidationMessage> problems = sarifSchema().validate(JSON.readTree(sarif));

        assertThat(problems).isEmpty();
    }

    @Test
    void sarifSchemaRejectsABrokenLog() throws IOException {
        ObjectNode log = (ObjectNode) JSON.readTree(Cli.run("check", "--format", "sarif",
                "sample-topologies/catifyme").out());
        log.put("version", "2.0.0");
        ((ObjectNode) log.get("runs").get(0).get("results").get(0)).put("level", "fatal");

        assertThat(sarifSchema().validate(log)).hasSizeGreaterThanOrEqualTo(2);
    }

    static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("sample-topologies"))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .filter(p -> !p.toString().endsWith(".scenario.yaml")) // presentation scripts, not topology
                    .filter(SchemaValidationTest::nativeFile)
                    .sorted()
                    .toList();
        }
    }

    /** Native files have a top-level kind; imported samples (Patroni members, say) are not ours to validate. */
    private static boolean nativeFile(Path p) {
        try {
            return java.util.regex.Pattern.compile("(?m)^kind:|\"kind\"\\s*:").matcher(Files.readString(p)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void sampleDocumentsMatchTheNativeSchema(Path file) throws IOException {
        JsonSchema schema = nativeSchema();
        List<JsonNode> documents = documents(file);

        assertThat(documents).isNotEmpty();
        for (JsonNode doc : documents) {
            assertThat(schema.validate(doc)).as("%s: %s", file, doc.path("kind")).isEmpty();
        }
    }

    @Test
    void nativeSchemaRejectsABadDocument() throws IOException {
        JsonNode doc = JSON.readTree("{\"kind\": \"failover\", \"cluster\": \"main\", \"candidates\": \"db-2\"}");

        assertThat(nativeSchema().validate(doc)).isNotEmpty();
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        return Schemas.documents(Files.readString(file), file.toString().endsWith(".json"));
    }
}
