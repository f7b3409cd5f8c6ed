package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.failscope.support.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates SARIF output against the SARIF 2.1.0 JSON schema, and every sample document against the native
 * format's own schema ({@code failscope-v1.schema.json}, the one shipped in the jar).
 *
 * <p>{@code src/test/resources/sarif/sarif-schema-2.1.0.json} is the OASIS SARIF 2.1.0 schema (revision
 * rtm.5, the published 2.1.0 standard), as shipped in the npm package {@code @microsoft/jest-sarif}.
 */
class SchemaValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema sarifSchema() throws IOException {
        try (InputStream in = SchemaValidationTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, strict());
        }
    }

    static JsonSchema nativeSchema() throws IOException {
        try (InputStream in = SchemaValidationTest.class
                .getResourceAsStream("/dev/failscope/schema/failscope-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, strict());
        }
    }

    private static SchemaValidatorsConfig strict() {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
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
        String text = Files.readString(file);
        if (file.toString().endsWith(".json")) {
            return List.of(JSON.readTree(text));
        }
        List<JsonNode> docs = new ArrayList<>();
        for (Object o : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (o != null) {
                docs.add(JSON.valueToTree(o));
            }
        }
        return docs;
    }
}
