package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repmgrd's do_election (EnterpriseDB/repmgr repmgrd-physical.c) on repmgr.conf files: pg1 the primary (dc1),
 * pg2 (dc1, priority 50), pg3 (dc2, priority 100), and a witness in dc1; reconnect 4 x 5 s.
 */
class RepmgrEngineTest {
    @TempDir
    Path tmp;

    @Test
    void primaryLossMakesEveryEligibleStandbyPossibleSinceLsnComesFirst() {
        JsonNode sim = Lab.copy("repmgr", tmp).simulate("pg1");
        JsonNode c = Lab.cluster(sim, "repmgr");
        assertThat(c.get("state").asText()).isEqualTo("degraded");
        assertThat(c.get("primary").isNull()).isTrue();
        assertThat(Lab.possible(sim, "repmgr")).containsExactlyInAnyOrder("pg2", "pg3");
        assertThat(c.get("rto_range_ms").get("min").asLong()).isEqualTo(21000);
        assertThat(c.get("rto_range_ms").get("max").asLong()).isEqualTo(30000);
        assertThat(sim.get("events").toString()).contains("most advanced received LSN");
    }

    @Test
    void priorityZeroIsNeverPromoted() {
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg3.conf", "priority=100", "priority=0").simulate("pg1");
        assertThat(Lab.cluster(sim, "repmgr").get("primary").asText()).isEqualTo("pg2");
        assertThat(Lab.possible(sim, "repmgr")).containsExactly("pg2");
    }

    @Test
    void failoverManualIsNeverPromotedButCanStillBeElectedByItsSiblings() {
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg2.conf", "failover=automatic", "failover=manual")
                .simulate("pg1");
        assertThat(Lab.possible(sim, "repmgr")).containsExactly("pg3");
        // pg2 keeps priority 50: the siblings still compare it (only witness and priority <= 0 are skipped)
        assertThat(sim.get("events").toString()).contains("or nobody, if the siblings elect pg2");
    }

    @Test
    void failoverManualWithPriorityZeroLeavesTheOtherStandbyAlone() {
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg2.conf", "failover=automatic", "failover=manual")
                .edit("pg2.conf", "priority=50", "priority=0").simulate("pg1");
        assertThat(Lab.cluster(sim, "repmgr").get("primary").asText()).isEqualTo("pg3");
    }

    @Test
    void noVisibleNodeInThePrimaryLocationPromotesNobody() {
        // pg2 moves to dc2: losing pg1 and the witness leaves dc1 empty, though two of three siblings answer
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg2.conf", "location='dc1'", "location='dc2'")
                .simulate("pg1", "pg-witness");
        JsonNode c = Lab.cluster(sim, "repmgr");
        assertThat(c.get("state").asText()).isEqualTo("down");
        assertThat(Lab.possible(sim, "repmgr")).isEmpty();
        assertThat(sim.get("events").toString()).contains("no node from the primary location 'dc1' visible");
    }

    @Test
    void theWitnessInThePrimaryLocationKeepsFailoverGoing() {
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg2.conf", "location='dc1'", "location='dc2'")
                .simulate("pg1");
        assertThat(Lab.cluster(sim, "repmgr").get("state").asText()).isEqualTo("degraded");
        assertThat(Lab.possible(sim, "repmgr")).containsExactlyInAnyOrder("pg2", "pg3");
    }

    @Test
    void withoutAMajorityOfSiblingsNobodyIsPromoted() {
        // pg2 and pg3 in dc1: losing pg1, pg2 and the witness leaves pg3, 1 of 3 siblings
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg3.conf", "location='dc2'", "location='dc1'")
                .simulate("pg1", "pg2", "pg-witness");
        assertThat(Lab.cluster(sim, "repmgr").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("unable to reach a qualified majority of nodes");
    }

    @Test
    void aCascadedStandbyIsNotEligible() {
        JsonNode sim = Lab.copy("repmgr", tmp).edit("pg3.conf", "location='dc2'", "location='dc2'\nupstream_node_id=2")
                .simulate("pg1");
        assertThat(Lab.cluster(sim, "repmgr").get("primary").asText()).isEqualTo("pg2");
        assertThat(Lab.possible(sim, "repmgr")).containsExactly("pg2");
    }

    @Test
    void deadStandbysCostNoAttemptTimeout() {
        JsonNode sim = Lab.copy("repmgr", tmp).simulate("pg1", "pg3");
        JsonNode c = Lab.cluster(sim, "repmgr");
        assertThat(c.get("primary").asText()).isEqualTo("pg2");
        assertThat(c.get("rto_ms").asLong()).isEqualTo(22000);
    }
}
