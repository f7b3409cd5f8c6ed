package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadError;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Topology;
import dev.failscope.simulation.script.Script;
import dev.failscope.simulation.script.ScriptReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeatsTest {
    @Test
    void theReplayBecomesTitleNarrationQuestionsAndTheSimulatorsEvents() {
        Script script = ScriptReader.read(Path.of("sample-topologies/catifyme-replay.scenario.yaml"), "replay")
                .script().orElseThrow();
        Topology t = new Inspector(new TopologyLoader(LoadOptions.DEFAULT), RuleCatalog.standard())
                .inspect(List.of(script.topology())).topology();
        List<LoadError> errors = new ArrayList<>();
        var targets = ScenarioViewModel.resolve(script, t, errors);
        assertThat(errors).isEmpty();
        List<Beat> beats = Beats.of(script, t, targets);
        assertThat(beats.get(0).kind()).isEqualTo(Beat.Kind.TITLE);
        assertThat(beats).filteredOn(b -> b.kind() == Beat.Kind.EVENT).isNotEmpty()
                .allSatisfy(b -> assertThat(b.time()).startsWith("08:00 + "));
        Beat last = beats.get(beats.size() - 1);
        assertThat(last.kind()).isEqualTo(Beat.Kind.QUESTION);
        assertThat(last.overlay().clustersDown()).containsExactly("catify-main");
        assertThat(beats.get(1).overlay().active()).as("07:45: nothing failed yet").isFalse();
    }
}
