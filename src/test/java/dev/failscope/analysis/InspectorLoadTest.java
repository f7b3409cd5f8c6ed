package dev.failscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Inspector#load} reads what {@link Inspector#inspect} reads, without running the rules. */
class InspectorLoadTest {
    @Test
    void loadGivesTheSameTopologyAndOnlyTheLoadersFindings() {
        List<String> paths = List.of("sample-topologies/catifyme", "sample-topologies/catifyme-imported");
        Inspection full = new Inspector().inspect(paths);
        Inspection loaded = new Inspector().load(paths);
        assertThat(full.findings()).extracting(f -> f.rule()).contains("no-viable-failover");
        assertThat(loaded.topology().servers()).isEqualTo(full.topology().servers());
        assertThat(loaded.topology().clusters()).isEqualTo(full.topology().clusters());
        assertThat(loaded.errors()).isEqualTo(full.errors());
        assertThat(loaded.findings()).containsExactlyElementsOf(
                full.topology().loadFindings().stream().sorted(dev.failscope.model.Finding.ORDER).toList());
        assertThat(loaded.findings()).extracting(f -> f.rule()).doesNotContain("no-viable-failover");
    }
}
