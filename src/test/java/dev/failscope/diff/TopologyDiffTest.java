package dev.failscope.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.EdgeKind;
import dev.failscope.model.Node;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyDiffTest {
    @TempDir
    Path tmp;

    private List<Change> diff(String before, String after) {
        Fixtures.write(tmp.resolve("b"), "t.yaml", before);
        Fixtures.write(tmp.resolve("a"), "t.yaml", after);
        Topology b = Fixtures.inspect(tmp.resolve("b")).topology();
        Topology a = Fixtures.inspect(tmp.resolve("a")).topology();
        return TopologyDiff.compare(b, a);
    }

    private SourcePosition pos(String side, int line, int column) {
        return new SourcePosition(tmp.resolve(side) + "/t.yaml", line, column);
    }

    @Test
    void identicalTopologiesHaveNoChanges() {
        assertThat(diff(Fixtures.base(), Fixtures.base())).isEmpty();
    }

    @Test
    void insertedCommentLinesAreNotChanges() {
        assertThat(diff(Fixtures.base(), "# a comment\n\n" + Fixtures.base())).isEmpty();
    }

    @Test
    void serverStatusZoneAndNoFailoverChangesCarryBothPositions() {
        String after = Fixtures.base().replace("  - name: r2\n    zone: c\n",
                "  - name: r2\n    zone: d\n    status: decommissioned\n    no-failover: true\n");
        List<Change> changes = diff(Fixtures.base(), after);
        assertThat(changes).extracting(Change::message).containsExactly(
                "server r2: no-failover false \u2192 true",
                "server r2: status active \u2192 decommissioned",
                "server r2: zone c \u2192 d");
        Change status = changes.get(1);
        assertThat(status.type()).isEqualTo(ChangeType.CHANGED);
        assertThat(status.beforePosition()).contains(pos("b", 7, 11));
        assertThat(status.afterPosition()).contains(pos("a", 9, 13));
        assertThat(status.node()).isEqualTo(Node.server("r2"));
        Change zone = changes.get(2);
        assertThat(zone.before()).contains("c");
        assertThat(zone.after()).contains("d");
        assertThat(zone.beforePosition()).contains(pos("b", 8, 11));
    }

    @Test
    void serversAddedAndRemoved() {
        String after = Fixtures.base().replace("  - name: r2\n    zone: c\n", "  - name: r3\n    zone: c\n");
        List<Change> changes = diff(Fixtures.base(), after).stream()
                .filter(c -> c.element() == ChangeElement.SERVER).toList();
        assertThat(changes).extracting(Change::type, Change::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.REMOVED, "r2"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, "r3"));
        assertThat(changes.get(0).afterPosition()).isEmpty();
        assertThat(changes.get(0).beforePosition()).contains(pos("b", 7, 11));
        assertThat(changes.get(1).beforePosition()).isEmpty();
        assertThat(changes.get(1).afterPosition()).contains(pos("a", 7, 11));
    }

    @Test
    void replicationModeLagAndSourceChanges() {
        String after = Fixtures.base().replace("    mode: sync\n    lag: 1s\n  - server: r2\n",
                "    mode: async\n    lag: 5s\n  - server: r2\n    source: r1\n");
        List<Change> changes = diff(Fixtures.base(), after);
        assertThat(changes).extracting(Change::message).containsExactly(
                "main: replica r1: lag 1s \u2192 5s",
                "main: replica r1: mode sync \u2192 async",
                "main: replica r2: source p1 \u2192 r1");
        Change source = changes.get(2);
        assertThat(source.element()).isEqualTo(ChangeElement.REPLICATION);
        assertThat(source.node()).isEqualTo(Node.server("r1"));
        assertThat(source.edge()).contains(new Change.EdgeRef(EdgeKind.REPLICATION, Node.server("r2"), 0));
        assertThat(source.afterPosition()).contains(pos("a", 18, 13));
    }

    @Test
    void replicaAddedAndRemoved() {
        String after = Fixtures.base().replace("  - server: r2\n", "");
        List<Change> changes = diff(Fixtures.base(), after);
        assertThat(changes).filteredOn(c -> c.element() == ChangeElement.REPLICATION)
                .extracting(Change::type, Change::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.REMOVED, Optional.of("r2")));
        List<Change> back = diff(after, Fixtures.base());
        assertThat(back).filteredOn(c -> c.element() == ChangeElement.REPLICATION)
                .extracting(Change::message).containsExactly("main: replica r2 added (async from p1)");
    }

    @Test
    void candidatesReorderedAddedRemoved() {
        String swapped = Fixtures.base().replace("  - r1\n  - r2\n", "  - r2\n  - r1\n");
        assertThat(diff(Fixtures.base(), swapped)).extracting(Change::type, Change::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeType.REORDERED,
                        "main: failover candidates: order r1, r2 \u2192 r2, r1"));
        String replaced = Fixtures.base().replace("  - r1\n  - r2\n", "  - r2\n  - ghost\n");
        List<Change> changes = diff(Fixtures.base(), replaced);
        assertThat(changes).extracting(Change::message).containsExactly(
                "main: failover candidate ghost added (#2 of 2)",
                "main: failover candidate r1 removed (was #1)");
        Change added = changes.get(0);
        assertThat(added.node()).isEqualTo(Node.cluster("main"));
        assertThat(added.edge()).contains(new Change.EdgeRef(EdgeKind.FAILOVER, new Node(
                dev.failscope.model.NodeKind.SERVER, "ghost", true), 2));
        assertThat(added.afterPosition()).contains(pos("a", 24, 5));
    }

    @Test
    void policyValuesChanged() {
        String after = Fixtures.base().replace("max-lag: 10s\n", "max-lag: 30s\nrequire-sync: true\ndetection: 10s\n");
        assertThat(diff(Fixtures.base(), after)).extracting(Change::message).containsExactly(
                "main: failover: detection 30s \u2192 10s",
                "main: failover: max-lag 10s \u2192 30s",
                "main: failover: require-sync false \u2192 true");
    }

    @Test
    void servicesAndDependencies() {
        String after = Fixtures.base().replace("    access: write\n", "    access: read\n  - server: r1\n")
                + "---\nkind: service\nname: batch\ndepends-on:\n  - cluster: main\n";
        assertThat(diff(Fixtures.base(), after)).extracting(Change::message).containsExactly(
                "service batch added",
                "service app: dependency on main: access write \u2192 read",
                "service app: now depends on server r1 (write)",
                "service batch: now depends on cluster main (write)");
    }

    @Test
    void clusterPrimaryChangeAndClusterRemoval() {
        String after = Fixtures.base().replace("primary: p1\n", "primary: r2\n").replace("  - server: r2\n",
                "  - server: p1\n");
        List<Change> changes = diff(Fixtures.base(), after);
        assertThat(changes).extracting(Change::message).contains("cluster main: primary p1 \u2192 r2");
        String noCluster = "kind: inventory\nservers:\n  - name: p1\n    zone: a\n  - name: r1\n    zone: b\n"
                + "  - name: r2\n    zone: c\n";
        assertThat(diff(Fixtures.base(), noCluster)).extracting(Change::type).containsOnly(ChangeType.REMOVED);
    }
}
