package dev.failscope.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON schemas tests validate against, with format assertions on.
 *
 * <p>{@code src/test/resources/sarif/sarif-schema-2.1.0.json} is the OASIS SARIF 2.1.0 schema (revision rtm.5,
 * the published 2.1.0 standard), as shipped in the npm package {@code @microsoft/jest-sarif} (MIT).
 */
public final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {}

    private static JsonSchema sarif;
    private static JsonSchema nativeFormat;

    public static synchronized JsonSchema sarif() {
        if (sarif == null) {
            sarif = load("/sarif/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);
        }
        return sarif;
    }

    /** The native format's schema, as shipped in the jar. */
    public static synchronized JsonSchema nativeFormat() {
        if (nativeFormat == null) {
            nativeFormat = load("/dev/failscope/schema/failscope-v1.schema.json", SpecVersion.VersionFlag.V202012);
        }
        return nativeFormat;
    }

    private static JsonSchema load(String resource, SpecVersion.VersionFlag version) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(version).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a YAML or JSON text, as JSON trees (YAML through SnakeYAML's safe constructor). */
    public static List<JsonNode> documents(String text, boolean json) throws IOException {
        if (json) {
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
