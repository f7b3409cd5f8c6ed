package dev.failscope.report;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks every environment under a root: each direct, non-hidden subdirectory is one environment (dev,
 * staging, prod, ...), inspected with the shared {@link Inspector} and swept for single points of failure.
 */
public final class Audit {
    private Audit() {}

    /**
     * One environment's line of the audit.
     *
     * @param environment                   the subdirectory name
     * @param clusters                      clusters declared (distinct names)
     * @param errors                        error findings, or load errors when the environment could not be read
     * @param warnings                      warning findings
     * @param loadErrors                    load errors (then the other counts are of what could be read)
     * @param clustersWithoutViableFailover cluster names
     * @param singlePointsOfFailure         single failures whose simulation is an outage
     */
    public record Row(String environment, int clusters, long errors, long warnings, int loadErrors,
                      List<String> clustersWithoutViableFailover, List<String> singlePointsOfFailure) {
        public Row {
            Objects.requireNonNull(environment, "environment");
            clustersWithoutViableFailover = List.copyOf(clustersWithoutViableFailover);
            singlePointsOfFailure = List.copyOf(singlePointsOfFailure);
        }

        public boolean hasError() {
            return errors > 0 || loadErrors > 0;
        }
    }

    /** The environments of {@code root}, sorted by name; empty when it has none. */
    public static List<Path> environments(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    public static List<Row> run(Inspector inspector, String root, List<Path> environments) {
        List<Row> rows = new ArrayList<>();
        for (Path env : environments) {
            String name = env.getFileName().toString();
            String display = root.endsWith("/") ? root + name : root + "/" + name;
            rows.add(row(name, inspector.inspect(List.of(display)).requireTopology(List.of(display))));
        }
        return rows;
    }

    static Row row(String name, Inspection i) {
        int clusters = (int) i.topology().clusters().stream().map(c -> c.name()).distinct().count();
        if (i.hasLoadErrors()) {
            return new Row(name, clusters, 0, 0, i.errors().size(), List.of(), List.of());
        }
        ResilienceMetrics m = ResilienceMetrics.of(i.topology());
        return new Row(name, clusters, i.count(Severity.ERROR), i.count(Severity.WARNING), 0,
                m.clustersWithoutViableFailover(), m.singlePointsOfFailure());
    }
}
