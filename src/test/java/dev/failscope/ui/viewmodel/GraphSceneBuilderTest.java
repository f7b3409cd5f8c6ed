package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphSceneBuilderTest {
    private static GraphScene scene(String path) {
        Inspection i = new Inspector().inspect(List.of(path));
        return GraphSceneBuilder.build(i.topology(), i.findings());
    }

    private static Edge failover(GraphScene s) {
        return s.topology().graph().edgeSet().stream().filter(e -> e.kind() == EdgeKind.FAILOVER).findFirst()
                .orElseThrow();
    }

    @Test
    void catifyMeHasARedFailoverEdgeIntoAHatchedDecommissionedServer() {
        GraphScene s = scene(MainViewModelTest.CATIFYME);
        GraphScene.EdgeLook edge = s.look(failover(s));
        assertThat(edge.broken()).isTrue();
        assertThat(edge.dangling()).isFalse();
        assertThat(edge.label()).isEqualTo("1");
        GraphScene.NodeLook legacy = s.look(Node.server("db-legacy-2"));
        assertThat(legacy.decommissioned()).isTrue();
        assertThat(legacy.worst()).isEqualTo(Severity.ERROR);
        assertThat(s.look(Node.cluster("catify-main")).worst()).isEqualTo(Severity.ERROR);
        assertThat(s.look(Node.server("db-main-1")).worst()).isNull();
        assertThat(s.layout().box(Node.server("db-legacy-2"))).isPresent();
    }

    @Test
    void fixedSampleFailoverEdgeIsNotBroken() {
        GraphScene s = scene("sample-topologies/catifyme-fixed");
        assertThat(s.look(failover(s)).broken()).isFalse();
    }

    @Test
    void aMissingCandidateIsAGhostAtTheEndOfADanglingEdge(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("t");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.yaml"), """
                kind: inventory
                servers:
                  - {name: p1, zone: z1, region: r1}
                  - {name: r1x, zone: z2, region: r1}
                ---
                kind: cluster
                name: c
                primary: p1
                replicas: [{server: r1x}]
                ---
                kind: failover
                cluster: c
                candidates: [ghosty]
                """);
        GraphScene s = scene(dir.toString());
        Optional<Node> ghost = s.topology().node(NodeKind.SERVER, "ghosty");
        assertThat(ghost).isPresent();
        assertThat(ghost.get().missing()).isTrue();
        assertThat(s.look(ghost.get()).ghost()).isTrue();
        GraphScene.EdgeLook edge = s.look(failover(s));
        assertThat(edge.dangling()).isTrue();
        assertThat(edge.broken()).isTrue();
        assertThat(s.layout().box(ghost.get())).isPresent();
    }
}
