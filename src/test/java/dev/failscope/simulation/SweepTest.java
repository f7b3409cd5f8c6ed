package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SweepTest {
    @Test
    void threeZoneHealthySurvivesEverythingButItsRegion() {
        SweepResult r = Sweep.run(Fixtures.sample("three-zone-healthy"), new Sweep.Options(true, false));

        assertThat(r.singles()).hasSize(10 + 3 + 1 + 10);
        assertThat(r.singlePointsOfFailure()).extracting(SweepRow::label).containsExactly("region:us-east-1");
        assertThat(r.rows()).filteredOn(row -> !row.outage()).allMatch(row -> row.result() == Health.DEGRADED);
    }

    @Test
    void serversOnlyByDefaultAndPairsWithinClusters() {
        SweepResult r = Sweep.run(Fixtures.sample("catifyme"), new Sweep.Options(false, true));

        assertThat(r.singles()).extracting(SweepRow::label).containsExactly("db-legacy-2", "db-main-1", "db-replica-1");
        assertThat(r.pairs()).extracting(SweepRow::label).containsExactly("db-main-1 + db-replica-1");
        assertThat(r.singlePointsOfFailure()).extracting(SweepRow::label).containsExactly("db-main-1");
        assertThat(r.any(Health.DOWN)).isTrue();
    }

    @Test
    void catifymeFixedHasNoSinglePointOfFailureButItsPair() {
        SweepResult r = Sweep.run(Fixtures.sample("catifyme-fixed"), new Sweep.Options(true, true));

        assertThat(r.singlePointsOfFailure()).extracting(SweepRow::label).containsExactly("region:us-west-2");
        assertThat(r.pairs()).allMatch(SweepRow::outage);
    }

    @Test
    void aRowReusedForTheSameFailedServersIsTheRowItsOwnSimulationGives() {
        for (long seed = 1; seed <= 40; seed++) {
            var topology = RandomTopologies.generate(seed, 14, 4, 1).topology();
            Simulator simulator = new Simulator(topology);
            SweepResult swept = Sweep.run(topology, new Sweep.Options(true, true));

            assertThat(swept.rows()).as("seed %d", seed).allSatisfy(row ->
                    assertThat(row).isEqualTo(SweepRow.of(simulator.run(row.scenario()))));
        }
    }

    @Test
    void aHostHoldingOneServerIsSimulatedOnceAndReportedUnderItsOwnName() {
        SweepResult r = Sweep.run(Fixtures.sample("catifyme"), new Sweep.Options(true, false));

        SweepRow server = r.singles().stream().filter(row -> row.label().equals("db-main-1")).findFirst().orElseThrow();
        SweepRow host = r.singles().stream().filter(row -> row.label().equals("host:usw2a-r04-n12")).findFirst()
                .orElseThrow();
        assertThat(host.scenario()).isNotEqualTo(server.scenario());
        assertThat(host.pair()).isFalse();
        assertThat(host.result()).isEqualTo(server.result());
        assertThat(host.servicesDown()).isEqualTo(server.servicesDown());
    }
}
