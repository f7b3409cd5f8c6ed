package dev.failscope.testing;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes YAML fixtures into a directory and inspects them. */
public final class Fixtures {
    private Fixtures() {}

    public static Path write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Inspection inspect(Path dir) {
        Inspection i = new Inspector().inspect(List.of(dir.toString()));
        if (i.hasLoadErrors()) {
            throw new AssertionError("fixture has load errors: " + i.errors());
        }
        return i;
    }

    /** A small topology: one cluster, primary p1 (zone a), replicas r1 (zone b) and r2 (zone c). */
    public static String base() {
        return """
                kind: inventory
                servers:
                  - name: p1
                    zone: a
                  - name: r1
                    zone: b
                  - name: r2
                    zone: c
                ---
                kind: cluster
                name: main
                primary: p1
                replicas:
                  - server: r1
                    mode: sync
                    lag: 1s
                  - server: r2
                ---
                kind: failover
                cluster: main
                max-lag: 10s
                candidates:
                  - r1
                  - r2
                ---
                kind: service
                name: app
                depends-on:
                  - cluster: main
                    access: write
                """;
    }
}
