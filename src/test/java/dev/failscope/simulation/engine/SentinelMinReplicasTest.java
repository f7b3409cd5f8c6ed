package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master's {@code min-replicas-to-write} (replication.c {@code checkGoodReplicasStatus}): with fewer replicas
 * up than it asks for, the master refuses writes; the setting is the promoted replica's own after a failover.
 */
class SentinelMinReplicasTest {
    @TempDir
    Path tmp;

    private Lab lab(String masterSetting) {
        return Lab.copy("sentinel-zone", tmp).file("redis-1.conf", "port 6379\nreplica-announce-ip 10.0.1.1\n"
                + masterSetting);
    }

    @Test
    void theMasterRefusesWritesWhenFewerReplicasThanMinReplicasToWriteAreLeft() {
        Lab lab = lab("min-replicas-to-write 2\nmin-replicas-max-lag 10\n");
        JsonNode sim = lab.simulate("redis-2");
        JsonNode c = Lab.cluster(sim, "cache");
        assertThat(c.get("state").asText()).isEqualTo("writes-blocked");
        assertThat(c.get("primary").asText()).isEqualTo("redis-1");
        assertThat(sim.get("events").toString()).contains("min-replicas-to-write 2 and 1 replica(s) of redis-1 left: "
                + "it refuses writes with -NOREPLICAS (replication.c checkGoodReplicasStatus)");
        assertThat(lab.run("simulate", "--fail", "redis-2").out()).contains("redis-1.conf:3)");
    }

    @Test
    void enoughReplicasLeftKeepWrites() {
        assertThat(Lab.cluster(lab("min-replicas-to-write 1\n").simulate("redis-2"), "cache").get("state").asText())
                .isEqualTo("degraded");
    }

    @Test
    void minReplicasMaxLagZeroDisablesTheCheck() {
        JsonNode sim = lab("min-replicas-to-write 2\nmin-replicas-max-lag 0\n").simulate("redis-2");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("degraded");
    }

    @Test
    void afterAFailoverThePromotedReplicasOwnSettingApplies() {
        Lab lab = lab("min-replicas-to-write 2\n").edit("redis-2.conf", "replica-priority 100",
                "replica-priority 10\nmin-slaves-to-write 1");
        // redis-2 (priority 10) takes over; redis-3 is left as its replica: 1 of 1 needed
        assertThat(Lab.cluster(lab.simulate("redis-1"), "cache").get("state").asText()).isEqualTo("degraded");
        // redis-3 lost too: redis-2 has no replica left and refuses writes
        JsonNode sim = lab.simulate("redis-1", "redis-3");
        assertThat(Lab.cluster(sim, "cache").get("state").asText()).isEqualTo("writes-blocked");
        assertThat(Lab.cluster(sim, "cache").get("primary").asText()).isEqualTo("redis-2");
        assertThat(sim.get("events").toString()).contains("min-replicas-to-write 1 and 0 replica(s) of redis-2 left");
    }
}
