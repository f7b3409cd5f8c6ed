package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.generate.FleetWriter;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Topology;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's shared work gives what a fresh simulation gives: every memoized row equals the row of the
 * simulator's own run of that scenario, and a cluster run that sees only its relevant servers' failures, without
 * words, ends as the full run does.
 */
class SweepEvaluatorTest {
    private static final List<String> SAMPLES = List.of("sample-topologies/catifyme",
            "sample-topologies/catifyme-before", "sample-topologies/catifyme-fixed",
            "sample-topologies/catifyme-imported", "sample-topologies/catifyme-routed",
            "sample-topologies/catifyme-routed-fixed", "sample-topologies/three-zone-healthy",
            "src/test/resources/managers/cnpg", "src/test/resources/managers/mha",
            "src/test/resources/managers/patroni-etcd", "src/test/resources/managers/repmgr",
            "src/test/resources/managers/sentinel-zone");

    @TempDir
    Path dir;

    @Test
    void everyRowOfTheSamplesEqualsTheRowOfItsOwnSimulation() {
        for (String sample : SAMPLES) {
            assertRowsAreFresh(sample, load(sample), new Sweep.Options(true, true));
        }
    }

    @Test
    void everyRowOfAGeneratedFleetWithFaultsEqualsTheRowOfItsOwnSimulation() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetWriter.write(FleetGenerator.generate(new FleetSpec(60, 3, 3, 12, 2026)), fleet);

        assertRowsAreFresh("generated fleet", load(fleet.toString()), new Sweep.Options(true, true));
    }

    @Test
    void everyRowOfRandomTopologiesEqualsTheRowOfItsOwnSimulation() {
        for (long seed = 100; seed < 160; seed++) {
            Topology t = RandomTopologies.generate(seed, 12, 5, 1).topology();
            assertRowsAreFresh("seed " + seed, t, new Sweep.Options(true, true));
            assertRowsAreFresh("seed " + seed + ", servers only (nothing shared)", t, Sweep.Options.SERVERS);
            assertRowsAreFresh("seed " + seed + ", pairs", t, new Sweep.Options(false, true));
        }
    }

    @Test
    void aClusterRunReadsOnlyItsRelevantServersAndEndsTheSameWithoutWords() {
        Random random = new Random(7);
        List<Topology> topologies = new ArrayList<>();
        SAMPLES.forEach(s -> topologies.add(load(s)));
        for (long seed = 1; seed <= 60; seed++) {
            topologies.add(RandomTopologies.generate(seed, 14, 5, 3).topology());
        }
        int compared = 0;
        for (Topology t : topologies) {
            SimulationIndex index = SimulationIndex.of(t);
            List<String> servers = new ArrayList<>(index.serverNames());
            for (int round = 0; round < 30; round++) {
                List<FailureTarget> targets = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    Duration at = random.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(random.nextInt(120));
                    targets.add(new FailureTarget(FailureTarget.Kind.SERVER,
                            servers.get(random.nextInt(servers.size())), at));
                }
                Map<String, Failure> failures = index.failures(new FailureScenario(targets));
                for (String name : new Simulator(index).touchedClusters(failures)) {
                    Map<String, Failure> relevant = new HashMap<>();
                    index.relevantServers(name).stream().filter(failures::containsKey)
                            .forEach(s -> relevant.put(s, failures.get(s)));
                    ClusterRun full = new ClusterRun(index, t.cluster(name).orElseThrow(), failures, true).run();
                    ClusterRun quiet = new ClusterRun(index, t.cluster(name).orElseThrow(), relevant, false).run();

                    assertThat(quiet.outcome()).as("%s after %s", name, failures.keySet()).isEqualTo(full.outcome());
                    assertThat(quiet.history()).as("%s after %s", name, failures.keySet())
                            .isEqualTo(full.history());
                    assertThat(quiet.events()).isEmpty();
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void aDomainThatFailsOneMemberPerClusterNeedsNoNewClusterRun() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetWriter.write(FleetGenerator.generate(new FleetSpec(30, 2, 3, 0, 5)), fleet);
        Topology t = load(fleet.toString());
        Simulator simulator = new Simulator(t);
        SweepEvaluator evaluator = new SweepEvaluator(simulator);
        List<FailureScenario> servers = Sweep.scenarios(simulator.index(), Sweep.Options.SERVERS);
        servers.forEach(evaluator::row);
        int runs = evaluator.clusterRuns();

        // three replicas per cluster in three zones: each zone holds one member of every cluster
        for (String zone : simulator.index().zones()) {
            SweepRow row = evaluator.row(FailureScenario.of(FailureTarget.of(FailureTarget.Kind.ZONE, zone)));
            assertThat(row).isEqualTo(SweepRow.of(simulator.run(row.scenario())));
        }
        assertThat(evaluator.clusterRuns()).isEqualTo(runs);
    }

    @Test
    void theIndexReadFromTheModelSaysWhatTheGraphSays() throws Exception {
        Path fleet = dir.resolve("fleet");
        FleetWriter.write(FleetGenerator.generate(new FleetSpec(40, 3, 3, 10, 11)), fleet);
        List<Topology> topologies = new ArrayList<>();
        SAMPLES.forEach(s -> topologies.add(load(s)));
        topologies.add(load(fleet.toString()));
        topologies.add(load("src/test/resources/routes/dangling"));
        for (long seed = 1; seed <= 40; seed++) {
            topologies.add(RandomTopologies.generate(seed, 12, 5, 1).topology());
        }
        for (Topology t : topologies) {
            SimulationIndex index = SimulationIndex.of(t);
            Set<String> vertices = new TreeSet<>();
            Map<String, Set<String>> clusters = new HashMap<>();
            Map<String, Set<String>> services = new HashMap<>();
            t.graph().vertexSet().stream().filter(n -> n.kind() == NodeKind.SERVER).forEach(n -> vertices.add(n.name()));
            for (Edge e : t.graph().edgeSet()) {
                if (e.kind() == EdgeKind.MEMBERSHIP && !e.to().missing()) {
                    clusters.computeIfAbsent(e.from().name(), k -> new HashSet<>()).add(e.to().name());
                } else if (e.kind() == EdgeKind.DEPENDENCY) {
                    services.computeIfAbsent(e.to().kind() + ":" + e.to().name(), k -> new HashSet<>())
                            .add(e.from().name());
                }
            }
            assertThat(index.serverNames()).containsExactlyElementsOf(vertices);
            for (String server : vertices) {
                Set<String> monitored = new HashSet<>(index.clustersOf(server));
                monitored.removeAll(clusters.getOrDefault(server, Set.of()));
                assertThat(monitored).as("clusters of %s beyond its memberships", server)
                        .allMatch(c -> t.policy(c).orElseThrow().monitors().stream()
                                .anyMatch(m -> m.name().equals(server)));
                assertThat(index.clustersOf(server)).containsAll(clusters.getOrDefault(server, Set.of()));
                assertThat(index.servicesUsing(NodeKind.SERVER, server))
                        .containsExactlyInAnyOrderElementsOf(services.getOrDefault("SERVER:" + server, Set.of()));
            }
            for (dev.failscope.model.Cluster c : t.clusters()) {
                assertThat(index.servicesUsing(NodeKind.CLUSTER, c.name()))
                        .containsExactlyInAnyOrderElementsOf(services.getOrDefault("CLUSTER:" + c.name(), Set.of()));
            }
        }
    }

    private static void assertRowsAreFresh(String what, Topology t, Sweep.Options options) {
        Simulator simulator = new Simulator(t);
        SweepResult swept = Sweep.run(t, options);
        assertThat(swept.rows()).as(what).isNotEmpty();
        for (SweepRow row : swept.rows()) {
            assertThat(row).as("%s: %s", what, row.label()).isEqualTo(SweepRow.of(simulator.run(row.scenario())));
        }
    }

    private static Topology load(String path) {
        LoadResult r = new TopologyLoader().load(Stream.of(path).toList());
        assertThat(r.errors()).as("load errors of %s", path).isEmpty();
        return r.topology();
    }
}
