package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small topologies written to a temporary directory and loaded the real way, so positions are real. */
final class Fixtures {
    private Fixtures() {}

    /** The samples shipped with the project. */
    static Topology sample(String name) {
        return load(List.of("sample-topologies/" + name));
    }

    /** Writes {@code topo.yaml} with the given documents and loads it. */
    static Topology yaml(Path dir, String text) {
        try {
            Path file = dir.resolve("topo.yaml");
            Files.writeString(file, text);
            return load(List.of(file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Topology load(List<String> paths) {
        LoadResult r = new TopologyLoader().load(paths);
        assertThat(r.errors()).as("fixture load errors").isEmpty();
        return r.topology();
    }

    /** Cluster c: primary p, replicas r1 (sync, lag 0s) and r2 (async, lag 2s), then a document separator. */
    static final String CLUSTER = """
            kind: cluster
            name: c
            primary: p
            replicas:
              - {server: r1, mode: sync, lag: 0s}
              - {server: r2, mode: async, lag: 2s}
            ---
            """;

    /** Simulates the failure of {@code fail} (server names or domain targets), which must parse. */
    static Simulation simulate(Topology t, String... fail) {
        ScenarioParse p = SimulationIndex.of(t).parse(List.of(fail));
        assertThat(p.errors()).isEmpty();
        return new Simulator(t).run(p.scenario());
    }

    /** Three servers in three zones of one region; cluster c with primary p and replicas r1 (sync), r2 (async 2s). */
    static String inventory(String extraServers) {
        return """
                kind: inventory
                servers:
                  - {name: p, region: eu, zone: eu-a, host: h1}
                  - {name: r1, region: eu, zone: eu-b, host: h2}
                  - {name: r2, region: eu, zone: eu-c, host: h3}
                """ + extraServers + "---\n";
    }
}
