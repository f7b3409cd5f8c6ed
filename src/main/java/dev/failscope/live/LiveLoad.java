package dev.failscope.live;

import dev.failscope.load.LoadError;
import dev.failscope.load.LoadResult;
import dev.failscope.load.SourceFile;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A snapshot loaded as a topology, the same way a snapshot file is: its YAML goes through the ordinary loader
 * (from a private temporary file, shown as {@code display}, deleted right after), so {@code --live} and a
 * committed snapshot can never be read differently.
 */
public final class LiveLoad {
    /** How findings name a snapshot that was never written to a file. */
    public static final String DISPLAY = "(live snapshot)";

    private LiveLoad() {}

    public static LoadResult load(TopologyLoader loader, Snapshot snapshot) {
        String yaml = SnapshotWriter.yaml(snapshot);
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("failscope-live-");
            file = dir.resolve("snapshot.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return loader.loadFiles(List.of(new SourceFile(DISPLAY, file, true)), List.of());
        } catch (IOException e) {
            return new LoadResult(dev.failscope.model.Topology.empty(), List.of(new LoadError(
                    "cannot hold the snapshot in a temporary file: " + e.getMessage(),
                    SourcePosition.ofFile(DISPLAY))), List.of());
        } finally {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // a temporary file left behind in the system's temp folder: nothing of the user's is touched
            }
        }
    }
}
