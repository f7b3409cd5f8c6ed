package dev.failscope.generate;

import dev.failscope.io.OutputManifest;
import dev.failscope.io.OutputRefusedException;
import dev.failscope.io.SafeOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a fleet into a directory. It refuses a non-empty directory unless a previous {@code generate} made it
 * (it holds the {@value #MARKER} manifest: SHA-256 and path of each file written). Then the listed files that
 * are still regular files inside the directory (checked by real path) with their recorded content are deleted
 * and the new fleet is written; a listed file that was edited, replaced by a link, or reached through a linked
 * folder is left alone, and writing over it is refused. Nothing else is ever deleted.
 */
public final class FleetWriter {
    /** Hidden, so directory expansion never loads it. */
    public static final String MARKER = ".failscope-generate";

    private FleetWriter() {}

    /** The directory is not empty and not a previous generate output. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    public static void write(Fleet fleet, Path dir) throws IOException, RefusedException {
        write(fleet, dir, false);
    }

    /**
     * Writes the fleet. With {@code force}, a non-empty folder that generate did not write is written into too
     * (replacing same-named files); even then nothing but generate's own unchanged files is ever deleted.
     */
    public static void write(Fleet fleet, Path dir, boolean force) throws IOException, RefusedException {
        SafeOutput out = SafeOutput.unguarded(force);
        try {
            Path root = out.checkFolder(dir);
            if (SafeOutput.nonEmpty(root)) {
                OutputManifest marker = OutputManifest.read(root, MARKER);
                if (!marker.exists() && !force) {
                    throw new RefusedException(dir + " is not empty and was not written by 'failscope generate': "
                            + "refusing to write into it (choose a new or empty directory)");
                }
                String stranger = force ? null : unlisted(root, marker);
                if (stranger != null) {
                    throw new RefusedException(dir + " holds " + stranger + ", which 'failscope generate' did not "
                            + "write: refusing to write into it (choose a new or empty directory)");
                }
                SafeOutput.deleteOwned(root, MARKER);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Fleet.GeneratedFile f : fleet.files()) {
                files.put(f.path(), f.text().getBytes(StandardCharsets.UTF_8));
            }
            out.writeFolder(root, files, MARKER);
        } catch (OutputRefusedException e) {
            throw new RefusedException(e.getMessage());
        }
    }

    /** The first file or link below {@code root} that the marker does not list, or null. */
    private static String unlisted(Path root, OutputManifest marker) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.equals(MARKER) && !marker.paths().contains(rel))
                    .sorted().findFirst().orElse(null);
        }
    }
}
