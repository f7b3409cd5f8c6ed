package dev.failscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import dev.failscope.testing.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {
    private static final String CATIFYME = "sample-topologies/catifyme";

    @TempDir
    Path tmp;

    private static Inspector on(String day) {
        Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
        return new Inspector(new TopologyLoader(), RuleCatalog.standard(), clock);
    }

    private Path waivers(String body) {
        return Fixtures.write(tmp, "waivers.yaml", "kind: waivers\nwaivers:\n" + body);
    }

    private static final String DECOMMISSIONED = """
              - rule: failover-target-decommissioned
                subject: catify-main
                target: db-legacy-2
                reason: replacement replica is being built (DB-42)
                owner: data-platform
                expires: 2026-12-31
            """;

    @Test
    void aLiveWaiverMovesTheFindingToWaived() {
        Path w = waivers(DECOMMISSIONED);
        Inspection i = on("2026-12-31").inspect(List.of(CATIFYME, w.toString()));
        assertThat(i.errors()).isEmpty();
        assertThat(i.findings()).extracting(Finding::rule).doesNotContain("failover-target-decommissioned");
        assertThat(i.waived()).singleElement().satisfies(x -> {
            assertThat(x.finding().rule()).isEqualTo("failover-target-decommissioned");
            assertThat(x.waiver().owner()).isEqualTo("data-platform");
            assertThat(x.waiver().position().line()).isEqualTo(3);
        });
    }

    @Test
    void anExpiredWaiverWaivesNothingAndWarns() {
        Path w = waivers(DECOMMISSIONED);
        Inspection i = on("2027-01-01").inspect(List.of(CATIFYME, w.toString()));
        assertThat(i.waived()).isEmpty();
        assertThat(i.findings()).extracting(Finding::rule)
                .contains("failover-target-decommissioned", "waiver-expired");
        Finding expired = i.findings().stream().filter(f -> f.rule().equals("waiver-expired")).findFirst()
                .orElseThrow();
        assertThat(expired.position().line()).isEqualTo(8);
        assertThat(expired.message()).contains("expired on 2026-12-31");
    }

    @Test
    void aWaiverMatchingNothingIsUnused() {
        Path w = waivers(DECOMMISSIONED.replace("target: db-legacy-2", "target: db-legacy-3"));
        Inspection i = on("2026-06-01").inspect(List.of(CATIFYME, w.toString()));
        assertThat(i.waived()).isEmpty();
        assertThat(i.findings()).extracting(Finding::rule).contains("waiver-unused");
    }

    @Test
    void anUnusedWaiverWithAMistypedRuleSuggestsTheRule() {
        Path w = waivers(DECOMMISSIONED.replace("rule: failover-target-decommissioned", "rule: failover-target-decomissioned"));
        Inspection i = on("2026-06-01").inspect(List.of(CATIFYME, w.toString()));
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("waiver-unused")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(there is no rule 'failover-target-decomissioned'; "
                        + "did you mean 'failover-target-decommissioned'?)"));
    }

    @Test
    void aWaiverWithoutTargetCoversEveryTarget() {
        Path w = waivers(DECOMMISSIONED.replace("    target: db-legacy-2\n", ""));
        Inspection i = on("2026-06-01").inspect(List.of(CATIFYME, w.toString()));
        assertThat(i.waived()).hasSize(1);
        assertThat(i.findings()).extracting(Finding::rule).doesNotContain("waiver-unused");
    }

    @Test
    void waiverLoadErrorsArePositioned() {
        Path w = waivers("""
              - rule: failover-target-decommissioned
                subject: catify-main
                reason: r
                owner: o
                expires: 2026-13-01
              - rule: x
                subject: y
                reasn: typo
                owner: o
                expires: 2026-01-01
            """);
        Inspection i = on("2026-06-01").inspect(List.of(w.toString()));
        assertThat(i.errors()).extracting(e -> e.position().line() + ": " + e.message()).anySatisfy(
                m -> assertThat(m).startsWith("7: 'expires' of waiver of 'failover-target-decommissioned' must be a "
                        + "date YYYY-MM-DD, got '2026-13-01'"));
        assertThat(i.errors()).extracting(LoadErrorText::of).anySatisfy(m -> assertThat(m).contains("reason"));
    }

    @Test
    void aMistypedKindStillFails() {
        Path w = Fixtures.write(tmp, "w.yaml", "kind: waiver\nwaivers: []\n");
        Inspection i = on("2026-06-01").inspect(List.of(w.toString()));
        assertThat(i.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("unknown kind 'waiver': did you mean 'waivers'?"));
    }

    @Test
    void waiverRulesAreInTheCatalogue() {
        assertThat(RuleCatalog.standard().rule("waiver-expired")).isPresent();
        assertThat(RuleCatalog.standard().rule("waiver-unused")).isPresent();
    }

    private static final class LoadErrorText {
        static String of(dev.failscope.load.LoadError e) {
            return e.message();
        }
    }
}
