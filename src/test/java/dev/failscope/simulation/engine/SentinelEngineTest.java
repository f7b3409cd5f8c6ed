package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failscope.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis Sentinel's algorithm, from sentinel.conf + redis.conf as Sentinel reads them (sentinel.c). */
class SentinelEngineTest {
    @TempDir
    Path tmp;

    @Test
    void equalPriorityIsDecidedByOffsetAtRunTimeSoBothReplicasArePossible() {
        JsonNode sim = Lab.copy("sentinel-zone", tmp).simulate("redis-1");
        JsonNode c = Lab.cluster(sim, "cache");
        assertThat(c.get("state").asText()).isEqualTo("degraded");
        assertThat(c.get("primary").isNull()).isTrue();
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-2", "redis-3");
        assertThat(c.get("rto_range_ms").get("min").asLong()).isEqualTo(2500);
        assertThat(c.get("rto_range_ms").get("max").asLong()).isEqualTo(5000);
    }

    @Test
    void lowerReplicaPriorityWins() {
        JsonNode sim = Lab.copy("sentinel-zone", tmp).edit("redis-3.conf", "replica-priority 100",
                "replica-priority 10").simulate("redis-1");
        assertThat(Lab.cluster(sim, "cache").get("primary").asText()).isEqualTo("redis-3");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-3");
    }

    @Test
    void replicaPriorityZeroEverywherePromotesNothing() {
        JsonNode sim = Lab.copy("sentinel-zone", tmp).edit("redis-2.conf", "replica-priority 100",
                "replica-priority 0").edit("redis-3.conf", "replica-priority 100", "replica-priority 0")
                .simulate("redis-1");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("down");
        assertThat(Lab.possible(sim, "cache")).isEmpty();
    }

    @Test
    void zoneWithTwoOfThreeSentinelsAndTheMasterNeverReachesOdown() {
        Lab lab = Lab.copy("sentinel-zone", tmp);
        JsonNode sim = lab.simulate("zone:zone-a");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("1 of 3 sentinels left, fewer than quorum 2");
        Cli sweep = lab.run("sweep", "--domains");
        assertThat(sweep.exit()).isEqualTo(1);
        assertThat(sweep.out()).contains("zone:zone-a  OUTAGE    clusters down: cache");
    }

    @Test
    void sentinelsSpreadOverZonesSurviveTheZone() {
        Lab lab = Lab.copy("sentinel-zone", tmp).edit("inventory.yaml",
                "{name: sentinel-2, address: \"10.0.1.8:26379\", zone: zone-a}",
                "{name: sentinel-2, address: \"10.0.1.8:26379\", zone: zone-b}");
        JsonNode sim = lab.simulate("zone:zone-a");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("degraded");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-2", "redis-3");
        assertThat(lab.run("sweep", "--domains").exit()).isZero();
    }

    @Test
    void majorityIsNeededBesidesTheQuorum() {
        // five sentinels, quorum 2: losing three leaves two (the quorum) but not the majority of three
        Lab lab = Lab.copy("sentinel-zone", tmp)
                .edit("sentinel.conf", "sentinel known-sentinel cache 10.0.3.9 26379",
                        "sentinel known-sentinel cache 10.0.1.7 26379 4444444444444444444444444444444444444444\n"
                                + "sentinel known-sentinel cache 10.0.2.9 26379 5555555555555555555555555555555555555555\n"
                                + "sentinel known-sentinel cache 10.0.3.9 26379")
                .edit("inventory.yaml", "  - {name: sentinel-3", "  - {name: sentinel-4, address: \"10.0.1.7:26379\", "
                        + "zone: zone-a}\n  - {name: sentinel-5, address: \"10.0.2.9:26379\", zone: zone-b}\n"
                        + "  - {name: sentinel-3");
        JsonNode sim = lab.simulate("zone:zone-a");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("2 of 5 sentinels left, fewer than the majority 3");
    }

    @Test
    void quorumAboveTheSentinelsNeverFailsOver() {
        JsonNode sim = Lab.copy("sentinel-zone", tmp).edit("sentinel.conf", "sentinel monitor cache 10.0.1.1 6379 2",
                "sentinel monitor cache 10.0.1.1 6379 4").simulate("redis-1");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("quorum 4 exceeds the 3 known sentinels");
    }

    @Test
    void aCascadingReplicaIsNeverPromoted() {
        JsonNode sim = Lab.copy("sentinel-zone", tmp).edit("redis-3.conf", "replicaof 10.0.1.1 6379",
                "replicaof 10.0.2.1 6379").edit("sentinel.conf", "sentinel known-replica cache 10.0.3.1 6379\n", "")
                .simulate("redis-1");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-2");
    }

    @Test
    void deadReplicasCostNoAttemptTimeout() {
        // one pass over the replicas: losing redis-2 with the master still promotes redis-3 at down-after + vote
        JsonNode sim = Lab.copy("sentinel-zone", tmp).simulate("redis-1", "redis-2");
        JsonNode c = Lab.cluster(sim, "cache");
        assertThat(c.get("primary").asText()).isEqualTo("redis-3");
        assertThat(c.get("rto_ms").asLong()).isEqualTo(3000);
    }
}
