package dev.failscope.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureScenarioTest {
    private final SimulationIndex index = SimulationIndex.of(Fixtures.sample("three-zone-healthy"));

    @Test
    void parsesServersDomainsAndTimes() {
        ScenarioParse p = index.parse(List.of("pg-orders-1", "zone:us-east-1b", "region:us-east-1@2m",
                "host:use1c-r02-n04@90s", "server:pg-orders-2"));

        assertThat(p.errors()).isEmpty();
        assertThat(p.scenario().targets()).containsExactly(
                FailureTarget.server("pg-orders-1"),
                FailureTarget.of(FailureTarget.Kind.ZONE, "us-east-1b"),
                new FailureTarget(FailureTarget.Kind.REGION, "us-east-1", Duration.ofMinutes(2)),
                new FailureTarget(FailureTarget.Kind.HOST, "use1c-r02-n04", Duration.ofSeconds(90)),
                FailureTarget.server("pg-orders-2"));
        assertThat(p.scenario().targets().get(2).label()).isEqualTo("region:us-east-1@120s");
    }

    @Test
    void aTargetThatNamesNothingSuggestsTheClosestName() {
        assertThat(index.parse(List.of("pg-order-1")).errors()).containsExactly(
                "unknown failure target 'pg-order-1': no server, zone, region or host is named 'pg-order-1'; "
                        + "did you mean 'pg-orders-1'?");
        assertThat(index.parse(List.of("zone:us-east-1x")).errors()).containsExactly(
                "unknown failure target 'zone:us-east-1x': no server is in zone 'us-east-1x'; "
                        + "did you mean 'zone:us-east-1a'?");
        assertThat(index.parse(List.of("us-east-1b")).errors()).containsExactly(
                "unknown failure target 'us-east-1b': no server, zone, region or host is named 'us-east-1b'; "
                        + "did you mean 'zone:us-east-1b'?");
        assertThat(index.parse(List.of("nothing-like-it-at-all")).errors()).containsExactly(
                "unknown failure target 'nothing-like-it-at-all': no server, zone, region or host is named "
                        + "'nothing-like-it-at-all'; --fail takes " + FailureTarget.ACCEPTED_FORMS);
    }

    @Test
    void malformedTargetsAreErrors() {
        // a colon after an unknown prefix is part of a server name (127.0.0.1:6379): the error lists the forms
        assertThat(index.parse(List.of("rack:r1")).errors()).containsExactly(
                "unknown failure target 'rack:r1': no server, zone, region or host is named 'rack:r1'; --fail takes "
                        + "a server name as reports print it (db-2, 127.0.0.1:6379), server:NAME, zone:NAME, "
                        + "region:NAME or host:NAME, each optionally followed by @TIME (db-2@90s)");
        assertThat(index.parse(List.of("pg-orders-1@soon")).errors()).containsExactly(
                "bad failure time in 'pg-orders-1@soon': expected a duration such as 30s, 90s, 5m");
        assertThat(index.parse(List.of("zone:")).errors()).containsExactly("empty failure target 'zone:'");
    }

    @Test
    void aServerNamedByTwoTargetsFailsAtTheEarliest() {
        ScenarioParse p = index.parse(List.of("pg-orders-1@60s", "zone:us-east-1a@10s"));
        assertThat(index.failures(p.scenario()).get("pg-orders-1").at()).isEqualTo(Duration.ofSeconds(10));
    }
}
