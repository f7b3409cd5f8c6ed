package dev.failscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The CatifyMe sample shipped inside the jar. It is copied to a temporary folder so that it loads through the
 * same loader, with the same display paths and source snippets, as any folder on disk.
 */
public final class BundledSample {
    static final String RESOURCE_DIR = "/dev/failscope/samples/catifyme/";
    static final List<String> FILES = List.of("clusters.yaml", "failover.yaml", "inventory.yaml", "services.yaml");

    private BundledSample() {}

    /** Copies the sample into {@code parent/catifyme} and returns that folder. */
    public static Path extractTo(Path parent) {
        Path dir = parent.resolve("catifyme");
        try {
            Files.createDirectories(dir);
            for (String name : FILES) {
                try (InputStream in = BundledSample.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample resource missing from the build: " + name);
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Copies the sample into a fresh temporary folder that is deleted when the JVM exits. */
    public static Path extract() {
        try {
            Path parent = Files.createTempDirectory("failscope-sample");
            Path dir = extractTo(parent);
            parent.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            for (String name : FILES) {
                dir.resolve(name).toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
