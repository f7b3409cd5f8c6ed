package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Topology;
import dev.failscope.report.TimelineJson;
import dev.failscope.report.TimelineText;
import dev.failscope.simulation.SimulationIndex.Failure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the simulator over random topologies and scenarios. */
class SimulatorProperties {
    @Provide
    Arbitrary<RandomTopologies.Case> cases() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 14),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 3))
                .as(RandomTopologies::generate);
    }

    private static Simulation simulate(RandomTopologies.Case c) {
        return new Simulator(c.topology()).run(c.scenario());
    }

    @Property(tries = 400)
    void atMostOneWritablePrimaryPerClusterAtEveryEvent(@ForAll("cases") RandomTopologies.Case c) {
        Topology t = c.topology();
        Map<String, Set<String>> writable = new HashMap<>();
        for (Cluster cl : t.clusters()) {
            writable.computeIfAbsent(cl.name(), k -> new HashSet<>(Set.of(cl.primary().name())));
        }
        for (SimulationEvent e : simulate(c).timeline().events()) {
            if (e.kind() == EventKind.FAILED) {
                writable.values().forEach(s -> s.remove(e.subject()));
            } else if (e.kind() == EventKind.PROMOTED) {
                Set<String> set = writable.get(e.cluster());
                assertThat(set).as("writable primaries of %s before promoting %s", e.cluster(), e.subject()).isEmpty();
                set.add(e.subject());
            }
            writable.forEach((cluster, set) -> assertThat(set).as("writable primaries of %s", cluster).hasSizeLessThan(2));
        }
    }

    @Property(tries = 400)
    void ineligibleServersAreNeverPromoted(@ForAll("cases") RandomTopologies.Case c) {
        Topology t = c.topology();
        Map<String, Failure> failures = SimulationIndex.of(t).failures(c.scenario());
        for (SimulationEvent e : simulate(c).timeline().ofKind(EventKind.PROMOTED)) {
            Optional<Server> s = t.server(e.subject());
            assertThat(s).as("promoted %s is declared", e.subject()).isPresent();
            assertThat(s.get().status()).isEqualTo(ServerStatus.ACTIVE);
            assertThat(s.get().noFailover()).isFalse();
            assertThat(SimulationIndex.failedBy(failures, e.subject(), e.at())).as("%s failed", e.subject()).isFalse();
            assertThat(t.cluster(e.cluster()).orElseThrow().replica(e.subject())).isPresent();
        }
    }

    @Property(tries = 400)
    void aClusterWithAViableCandidateIsNeverDown(@ForAll("cases") RandomTopologies.Case c) {
        Topology t = c.topology();
        Map<String, Failure> failures = SimulationIndex.of(t).failures(c.scenario());
        Simulation sim = simulate(c);
        CandidateEvaluator evaluator = new CandidateEvaluator(t);
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(t)) {
            Optional<Cluster> cluster = t.cluster(p.cluster().name());
            if (cluster.isEmpty() || !failures.containsKey(cluster.get().primary().name())) {
                continue;
            }
            boolean viable = evaluator.assess(p).stream()
                    .anyMatch(a -> a.viable() && survives(cluster.get(), a, failures));
            if (viable) {
                assertThat(sim.cluster(cluster.get().name(), null).health())
                        .as("cluster %s with a viable candidate", cluster.get().name()).isNotEqualTo(Health.DOWN);
            }
        }
    }

    /** The candidate never fails and its whole source chain up to the primary never fails either. */
    private static boolean survives(Cluster cluster, CandidateAssessment a, Map<String, Failure> failures) {
        String name = a.candidate().name();
        Set<String> seen = new HashSet<>();
        while (!name.equals(cluster.primary().name())) {
            if (failures.containsKey(name) || !seen.add(name)) {
                return false;
            }
            Optional<Replica> r = cluster.replica(name);
            if (r.isEmpty()) {
                return false;
            }
            name = r.get().sourceName(cluster.primary().name());
        }
        return true;
    }

    @Property(tries = 300)
    void theLastStepAgreesWithTheOutcomes(@ForAll("cases") RandomTopologies.Case c) {
        Simulation sim = simulate(c);
        SimulationStep end = sim.end();
        sim.clusters().values().forEach(o -> assertThat(end.cluster(o.name())).as("cluster %s", o.name())
                .isEqualTo(o.health()));
        sim.services().values().forEach(o -> assertThat(end.service(o.name())).as("service %s", o.name())
                .isEqualTo(o.health()));
        assertThat(end.clustersDown()).containsExactlyInAnyOrderElementsOf(sim.summary().clustersDown());
        for (Cluster cl : c.topology().clusters()) {
            assertThat(end.primary(cl.name(), cl.primary().name()))
                    .isEqualTo(sim.cluster(cl.name(), cl.primary().name()).primaryOpt());
        }
        assertThat(end.failed()).containsExactlyInAnyOrderElementsOf(sim.servers().values().stream()
                .filter(s -> s.state() == ServerOutcome.State.FAILED).map(ServerOutcome::name).toList());
        assertThat(end.stale()).containsExactlyInAnyOrderElementsOf(sim.servers().values().stream()
                .filter(s -> s.state() == ServerOutcome.State.STALE).map(ServerOutcome::name).toList());
    }

    @Property(tries = 400)
    void timesNeverDecrease(@ForAll("cases") RandomTopologies.Case c) {
        List<SimulationEvent> events = simulate(c).timeline().events();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isGreaterThanOrEqualTo(events.get(i - 1).at());
        }
    }

    @Property(tries = 200)
    void outputIsDeterministic(@ForAll("cases") RandomTopologies.Case c) {
        Simulation a = simulate(c);
        RandomTopologies.Case again = RandomTopologies.generate(c.seed(), c.servers(), c.clusters(), c.failures());
        Simulation b = simulate(again);
        assertThat(b).isEqualTo(a);
        assertThat(TimelineText.render(b)).isEqualTo(TimelineText.render(a));
        assertThat(TimelineJson.render(b, again.topology())).isEqualTo(TimelineJson.render(a, c.topology()));
    }
}
