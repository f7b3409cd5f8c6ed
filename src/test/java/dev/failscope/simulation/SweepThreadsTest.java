package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Topology;
import dev.failscope.report.SweepJson;
import dev.failscope.report.SweepText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios are evaluated on several threads; the rows, their order, the rendered reports and the progress calls
 * must not depend on how many.
 */
class SweepThreadsTest {
    private static final Sweep.Options ALL = new Sweep.Options(true, true);
    private static final List<String> SAMPLES = List.of("catifyme", "catifyme-before", "catifyme-fixed",
            "catifyme-imported", "catifyme-routed", "catifyme-routed-fixed", "three-zone-healthy");

    @TempDir
    static Path dir;
    private static Topology fleet;

    @BeforeAll
    static void generate() throws IOException {
        Fleet generated = FleetGenerator.generate(new FleetSpec(400, 3, 3, 40, 7));
        for (Fleet.GeneratedFile f : generated.files()) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.text());
        }
        LoadResult r = new TopologyLoader().load(List.of(dir.toString()));
        assertThat(r.errors()).isEmpty();
        fleet = r.topology();
    }

    @Test
    void aFleetWithFaultsSweepsTheSameOnOneThreadAndOnMany() {
        for (Sweep.Options options : List.of(Sweep.Options.SERVERS, new Sweep.Options(true, false), ALL)) {
            SweepResult one = Sweep.run(fleet, options, (d, t) -> true, 1);
            assertThat(one.rows()).hasSizeGreaterThan(1600);
            assertThat(one.singlePointsOfFailure()).isNotEmpty();
            for (int threads : List.of(2, 3, 8)) {
                SweepResult many = Sweep.run(fleet, options, (d, t) -> true, threads);
                assertThat(many.rows()).as("%s on %d threads", options, threads).containsExactlyElementsOf(one.rows());
                assertThat(SweepText.render(many)).isEqualTo(SweepText.render(one));
                assertThat(SweepJson.render(many)).isEqualTo(SweepJson.render(one));
            }
        }
    }

    @Test
    void theFleetIsReallyCutIntoBatchesForSeveralThreads() {
        SimulationIndex index = SimulationIndex.of(fleet);
        List<FailureScenario> scenarios = Sweep.scenarios(index, ALL);
        List<SweepBatches.Task> tasks = SweepBatches.tasks(index, scenarios, 2, true);
        assertThat(tasks).hasSizeGreaterThan(8);
        assertThat(tasks.stream().flatMap(t -> t.scenarios().stream()).toList()).containsExactlyElementsOf(scenarios);
        // the zones and the region are split into shares of their cluster runs, each just before its row
        List<SweepBatches.Task> shares = tasks.stream().filter(t -> t.shares() > 0).toList();
        assertThat(shares).extracting(t -> t.big().scenario().label())
                .contains("region:" + index.regions().iterator().next());
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).shares() > 0 && tasks.get(i + 1).shares() == 0) {
                assertThat(tasks.get(i + 1).big()).isSameAs(tasks.get(i).big());
                assertThat(tasks.get(i + 1).scenarios()).containsExactly(tasks.get(i).big().scenario());
            }
        }
        assertThat(SweepBatches.tasks(index, scenarios, 1, true)).containsExactly(SweepBatches.Task.rows(scenarios));
    }

    @Test
    void theSamplesSweepTheSameOnOneThreadAndOnMany() {
        for (String sample : SAMPLES) {
            Topology t = Fixtures.sample(sample);
            SweepResult one = Sweep.run(t, ALL, (d, n) -> true, 1);
            assertThat(one.rows()).as(sample).isNotEmpty();
            for (int threads : List.of(2, 4)) {
                assertThat(Sweep.run(t, ALL, (d, n) -> true, threads).rows()).as("%s on %d", sample, threads)
                        .containsExactlyElementsOf(one.rows());
            }
        }
    }

    @Test
    void progressIsToldOnTheCallersThreadForEveryRowInOrderUpToAll() {
        Thread caller = Thread.currentThread();
        List<Integer> seen = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        SweepResult r = Sweep.run(fleet, ALL, (done, total) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(done);
            totals.add(total);
            return true;
        }, 3);
        int n = r.rows().size();
        assertThat(seen).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1);
        }
        assertThat(totals).containsOnly(n);
        assertThat(seen.get(n - 1)).isEqualTo(totals.get(0)); // 100 %
    }

    @Test
    void aStoppedSweepReturnsTheRowsUpToTheStopOnAnyNumberOfThreads() {
        SweepResult all = Sweep.run(fleet, ALL, (d, t) -> true, 1);
        for (int threads : List.of(1, 2, 4)) {
            AtomicInteger calls = new AtomicInteger();
            SweepResult stopped = Sweep.run(fleet, ALL, (done, total) -> calls.incrementAndGet() < 700, threads);
            assertThat(calls.get()).isEqualTo(700);
            assertThat(stopped.rows()).containsExactlyElementsOf(all.rows().subList(0, 700));
        }
    }
}
