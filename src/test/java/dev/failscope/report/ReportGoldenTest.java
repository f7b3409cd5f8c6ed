package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import dev.failscope.support.Golden;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code failscope check --format F PATH} on every sample (and a broken fixture for load errors), compared byte
 * for byte with {@code src/test/resources/golden/NAME/check.EXT}.
 *
 * <p>Regenerate after an intended change: {@code mvn -B -o test -Dtest=ReportGoldenTest -Dgolden.update=true},
 * then read {@code git diff src/test/resources/golden} before committing.
 */
class ReportGoldenTest {
    /** Input path (as typed on a command line) and the exit code {@code check} must give. */
    static final Map<String, Integer> INPUTS = Map.of(
            "sample-topologies/catifyme", 1,
            "sample-topologies/catifyme-before", 0,
            "sample-topologies/catifyme-fixed", 0,
            "sample-topologies/three-zone-healthy", 0,
            "src/test/resources/fixtures/broken", 2);

    static final Map<String, String> EXTENSIONS = Map.of("text", "txt", "json", "json", "sarif", "sarif");

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String input : INPUTS.keySet().stream().sorted().toList()) {
            for (String format : List.of("text", "json", "sarif")) {
                cases.add(Arguments.of(input, format));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("cases")
    void matchesGolden(String input, String format) throws IOException {
        Cli.Run run = Cli.run("check", "--format", format, input);

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(INPUTS.get(input));
        String name = input.substring(input.lastIndexOf('/') + 1);
        Golden.assertMatches(name + "/check." + EXTENSIONS.get(format), run.out());
    }
}
