package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {
    private static Finding f(String rule, Severity s, int line) {
        return new Finding(rule, s, "m", "c", null, new SourcePosition("a.yaml", line, 1));
    }

    @Test
    void filtersBySeverityAndRuleAndCountsInTheTitle() {
        ObservableList<Finding> all = FXCollections.observableArrayList(
                f("r-a", Severity.ERROR, 1), f("r-b", Severity.WARNING, 2), f("r-a", Severity.WARNING, 3));
        FindingsViewModel vm = new FindingsViewModel(all);
        assertThat(vm.titleProperty().get()).isEqualTo("Findings (3)");
        assertThat(vm.rules()).containsExactly("r-a", "r-b");
        vm.severityFilterProperty().set(Severity.WARNING);
        assertThat(vm.shown()).hasSize(2);
        assertThat(vm.titleProperty().get()).isEqualTo("Findings (2 of 3)");
        vm.ruleFilterProperty().set("r-a");
        assertThat(vm.shown()).singleElement().satisfies(x -> assertThat(x.position().line()).isEqualTo(3));
        vm.severityFilterProperty().set(null);
        vm.ruleFilterProperty().set(null);
        assertThat(vm.shown()).hasSize(3);
    }

    @Test
    void aRuleFilterThatNoLongerAppliesIsDropped() {
        ObservableList<Finding> all = FXCollections.observableArrayList(f("r-a", Severity.ERROR, 1));
        FindingsViewModel vm = new FindingsViewModel(all);
        vm.ruleFilterProperty().set("r-a");
        all.setAll(f("r-b", Severity.ERROR, 1));
        assertThat(vm.ruleFilterProperty().get()).isNull();
        assertThat(vm.shown()).hasSize(1);
    }
}
