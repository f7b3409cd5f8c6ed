package dev.failscope.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;

/**
 * The whole-process parse floor of {@link ProcessBenchmark}: a cold JVM that reads every {@code .yaml} file under
 * its arguments (sorted), decodes it as UTF-8 and runs SnakeYAML's event parser over it, consuming every event and
 * building nothing. It prints the number of files and events. Not a test: Surefire never runs it.
 */
public final class EventParseFloor {
    private EventParseFloor() {}

    public static void main(String[] args) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024); // failscope's own limit (LoadLimits.DEFAULT)
        long events = 0;
        int files = 0;
        for (String arg : args) {
            for (Path f : yamlFiles(Path.of(arg))) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Event e : new Yaml(options).parse(new StringReader(text))) {
                    if (e != null) {
                        events++;
                    }
                }
                files++;
            }
        }
        System.out.println(files + " files, " + events + " events");
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }
}
