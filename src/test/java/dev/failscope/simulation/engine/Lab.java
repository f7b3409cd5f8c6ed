package dev.failscope.simulation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A folder of manager configs (written by a test, or copied from src/test/resources/managers) and the CLI on it. */
final class Lab {
    static final String MANAGERS = "src/test/resources/managers/";
    private final Path dir;

    Lab(Path dir) {
        this.dir = dir;
    }

    /** A copy of a fixture folder under src/test/resources/managers, to vary. */
    static Lab copy(String fixture, Path into) {
        try (Stream<Path> files = Files.list(Path.of(MANAGERS + fixture))) {
            for (Path f : files.toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lab(into);
    }

    Lab file(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces text in a file. */
    Lab edit(String name, String from, String to) {
        try {
            String s = Files.readString(dir.resolve(name));
            if (!s.contains(from)) {
                throw new AssertionError(name + " has no '" + from + "'");
            }
            Files.writeString(dir.resolve(name), s.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String path() {
        return dir.toString();
    }

    /** {@code simulate PATH --fail ... --format json} plus extra options, parsed. */
    JsonNode simulate(String... fails) {
        List<String> args = new ArrayList<>(List.of("simulate", path(), "--format", "json"));
        for (String f : fails) {
            if (f.startsWith("--")) {
                args.add(f);
            } else {
                args.add("--fail");
                args.add(f);
            }
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.err() + "): " + r.out(), e);
        }
    }

    /** The cluster's outcome of a simulation. */
    static JsonNode cluster(JsonNode sim, String name) {
        return sim.get("clusters").get(name);
    }

    static List<String> possible(JsonNode sim, String cluster) {
        List<String> out = new ArrayList<>();
        cluster(sim, cluster).get("possible_primaries").forEach(n -> out.add(n.asText()));
        return out;
    }

    Cli run(String... args) {
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        all.add(path());
        all.addAll(List.of(args).subList(1, args.length));
        return Cli.run(all.toArray(String[]::new));
    }
}
