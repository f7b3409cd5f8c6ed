package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspector;
import dev.failscope.diff.Change;
import dev.failscope.diff.ChangeType;
import dev.failscope.layout.TopologyLayout;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diff mode's view model without the JavaFX toolkit: executors run synchronously or on demand. */
class DiffViewModelTest {
    static final String AFTER = "sample-topologies/catifyme";
    static final String BEFORE = "sample-topologies/catifyme-before";
    private final Executor sync = Runnable::run;

    private MainViewModel opened(String path) {
        MainViewModel main = new MainViewModel(new Inspector(), sync, sync);
        main.open(List.of(path));
        return main;
    }

    private static Edge failover(MainViewModel main, String cluster, String candidate) {
        return main.topology().graph().edgeSet().stream()
                .filter(e -> e.kind() == EdgeKind.FAILOVER && e.from().name().equals(cluster)
                        && e.to().name().equals(candidate)).findFirst().orElseThrow();
    }

    @Test
    void comparingWithTheFolderBeforeTheDeployListsTheCandidateChangeAndTheOutage() {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));

        assertThat(diff.busyProperty().get()).isFalse();
        assertThat(diff.changes()).extracting(Change::message).containsExactly(
                "catify-main: failover candidate db-legacy-2 added (#1 of 1)",
                "catify-main: failover candidate db-replica-1 removed (was #1)");
        assertThat(diff.summary()).anySatisfy(l -> {
            assertThat(l.tone()).isEqualTo(DiffViewModel.Tone.BAD);
            assertThat(l.text()).startsWith("catify-main: primary loss was survived (db-replica-1 promoted")
                    .contains("after this change it is an OUTAGE");
        });
        assertThat(diff.summary().get(0).shown()).startsWith("✖ this change points catify-main's only failover "
                + "candidate at a decommissioned server (db-legacy-2)");
        assertThat(diff.baseProperty().get().label()).isEqualTo(BEFORE);
        assertThat(main.statusProperty().get()).startsWith("Compared with " + BEFORE + ": 2 changes; findings 2 introduced");
    }

    @Test
    void theOverlayMarksTheNewFailoverEdgeAddedAndTheOldOneAsAGhost() {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));
        DiffOverlay overlay = diff.overlayProperty().get();

        assertThat(overlay.active()).isTrue();
        assertThat(overlay.mark(failover(main, "catify-main", "db-legacy-2")))
                .hasValueSatisfying(m -> {
                    assertThat(m.type()).isEqualTo(ChangeType.ADDED);
                    assertThat(m.symbol()).isEqualTo("+");
                });
        assertThat(overlay.ghostEdges()).singleElement().satisfies(g -> {
            assertThat(g.edge().to().name()).isEqualTo("db-replica-1");
            assertThat(g.label()).isEqualTo("\u22121");
        });
        assertThat(overlay.ghosts()).isEmpty();
        assertThat(overlay.notes(Node.server("db-legacy-2"))).containsExactly(
                "+ catify-main: failover candidate db-legacy-2 added (#1 of 1)");

        // the removed edge is drawn where it was: both ends sit where they sat before
        var layout = TopologyLayout.layout(main.topology());
        DiffGeometry geometry = DiffGeometry.of(overlay, layout);
        assertThat(geometry.lines()).singleElement().satisfies(line -> {
            var replica = layout.box(Node.server("db-replica-1")).orElseThrow().box();
            var end = line.points().get(line.points().size() - 1);
            assertThat(replica.grow(1).contains(end.x(), end.y())).isTrue();
        });
        assertThat(geometry.strip()).isEmpty();
    }

    @Test
    void theFindingsFilterKeepsOnlyWhatTheChangeIntroduced() {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        FindingsViewModel findings = new FindingsViewModel(main.findings());
        findings.scopeProperty().bind(diff.findingsFilter());
        assertThat(diff.findingsFilter().get()).isNull();

        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));
        assertThat(diff.findingsFilter().get()).as("not filtered until asked").isNull();
        diff.introducedOnlyProperty().set(true);
        assertThat(findings.shown()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("no-viable-failover", "failover-target-decommissioned");

        diff.clear();
        assertThat(diff.introducedOnlyProperty().get()).isFalse();
        assertThat(diff.findingsFilter().get()).isNull();
        assertThat(findings.shown()).hasSameSizeAs(main.findings());
    }

    @Test
    void withNothingIntroducedTheFilterShowsNothing(@TempDir Path tmp) {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        FindingsViewModel findings = new FindingsViewModel(main.findings());
        findings.scopeProperty().bind(diff.findingsFilter());
        diff.compare(new DiffViewModel.Folder(List.of(AFTER)));
        diff.introducedOnlyProperty().set(true);
        assertThat(diff.changes()).isEmpty();
        assertThat(findings.shown()).isEmpty();
        assertThat(findings.titleProperty().get()).isEqualTo("Findings (0 of 2)");
    }

    @Test
    void theComparisonRunsOnTheBackgroundExecutor() {
        MainViewModel main = opened(AFTER);
        Queue<Runnable> background = new ArrayDeque<>();
        DiffViewModel diff = new DiffViewModel(main, background::add, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));
        assertThat(diff.busyProperty().get()).isTrue();
        assertThat(diff.comparisonProperty().get()).isNull();
        background.remove().run();
        assertThat(diff.busyProperty().get()).isFalse();
        assertThat(diff.comparisonProperty().get()).isNotNull();
    }

    @Test
    void clearingWhileBusyDropsTheLateResult() {
        MainViewModel main = opened(AFTER);
        Queue<Runnable> background = new ArrayDeque<>();
        DiffViewModel diff = new DiffViewModel(main, background::add, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));
        diff.clear();
        background.remove().run();
        assertThat(diff.comparisonProperty().get()).isNull();
        assertThat(diff.overlayProperty().get()).isEqualTo(DiffOverlay.NONE);
    }

    @Test
    void aBrokenBeforeSideGoesToTheErrorBarAndKeepsTheNormalView(@TempDir Path tmp) throws IOException {
        MainViewModel main = opened(AFTER);
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "kind: inventory\nservers:\n  - name: [oops\n");
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(broken.toString())));
        assertThat(diff.busyProperty().get()).isFalse();
        assertThat(diff.comparisonProperty().get()).isNull();
        assertThat(main.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.position().file()).isEqualTo(broken.toString());
            assertThat(e.message()).startsWith("(before side, " + broken + ") ");
        });
        assertThat(main.statusProperty().get()).startsWith("Could not compare with " + broken);
        assertThat(main.topology().cluster("catify-main")).isPresent();
    }

    @Test
    void aMissingFolderIsAnErrorNotAnException(@TempDir Path tmp) {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(tmp.resolve("nope").toString())));
        assertThat(diff.comparisonProperty().get()).isNull();
        assertThat(main.errors()).isNotEmpty();
    }

    @Test
    void selectingAChangeSelectsTheCandidateAndFocusesItsNewLine() {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));
        Change added = diff.changes().get(0);
        diff.select(added);
        assertThat(main.selectionProperty().get()).isEqualTo(Node.server("db-legacy-2"));
        assertThat(main.focusProperty().get()).isEqualTo(added.afterPosition().orElseThrow());
        assertThat(diff.selectedProperty().get()).isEqualTo(added);

        diff.select(diff.changes().get(1));
        assertThat(main.selectionProperty().get()).isEqualTo(Node.server("db-replica-1"));
    }

    @Test
    void aReloadComparesAgainAndOpeningOtherPathsLeavesDiffMode() {
        MainViewModel main = opened(AFTER);
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));
        var first = diff.comparisonProperty().get();
        main.reload();
        assertThat(diff.comparisonProperty().get()).isNotNull().isNotSameAs(first);
        assertThat(diff.changes()).hasSize(2);

        main.open(List.of("sample-topologies/catifyme-fixed"));
        assertThat(diff.comparisonProperty().get()).isNull();
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.overlayProperty().get().active()).isFalse();
    }

    @Test
    void aReplacedRouteIsMarkedAddedAndTheOldOneIsAGhost() {
        MainViewModel main = opened("sample-topologies/catifyme-routed");
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of("sample-topologies/catifyme-routed-fixed")));
        DiffOverlay overlay = diff.overlayProperty().get();

        assertThat(overlay.nodes().get(Node.route("pgbouncer-catify"))).satisfies(m -> {
            assertThat(m.type()).isEqualTo(ChangeType.ADDED);
            assertThat(m.symbol()).isEqualTo("+");
        });
        assertThat(overlay.ghosts()).singleElement().satisfies(g -> assertThat(g.node())
                .isEqualTo(Node.route("haproxy-catify-rw")));
        assertThat(overlay.notes(Node.route("pgbouncer-catify"))).contains(
                "+ route pgbouncer-catify now pins db-main-1 (10.20.1.11:5432)");
        var layout = TopologyLayout.layout(main.topology());
        var ghost = DiffGeometry.of(overlay, layout).ghost(Node.route("haproxy-catify-rw")).orElseThrow();
        assertThat(layout.nodesIn(ghost.x(), ghost.y(), ghost.width(), ghost.height()))
                .as("a ghost never covers a box on screen").isEmpty();
    }

    @Test
    void aRemovedServerBecomesAGhost(@TempDir Path tmp) throws IOException {
        Path after = tmp.resolve("after");
        Files.createDirectories(after);
        for (String f : List.of("clusters.yaml", "failover.yaml", "services.yaml", "inventory.yaml")) {
            Files.copy(Path.of(BEFORE, f), after.resolve(f));
        }
        String inventory = Files.readString(after.resolve("inventory.yaml"));
        Files.writeString(after.resolve("inventory.yaml"),
                inventory.substring(0, inventory.indexOf("  - name: db-legacy-2")));
        MainViewModel main = opened(after.toString());
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));

        assertThat(diff.changes()).extracting(Change::message).containsExactly("server db-legacy-2 removed");
        DiffOverlay overlay = diff.overlayProperty().get();
        assertThat(overlay.ghosts()).singleElement().satisfies(g -> assertThat(g.node().name())
                .isEqualTo("db-legacy-2"));
        var layout = TopologyLayout.layout(main.topology());
        DiffGeometry geometry = DiffGeometry.of(overlay, layout);
        var ghost = geometry.ghost(Node.server("db-legacy-2")).orElseThrow();
        assertThat(layout.nodesIn(ghost.x(), ghost.y(), ghost.width(), ghost.height()))
                .as("a ghost never covers a box on screen").isEmpty();
        assertThat(geometry.bounds(layout).contains(ghost)).isTrue();
    }

    @Test
    void aChangedServerAndReplicaAreMarkedWithWasAndNow(@TempDir Path tmp) throws IOException {
        Path after = tmp.resolve("after");
        Files.createDirectories(after);
        for (String f : List.of("clusters.yaml", "failover.yaml", "services.yaml", "inventory.yaml")) {
            Files.copy(Path.of(BEFORE, f), after.resolve(f));
        }
        Files.writeString(after.resolve("clusters.yaml"), Files.readString(after.resolve("clusters.yaml"))
                .replace("lag: 2s", "lag: 8s"));
        String inventory = Files.readString(after.resolve("inventory.yaml"));
        int replica = inventory.indexOf("  - name: db-replica-1");
        Files.writeString(after.resolve("inventory.yaml"), inventory.substring(0, replica)
                + inventory.substring(replica).replaceFirst("status: active", "status: maintenance"));
        MainViewModel main = opened(after.toString());
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.compare(new DiffViewModel.Folder(List.of(BEFORE)));

        assertThat(diff.changes()).extracting(Change::message).containsExactly(
                "server db-replica-1: status active \u2192 maintenance",
                "catify-main: replica db-replica-1: lag 2s \u2192 8s");
        DiffOverlay overlay = diff.overlayProperty().get();
        assertThat(overlay.mark(Node.server("db-replica-1"))).hasValueSatisfying(m -> {
            assertThat(m.type()).isEqualTo(ChangeType.CHANGED);
            assertThat(m.symbol()).isEqualTo("~");
            assertThat(m.label()).isEqualTo("status");
        });
        Edge replication = main.topology().graph().edgeSet().stream()
                .filter(e -> e.kind() == EdgeKind.REPLICATION && e.to().name().equals("db-replica-1"))
                .findFirst().orElseThrow();
        assertThat(overlay.mark(replication)).hasValueSatisfying(m -> assertThat(m.type())
                .isEqualTo(ChangeType.CHANGED));
        assertThat(overlay.notes(Node.server("db-replica-1"))).containsExactly(
                "~ server db-replica-1: status active \u2192 maintenance",
                "~ catify-main: replica db-replica-1: lag 2s \u2192 8s");
        assertThat(overlay.ghosts()).isEmpty();
        assertThat(overlay.ghostEdges()).isEmpty();
    }

    @Test
    void comparesWithAGitRevisionOfTheSamePaths(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path topo = repo.resolve("topo");
        Files.createDirectories(topo);
        for (String f : List.of("clusters.yaml", "failover.yaml", "services.yaml", "inventory.yaml")) {
            Files.copy(Path.of(BEFORE, f), topo.resolve(f));
        }
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "before");
        Files.copy(Path.of(AFTER, "failover.yaml"), topo.resolve("failover.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        MainViewModel main = opened(topo.toString());
        DiffViewModel diff = new DiffViewModel(main, sync, sync);
        diff.loadRevisions();
        assertThat(diff.repositoryProperty().get()).isPresent();
        assertThat(diff.revisions()).extracting(GitRevisions.Revision::description)
                .anySatisfy(d -> assertThat(d).startsWith("before ("));
        diff.compare(new DiffViewModel.Revision("HEAD"));
        assertThat(diff.changes()).extracting(Change::message).containsExactly(
                "catify-main: failover candidate db-legacy-2 added (#1 of 1)",
                "catify-main: failover candidate db-replica-1 removed (was #1)");
        assertThat(diff.baseProperty().get().label()).isEqualTo("git HEAD");

        diff.compare(new DiffViewModel.Revision("no-such-branch"));
        assertThat(main.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("not a git revision here: 'no-such-branch'"));
        assertThat(diff.changes()).as("the last comparison stays").hasSize(2);
    }

    @Test
    void outsideAGitWorkTreeNoRevisionIsOffered(@TempDir Path tmp) {
        assertThat(GitRevisions.repository(List.of(tmp.toString()))).isEmpty();
        assertThat(GitRevisions.repository(List.of())).isEmpty();
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
