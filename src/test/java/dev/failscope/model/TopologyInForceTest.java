package dev.failscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declarations in force are the first of each name, the ones the lookups return, in load order. */
class TopologyInForceTest {
    @TempDir
    Path dir;

    @Test
    void laterDuplicatesAreNotInForce() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                kind: inventory
                servers:
                  - {name: db-1, zone: a}
                  - {name: db-2, zone: b}
                  - {name: db-1, zone: c}
                ---
                kind: cluster
                name: main
                primary: db-1
                replicas: [{server: db-2}]
                ---
                kind: cluster
                name: main
                primary: db-2
                """);
        Topology t = new TopologyLoader().load(List.of(dir.toString())).topology();
        assertThat(t.servers()).hasSize(3);
        assertThat(t.serversInForce()).extracting(Server::name, Server::zone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db-1", "a"),
                        org.assertj.core.groups.Tuple.tuple("db-2", "b"));
        assertThat(t.serversInForce()).allMatch(s -> t.server(s.name()).orElseThrow() == s);
        assertThat(t.clusters()).hasSize(2);
        assertThat(t.clustersInForce()).singleElement().extracting(c -> c.primary().name()).isEqualTo("db-1");
    }

    @Test
    void withoutDuplicatesTheListsAreTheDeclarations() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                kind: inventory
                servers:
                  - {name: db-1}
                  - {name: db-2}
                """);
        Topology t = new TopologyLoader().load(List.of(dir.toString())).topology();
        assertThat(t.serversInForce()).isSameAs(t.servers());
        assertThat(Topology.empty().clustersInForce()).isEmpty();
    }
}
