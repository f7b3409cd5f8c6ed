package dev.failscope.generate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generated fleet: files (path relative to the output directory, with forward slashes, to text), in path
 * order, and what they hold.
 */
public record Fleet(FleetSpec spec, List<GeneratedFile> files, int servers, int clusters, int services,
                    Map<FaultKind, Integer> faults) {
    public Fleet {
        Objects.requireNonNull(spec, "spec");
        files = List.copyOf(files);
        faults = Map.copyOf(faults);
    }

    /** One file to write. */
    public record GeneratedFile(String path, String text) {
        public GeneratedFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
        }
    }
}
