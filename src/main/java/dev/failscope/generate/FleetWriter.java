package dev.failscope.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a fleet into a directory. It refuses a non-empty directory unless a previous {@code generate} made it
 * (it holds the {@value #MARKER} file listing what was written); then the files listed there are replaced.
 * Nothing else is ever deleted.
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
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RefusedException(dir + " exists and is not a directory");
        }
        Path marker = dir.resolve(MARKER);
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.isRegularFile(marker)) {
                throw new RefusedException(dir + " is not empty and was not written by 'failscope generate': "
                        + "refusing to write into it (choose a new or empty directory)");
            }
            if (!empty) {
                removePrevious(dir, marker);
            }
        }
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        for (Fleet.GeneratedFile f : fleet.files()) {
            Path target = dir.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.text(), StandardCharsets.UTF_8);
            written.add(f.path());
        }
        FleetSpec s = fleet.spec();
        String header = "# written by failscope generate --clusters " + s.clusters() + " --replicas " + s.replicas()
                + " --zones " + s.zones() + " --faults " + s.faults() + " --seed " + s.seed()
                + "\n# files below are replaced by the next generate into this directory\n";
        Files.writeString(marker, header + String.join("\n", written) + "\n", StandardCharsets.UTF_8);
    }

    private static void removePrevious(Path dir, Path marker) throws IOException, RefusedException {
        Path root = dir.toAbsolutePath().normalize();
        for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Path file = root.resolve(line).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new RefusedException(marker + " lists '" + line + "', outside " + dir + ": refusing");
            }
            Files.deleteIfExists(file);
        }
    }
}
