package dev.failscope.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftTest {
    @TempDir
    Path tmp;

    private LoadResult load(String name, String yaml) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        LoadResult r = new TopologyLoader().load(List.of(p.toString()));
        assertThat(r.errors()).isEmpty();
        return r;
    }

    private static final String COMMITTED = """
            kind: inventory
            servers:
              - name: a
                tags: {team: "posts"}
              - name: b
              - name: c
            ---
            kind: cluster
            name: k
            primary: a
            replicas:
              - server: b
              - server: c
            ---
            kind: failover
            cluster: k
            max-lag: 10s
            candidates: [b, c]
            ---
            kind: cluster
            name: other
            primary: c
            """;

    private List<String> rules(List<Finding> fs) {
        return fs.stream().map(f -> f.rule() + " " + f.subject() + (f.target() == null ? "" : " " + f.target()))
                .toList();
    }

    @Test
    void theSameClusterLiveIsNoDriftButAClusterNotReadIsAnInfo() throws IOException {
        LoadResult committed = load("c.yaml", COMMITTED.replace("---\nkind: cluster\nname: other\nprimary: c\n", ""));
        LoadResult live = load("l.yaml", """
                kind: inventory
                servers:
                  - name: a
                    tags: {team: "posts"}
                  - name: b
                  - name: c
                ---
                kind: cluster
                name: k
                primary: a
                replicas: [{server: b}, {server: c}]
                """);
        assertThat(Drift.compare(committed.topology(), live.topology(), List.of(), Set.of())).isEmpty();
        LoadResult withOther = load("c2.yaml", COMMITTED.replace("primary: c\n", "primary: b\n")
                .replace("name: other", "name: other"));
        assertThat(rules(Drift.compare(withOther.topology(), live.topology(), List.of(), Set.of())))
                .containsExactly("drift-cluster-not-live other");
    }

    @Test
    void membersPrimaryAndTagsThatDiffer() throws IOException {
        LoadResult committed = load("c.yaml", COMMITTED.replace("---\nkind: cluster\nname: other\nprimary: c\n", ""));
        LoadResult live = load("l.yaml", """
                kind: inventory
                servers:
                  - name: a
                    tags: {team: "likes"}
                  - name: b
                  - name: d
                ---
                kind: cluster
                name: k
                primary: b
                replicas: [{server: a}, {server: d}]
                """);
        List<Finding> fs = Drift.compare(committed.topology(), live.topology(), List.of(), Set.of());
        assertThat(rules(fs)).containsExactlyInAnyOrder("drift-tag k a", "drift-primary k b",
                "drift-unknown-member k d", "drift-missing-member k c");
        assertThat(fs).allSatisfy(f -> assertThat(f.position().file()).endsWith("c.yaml"));
    }

    @Test
    void aLeaderlessClusterIsNoPrimaryAtTheCommittedPrimary() throws IOException {
        LoadResult committed = load("c.yaml", COMMITTED.replace("---\nkind: cluster\nname: other\nprimary: c\n", ""));
        LoadResult live = load("l.yaml", "kind: inventory\nservers:\n  - name: a\n");
        List<Finding> fs = Drift.compare(committed.topology(), live.topology(), List.of(), Set.of("k"));
        assertThat(rules(fs)).containsExactly("drift-no-primary k");
        assertThat(fs.get(0).position().line()).isEqualTo(10);
    }

    @Test
    void theSnapshotHeaderIsReadBack() {
        SnapshotHeader h = SnapshotHeader.read(SnapshotWriter.yaml(SnapshotExampleTest.drifted()), "s.yaml");
        assertThat(h.unreachable()).singleElement().satisfies(u -> {
            assertThat(u.member()).isEqualTo("pg-5");
            assertThat(u.endpoint().address()).isEqualTo("http://10.0.1.15:8008");
            assertThat(u.reason()).isEqualTo("GET /patroni: no connection within 2000 ms");
            assertThat(u.endpoint().origin().line()).isEqualTo(6);
        });
        assertThat(h.leaderless()).isEmpty();
        assertThat(SnapshotHeader.read("kind: inventory\n", "x")).isEqualTo(SnapshotHeader.NONE);
    }
}
