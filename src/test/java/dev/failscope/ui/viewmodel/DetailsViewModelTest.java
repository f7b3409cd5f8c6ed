package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspector;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class DetailsViewModelTest {
    private final Executor sync = Runnable::run;

    private MainViewModel loaded(String path) {
        MainViewModel vm = new MainViewModel(new Inspector(), sync, sync);
        vm.open(List.of(path));
        return vm;
    }

    @Test
    void findingSelectionShowsTheSourceLineAndTheCandidateVerdict() {
        MainViewModel main = loaded(MainViewModelTest.CATIFYME);
        DetailsViewModel vm = new DetailsViewModel(main);
        Finding f = main.findings().get(0);
        main.selectFinding(f);
        Details d = vm.detailsProperty().get().orElseThrow();
        assertThat(d.title()).isEqualTo("catify-main");
        assertThat(d.kind()).isEqualTo("cluster");
        Details.Snippet s = d.snippet().orElseThrow();
        assertThat(s.file()).endsWith("failover.yaml");
        assertThat(s.lines().get(s.focusLine() - s.firstLine())).contains("- db-legacy-2");
        assertThat(d.candidates()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("db-legacy-2");
            assertThat(c.viable()).isFalse();
            assertThat(c.why()).isEqualTo("decommissioned");
            assertThat(c.decidedBy().orElseThrow().file()).endsWith("inventory.yaml");
        });
        assertThat(d.findings()).contains(f);
    }

    @Test
    void serverDetailsListEveryPropertyWithItsSourceLine() {
        MainViewModel main = loaded(MainViewModelTest.CATIFYME);
        DetailsViewModel vm = new DetailsViewModel(main);
        main.select(Node.server("db-legacy-2"));
        Details d = vm.detailsProperty().get().orElseThrow();
        assertThat(d.properties()).extracting(Details.Property::key)
                .contains("name", "address", "region", "zone", "host", "status", "no-failover", "tags.retired",
                        "member of");
        Details.Property status = d.properties().stream().filter(p -> p.key().equals("status")).findFirst()
                .orElseThrow();
        assertThat(status.value()).isEqualTo("decommissioned");
        assertThat(status.where()).isEqualTo("inventory.yaml:26");
        assertThat(d.findings()).extracting(Finding::rule).contains("failover-target-decommissioned");
    }

    @Test
    void fixedSampleShowsAViableCandidate() {
        MainViewModel main = loaded("sample-topologies/catifyme-fixed");
        DetailsViewModel vm = new DetailsViewModel(main);
        main.select(Node.cluster("catify-main"));
        assertThat(vm.detailsProperty().get().orElseThrow().candidates()).singleElement()
                .satisfies(c -> assertThat(c.viable()).isTrue());
    }

    @Test
    void nothingSelectedShowsNothing() {
        MainViewModel main = loaded(MainViewModelTest.CATIFYME);
        DetailsViewModel vm = new DetailsViewModel(main);
        assertThat(vm.detailsProperty().get()).isEmpty();
    }
}
