package dev.failscope.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}, compared byte for byte.
 *
 * <p>To regenerate them after an intended change of output, run
 * {@code mvn -B -o test -Dtest='*Golden*' -Dgolden.update=true}, then review the diff with {@code git diff} before
 * committing. In update mode the comparison is skipped and the file is rewritten.
 */
public final class Golden {
    public static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** Asserts that {@code actual} equals the golden file's bytes, or rewrites it in update mode. */
    public static void assertMatches(String relativePath, String actual) throws IOException {
        Path file = ROOT.resolve(relativePath);
        byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
        if (updating()) {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return;
        }
        assertThat(file).as("golden file %s exists (regenerate with -Dgolden.update=true)", file).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("output differs from golden %s (regenerate with -Dgolden.update=true)", file)
                .isEqualTo(expected);
        assertThat(bytes).isEqualTo(Files.readAllBytes(file));
    }
}
