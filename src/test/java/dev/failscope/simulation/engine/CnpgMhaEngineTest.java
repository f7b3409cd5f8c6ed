package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudNativePG (a Cluster manifest) and MHA (app1.cnf), each by its manager's own code. */
class CnpgMhaEngineTest {
    @TempDir
    Path tmp;

    @Test
    void cnpgPromotesTheMostAdvancedInstanceSoEverySurvivorIsPossible() {
        JsonNode sim = Lab.copy("cnpg", tmp).simulate("pg-1");
        assertThat(Lab.possible(sim, "pg")).containsExactly("pg-2", "pg-3");
        JsonNode range = Lab.cluster(sim, "pg").get("rto_range_ms");
        assertThat(range.get("min").asLong()).isEqualTo(6000); // failoverDelay 5 s first
    }

    @Test
    void cnpgDataDurabilityRequiredBlocksWritesWithoutASynchronousStandby() {
        Lab lab = Lab.copy("cnpg", tmp);
        assertThat(Lab.cluster(lab.simulate("pg-2", "pg-3"), "pg").get("state").asText()).isEqualTo("writes-blocked");
        assertThat(lab.run("simulate", "--fail", "pg-2", "--fail", "pg-3").exit()).isEqualTo(1);
        lab.edit("cluster.yaml", "dataDurability: required", "dataDurability: preferred");
        assertThat(Lab.cluster(lab.simulate("pg-2", "pg-3"), "pg").get("state").asText()).isEqualTo("degraded");
    }

    @Test
    void cnpgFailoverQuorumBlocksPromotionWhenNoSurvivorIsSureToHoldTheLastCommit() {
        Lab lab = Lab.copy("cnpg", tmp).edit("cluster.yaml", "dataDurability: required",
                "dataDurability: preferred\n      failoverQuorum: true");
        // N = 2 candidates, W = 1: one healthy replica gives R + W = 2, not more than N
        JsonNode sim = lab.simulate("pg-1", "pg-2");
        assertThat(Lab.cluster(sim, "pg").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("failoverQuorum: R + W > N does not hold");
        assertThat(Lab.possible(lab.simulate("pg-1"), "pg")).containsExactly("pg-2", "pg-3");
    }

    @Test
    void mhaPrefersTheCandidateMasterAndNeverPromotesNoMaster() {
        Path first = tmp.resolve("first");
        first.toFile().mkdirs();
        JsonNode sim = Lab.copy("mha", first).simulate("db1");
        assertThat(Lab.cluster(sim, "app1").get("primary").asText()).isEqualTo("db2");
        Path other = tmp.resolve("without");
        other.toFile().mkdirs();
        JsonNode without = Lab.copy("mha", other).edit("app1.cnf", "candidate_master=1\n", "").simulate("db1");
        assertThat(Lab.possible(without, "app1")).containsExactly("db2", "db3");
    }

    @Test
    void mhaRefusesToFailOverWhileAnotherServerIsDownUnlessIgnoreFail() {
        Lab lab = Lab.copy("mha", tmp);
        JsonNode sim = lab.simulate("db1", "backup");
        assertThat(Lab.cluster(sim, "app1").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("is dead, but must be alive");
        lab.edit("app1.cnf", "no_master=1", "no_master=1\nignore_fail=1");
        assertThat(Lab.cluster(lab.simulate("db1", "backup"), "app1").get("primary").asText()).isEqualTo("db2");
    }

    @Test
    void mhaFailsOverOnceThenTheManagerHasExited() {
        JsonNode sim = Lab.copy("mha", tmp).simulate("db1", "db2@60s");
        assertThat(Lab.cluster(sim, "app1").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("last_failover_minute 480");
    }
}
