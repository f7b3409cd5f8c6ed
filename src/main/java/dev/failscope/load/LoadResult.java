package dev.failscope.load;

import dev.failscope.model.Topology;
import java.util.List;
import java.util.Objects;

/**
 * What loading produced: the topology (possibly partial when there are errors), the load errors sorted by
 * position, and the files read.
 */
public record LoadResult(Topology topology, List<LoadError> errors, List<SourceFile> files) {
    public LoadResult {
        Objects.requireNonNull(topology, "topology");
        errors = errors.stream().sorted(LoadError.ORDER).toList();
        files = List.copyOf(files);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
