package dev.failscope.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Severity;
import dev.failscope.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DifferTest {
    @TempDir
    Path tmp;

    private Inspection side(String name, String yaml) {
        Fixtures.write(tmp.resolve(name), "t.yaml", yaml);
        return Fixtures.inspect(tmp.resolve(name));
    }

    @Test
    void aServerChangeTouchesItsClusterAndTheStorySaysWhatItMakesOfTheCandidate() {
        Inspection before = side("b", Fixtures.base());
        Inspection after = side("a", Fixtures.base().replace("  - name: r1\n    zone: b\n",
                "  - name: r1\n    zone: b\n    status: decommissioned\n"));
        List<String> probed = new ArrayList<>();
        PrimaryLossProbe probe = (t, cluster) -> {
            probed.add(cluster);
            return Optional.of(new PrimaryLossOutcome(true, Optional.of("r1"), Optional.of(Duration.ofSeconds(30)),
                    "r1 promoted, RTO 30s"));
        };
        Comparison c = new Differ(new Inspector(), probe).compare(before, after);
        assertThat(c.touched()).containsExactly("main");
        assertThat(probed).containsExactly("main", "main");
        assertThat(c.story()).contains("this change makes main's failover candidate #1 r1 a decommissioned server");
        assertThat(c.regressions()).isEmpty();
        assertThat(c.fails(Severity.ERROR)).isTrue();
        assertThat(c.fails(null)).isFalse();
    }

    @Test
    void aRegressionFailsEvenWithoutFindingsAndAnImprovementIsTold() {
        Inspection same = side("s", Fixtures.base());
        Inspection moved = side("m", Fixtures.base().replace("max-lag: 10s\n", "max-lag: 20s\n"));
        PrimaryLossOutcome ok = new PrimaryLossOutcome(true, Optional.of("r1"), Optional.of(Duration.ofSeconds(30)),
                "r1 promoted, RTO 30s");
        PrimaryLossOutcome down = new PrimaryLossOutcome(false, Optional.empty(), Optional.empty(), "nothing left");
        Comparison worse = new Differ(new Inspector(), (t, k) -> Optional.of(t == same.topology() ? ok : down))
                .compare(same, moved);
        assertThat(worse.regressions()).singleElement().satisfies(d -> assertThat(d.describe()).isEqualTo(
                "main: primary loss was survived (r1 promoted, RTO 30s); after this change it is an OUTAGE "
                        + "(nothing left)"));
        assertThat(worse.fails(null)).isTrue();
        assertThat(worse.story()).containsExactly("main: losing p1 after this deploy is an outage (before: r1 "
                + "promoted, RTO 30s)");
        Comparison better = new Differ(new Inspector(), (t, k) -> Optional.of(t == same.topology() ? down : ok))
                .compare(same, moved);
        assertThat(better.story()).containsExactly("main: losing p1 was an outage; after this change it is survived "
                + "(r1 promoted, RTO 30s)");
        assertThat(better.fails(Severity.ERROR)).isFalse();
    }

    @Test
    void withoutASimulatorThereIsNoResilienceDelta() {
        Inspection before = side("b", Fixtures.base());
        Inspection after = side("a", Fixtures.base().replace("  - r1\n  - r2\n", "  - r2\n"));
        Comparison c = new Differ(new Inspector()).compare(before, after);
        assertThat(c.simulated()).isFalse();
        assertThat(c.changesOf(dev.failscope.model.Node.server("r1"))).extracting(Change::message)
                .containsExactly("main: failover candidate r1 removed (was #1)");
        assertThat(c.changesOf(dev.failscope.model.Node.cluster("main"))).hasSize(1);
        assertThat(c.resilience()).isEmpty();
        assertThat(c.touched()).containsExactly("main");
    }

    @Test
    void theSimulatorProbeOnTheSamples() {
        Inspector inspector = new Inspector();
        SimulatedPrimaryLoss probe = new SimulatedPrimaryLoss();
        var before = inspector.inspect(List.of("sample-topologies/catifyme-before")).topology();
        var after = inspector.inspect(List.of("sample-topologies/catifyme")).topology();
        assertThat(probe.primaryLoss(before, "catify-main")).hasValueSatisfying(o -> {
            assertThat(o.survived()).isTrue();
            assertThat(o.promoted()).contains("db-replica-1");
            assertThat(o.rto()).contains(Duration.ofSeconds(30));
        });
        assertThat(probe.primaryLoss(after, "catify-main")).hasValueSatisfying(o -> {
            assertThat(o.survived()).isFalse();
            assertThat(o.summary()).isEqualTo("db-legacy-2 skipped: decommissioned; 3 services down");
        });
        assertThat(probe.primaryLoss(after, "no-such-cluster")).isEmpty();
    }
}
