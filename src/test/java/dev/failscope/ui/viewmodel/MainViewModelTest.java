package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspector;
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

/** Plain unit tests: no JavaFX toolkit, executors run synchronously or on demand. */
class MainViewModelTest {
    static final String CATIFYME = "sample-topologies/catifyme";
    private final Executor sync = Runnable::run;

    @Test
    void opensCatifyMeAndListsTheDecommissionedTarget() {
        MainViewModel vm = new MainViewModel(new Inspector(), sync, sync);
        vm.open(List.of(CATIFYME));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.topology().cluster("catify-main")).isPresent();
        assertThat(vm.findings()).extracting(Finding::rule).contains("failover-target-decommissioned");
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("3 servers, 1 cluster, 3 services; 2 findings");
    }

    @Test
    void loadingRunsOnTheBackgroundExecutorAndShowsProgress() {
        Queue<Runnable> background = new ArrayDeque<>();
        MainViewModel vm = new MainViewModel(new Inspector(), background::add, sync);
        vm.open(List.of(CATIFYME));
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.topology().isEmpty()).isTrue();
        background.remove().run();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.topology().isEmpty()).isFalse();
    }

    @Test
    void aStaleLoadDoesNotOverwriteANewerOne() {
        Queue<Runnable> background = new ArrayDeque<>();
        MainViewModel vm = new MainViewModel(new Inspector(), background::add, sync);
        vm.open(List.of(CATIFYME));
        vm.open(List.of("sample-topologies/catifyme-fixed"));
        Runnable older = background.remove();
        background.remove().run();
        older.run();
        assertThat(vm.pathsProperty().get()).containsExactly("sample-topologies/catifyme-fixed");
        assertThat(vm.findings()).isEmpty();
    }

    @Test
    void aBrokenLoadKeepsTheLastGoodTopologyAndPublishesErrors(@TempDir Path tmp) throws IOException {
        MainViewModel vm = new MainViewModel(new Inspector(), sync, sync);
        vm.open(List.of(CATIFYME));
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "kind: inventory\nservers:\n  - name: [oops\n");
        vm.open(List.of(broken.toString()));
        assertThat(vm.topology().cluster("catify-main")).isPresent();
        assertThat(vm.findings()).isNotEmpty();
        assertThat(vm.errors()).isNotEmpty();
        assertThat(vm.errors().get(0).position().file()).isEqualTo(broken.toString());
        assertThat(vm.statusProperty().get()).contains("last good topology");

        vm.open(List.of(CATIFYME));
        assertThat(vm.errors()).isEmpty();
    }

    @Test
    void anInternalErrorIsReportedInTheErrorBarNotThrown() {
        MainViewModel vm = new MainViewModel(paths -> {
            throw new IllegalStateException("boom");
        }, sync, sync);
        vm.open(List.of("x"));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("boom"));
    }

    @Test
    void selectingAFindingSelectsItsClusterAndFocusesItsLine() {
        MainViewModel vm = new MainViewModel(new Inspector(), sync, sync);
        vm.open(List.of(CATIFYME));
        Finding f = vm.findings().stream().filter(x -> x.rule().equals("failover-target-decommissioned"))
                .findFirst().orElseThrow();
        vm.selectFinding(f);
        assertThat(vm.selectionProperty().get()).isEqualTo(Node.cluster("catify-main"));
        assertThat(vm.focusProperty().get()).isEqualTo(f.position());
    }

    @Test
    void selectingAnElementFocusesItsDeclaration() {
        MainViewModel vm = new MainViewModel(new Inspector(), sync, sync);
        vm.open(List.of(CATIFYME));
        vm.select(Node.server("db-legacy-2"));
        assertThat(vm.focusProperty().get().file()).endsWith("inventory.yaml");
        assertThat(vm.focusProperty().get().line()).isEqualTo(21);
    }

    @Test
    void selectionIsClearedWhenTheElementDisappears() {
        MainViewModel vm = new MainViewModel(new Inspector(), sync, sync);
        vm.open(List.of(CATIFYME));
        vm.select(Node.server("db-legacy-2"));
        vm.open(List.of("sample-topologies/three-zone-healthy"));
        assertThat(vm.selectionProperty().get()).isNull();
    }
}
