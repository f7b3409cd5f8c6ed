package dev.failscope.simulation.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.LoadError;
import dev.failscope.simulation.FailureTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptReaderTest {
    @Test
    void theShippedCatifyMeReplayReads() {
        ScriptReader.Result r = ScriptReader.read(Path.of("sample-topologies/catifyme-replay.scenario.yaml"),
                "sample-topologies/catifyme-replay.scenario.yaml");
        assertThat(r.errors()).isEmpty();
        Script s = r.script().orElseThrow();
        assertThat(s.topology()).isEqualTo("sample-topologies/catifyme");
        assertThat(s.steps()).extracting(ScriptStep::time).startsWith("07:45").contains("08:10", "09:50");
        assertThat(s.failures()).extracting(ScriptStep.Failure::text).containsExactly("db-main-1");
        assertThat(s.steps()).filteredOn(st -> st.pause() != null).hasSizeGreaterThanOrEqualTo(3);
    }

    private static ScriptReader.Result read(Path dir, String text) throws Exception {
        Path f = dir.resolve("x.scenario.yaml");
        Files.writeString(f, text);
        return ScriptReader.read(f, "x.scenario.yaml");
    }

    @Test
    void problemsCarryFileLineAndColumn(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("topo"));
        ScriptReader.Result r = read(tmp, """
                kind: scenario
                topology: topo
                steps:
                  - say: hello
                    narrate: typo
                  - fail: ["zone:", "planet:earth"]
                  - {}
                """);
        assertThat(r.script()).isEmpty();
        // 'planet:earth' is a server name now (a colon after an unknown prefix is part of the name, as in
        // 127.0.0.1:6379); whether it exists is checked against the topology when the script is opened
        assertThat(r.errors()).extracting(LoadError::format).containsExactly(
                "x.scenario.yaml:5:5: error: unknown key 'narrate' in a step (known: fail, pause, say, time)",
                "x.scenario.yaml:6:12: error: empty failure target 'zone:'",
                "x.scenario.yaml:7:5: error: a step needs at least one of say, pause or fail");
    }

    @Test
    void aMissingTopologyAndWrongKindAreErrors(@TempDir Path tmp) throws Exception {
        ScriptReader.Result r = read(tmp, "kind: inventory\ntopology: nowhere\nsteps:\n  - say: hi\n");
        assertThat(r.errors()).extracting(LoadError::format).containsExactly(
                "x.scenario.yaml:1:7: error: expected 'kind: scenario', got 'inventory'",
                "x.scenario.yaml:2:11: error: topology path does not exist: nowhere (resolved against the script's "
                        + "folder)");
    }

    @Test
    void brokenYamlIsAPositionedErrorNotAnException(@TempDir Path tmp) throws Exception {
        ScriptReader.Result r = read(tmp, "kind: scenario\nsteps: [\n");
        assertThat(r.script()).isEmpty();
        // 'planet:earth' is a server name now (a colon after an unknown prefix is part of the name, as in
        // 127.0.0.1:6379); whether it exists is checked against the topology when the script is opened
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.position().line()).isGreaterThan(1));
    }

    @Test
    void aGoodScriptParsesItsFailures(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("topo"));
        ScriptReader.Result r = read(tmp, "kind: scenario\ntitle: T\ntopology: topo\nsteps:\n"
                + "  - time: \"08:00\"\n    fail: [db-1, zone:a@30s]\n    say: go\n  - pause: why?\n");
        Script s = r.script().orElseThrow();
        assertThat(s.title()).isEqualTo("T");
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(0).fail()).extracting(ScriptStep.Failure::text).containsExactly("db-1", "zone:a@30s");
        assertThat(FailureTarget.parse(s.steps().get(0).fail().get(1).text()).targetOpt()).isPresent();
        assertThat(s.steps().get(1).pause()).isEqualTo("why?");
    }
}
