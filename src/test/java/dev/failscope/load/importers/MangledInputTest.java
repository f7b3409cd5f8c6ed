package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is normal input: mangled copies of every fixture load without an exception, detected or forced. */
class MangledInputTest {
    private static final String[] GARBAGE = {"", " ", "\n", ":", "-", "[", "{", "\"", "'", "#", "=", "0",
        "99999999999999999999", "-1", "null", "true", "[server1]", "sentinel", "monitor", "\t", "}", "]"};

    @TempDir
    Path tmp;

    @Test
    void mangledFixturesNeverThrow() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of(Fixture.REAL)),
                Files.walk(Path.of("src/test/resources/terraform")))) {
            sources = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
        }
        Random random = new Random(20261127L);
        int n = 0;
        for (Path source : sources) {
            String text = Files.readString(source);
            for (int round = 0; round < 4; round++) {
                String mangled = mangle(text, random);
                String name = "m" + (n++) + "-" + source.getFileName();
                Path file = tmp.resolve(name);
                Files.writeString(file, mangled);
                List<String> formats = new ArrayList<>(TopologyLoader.formats());
                formats.add(null);
                for (String format : formats) {
                    assertThatCode(() -> new Inspector(new TopologyLoader(new LoadOptions(format)),
                            RuleCatalog.standard()).inspect(List.of(file.toString())))
                            .as("%s as %s", name, format).doesNotThrowAnyException();
                }
            }
        }
    }

    private static String mangle(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.setLength(at);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(40)));
                case 2 -> sb.insert(at, GARBAGE[random.nextInt(GARBAGE.length)]);
                default -> sb.replace(at, Math.min(sb.length(), at + 1 + random.nextInt(8)),
                        GARBAGE[random.nextInt(GARBAGE.length)]);
            }
        }
        return sb.toString();
    }
}
