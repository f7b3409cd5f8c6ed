package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.tree.ScalarType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The tree builder's fast paths type every plain scalar exactly as SnakeYAML's YAML 1.1 resolver does. */
class ScalarResolutionTest {
    private static final Resolver SNAKEYAML = new Resolver();

    private static ScalarType reference(String value) {
        return YamlTreeBuilder.typeOf(SNAKEYAML.resolve(NodeId.scalar, value, true));
    }

    @Property(tries = 5000)
    void fastPathsAgreeWithTheResolver(@ForAll("plainScalars") String value) {
        assertThat(YamlTreeBuilder.resolve(value, true)).as(value).isEqualTo(reference(value));
    }

    @Provide
    Arbitrary<String> plainScalars() {
        return Arbitraries.strings().withChars("0123456789.:-+_eExXoObBtTzZ sSmMyYnNfFaAlLuU~").ofMaxLength(14);
    }

    @Test
    void knownValues() {
        for (String v : new String[] {"10.1.0.3:6379", "10.1.0.3", "1.5", "1.5.", "190:20:30", "190:20:30.15",
            "2001-12-14t21:59:43.10-05:00", "2002-12-14", "0x1F", "0b101", "1_000", ".5", "1e3", "1.e3", "4s",
            "30m", "yes", "No", "null", "~", "", "true", "on", "Off", "us-east-1a", "1.2.3e4", "12:30:00.5.1"}) {
            assertThat(YamlTreeBuilder.resolve(v, true)).as(v).isEqualTo(reference(v));
        }
        assertThat(YamlTreeBuilder.resolve("10.1.0.3:6379", true)).isEqualTo(ScalarType.STRING);
        assertThat(YamlTreeBuilder.resolve("1.5", true)).isEqualTo(ScalarType.FLOAT);
        assertThat(YamlTreeBuilder.resolve("42", false)).isEqualTo(ScalarType.STRING); // quoted
    }
}
