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
}
