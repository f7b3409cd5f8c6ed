package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failscope.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patroni's algorithm, from Patroni member YAML as Patroni reads it (ha.py, tags.py, config.py). */
class PatroniEngineTest {
    static final String V302 = "--manager-version=patroni@3.0.2";

    @TempDir
    Path tmp;

    private Path sub(String name) {
        try {
            return java.nio.file.Files.createDirectory(tmp.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Lab lab() {
        return Lab.copy("patroni-etcd", tmp);
    }

    @Test
    void theMostAdvancedReplicaWinsSoEverySurvivorIsPossibleAndTheRtoFollowsTtl() {
        JsonNode sim = lab().simulate("pg-1", V302);
        JsonNode c = Lab.cluster(sim, "lab");
        assertThat(c.get("state").asText()).isEqualTo("degraded");
        assertThat(c.get("primary").isNull()).isTrue();
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-2", "pg-3");
        // ttl 10, loop_wait 2: key expiry 8-10 s after the kill, plus loop_wait and promotion (measured 8.8-10.6 s)
        assertThat(c.get("rto_range_ms").get("min").asLong()).isEqualTo(8000);
        assertThat(c.get("rto_range_ms").get("max").asLong()).isEqualTo(13000);
        assertThat(sim.get("events").toString()).contains("whichever has replayed more WAL");
    }

    @Test
    void nofailoverIsPythonTruthinessSoTheQuotedStringFalseNeverPromotes() {
        JsonNode sim = lab().edit("pg-2.yml", "nofailover: false", "nofailover: \"false\"").simulate("pg-1", V302);
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(Lab.cluster(sim, "lab").get("primary").asText()).isEqualTo("pg-3");
    }

    @Test
    void aBooleanNofailoverFalseWinsOverFailoverPriorityZero() {
        JsonNode sim = lab().edit("pg-2.yml", "nofailover: false", "nofailover: false\n  failover_priority: 0")
                .simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-2", "pg-3");
    }

    @Test
    void failoverPriorityZeroExcludesFromPatroni31ButIsIgnoredBy302WithAWarning() {
        Lab lab = lab().edit("pg-2.yml", "  nofailover: false\n", "  failover_priority: 0\n");
        assertThat(Lab.possible(lab.simulate("pg-1"), "lab")).containsExactly("pg-3");
        assertThat(Lab.possible(lab.simulate("pg-1", V302), "lab")).containsExactly("pg-2", "pg-3");
        Cli check = lab.run("check", V302);
        assertThat(check.out()).contains("pg-2.yml:22:22: warning: failover_priority 0 of member 'pg-2' is ignored by "
                + "Patroni 3.0.2: it arrived in Patroni 3.1").contains("[manager-setting-ignored]");
    }

    @Test
    void ttlBelowTwentyIsRaisedFromPatroni32AndHonouredBy302() {
        Lab lab = lab();
        assertThat(Lab.cluster(lab.simulate("pg-1"), "lab").get("rto_range_ms").get("min").asLong())
                .isEqualTo(18000);
        assertThat(lab.run("check").out()).contains("pg-1.yml:14:10: warning: ttl 10 is raised to 20");
        assertThat(lab.run("check", V302).out()).doesNotContain("ttl 10 is raised");
    }

    @Test
    void synchronousModeTheOnlySyncStandbyLostWithThePrimaryPromotesNothing() {
        Lab lab = lab().edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    synchronous_mode: true\n")
                .edit("pg-3.yml", "nofailover: false", "nosync: true");
        JsonNode sim = lab.simulate("pg-1", "pg-2", V302);
        assertThat(Lab.cluster(sim, "lab").get("state").asText()).isEqualTo("down");
        assertThat(Lab.possible(sim, "lab")).isEmpty();
        assertThat(sim.get("events").toString()).contains("only a member in /sync may take the leader lock");
    }

    @Test
    void synchronousModeWithTwoCandidatesForOneSyncSlotIsASplitVerdictCountedAsItsWorst() {
        Lab lab = lab().edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    synchronous_mode: true\n");
        JsonNode sim = lab.simulate("pg-1", "pg-2", V302);
        assertThat(Lab.cluster(sim, "lab").get("state").asText()).isEqualTo("down");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(lab.run("simulate", "--fail", "pg-1", "--fail", "pg-2", V302).exit()).isEqualTo(1);
    }

    @Test
    void strictSynchronousModeWithoutAStandbyBlocksWrites() {
        Lab lab = lab().edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    synchronous_mode: true\n"
                + "    synchronous_mode_strict: true\n");
        JsonNode sim = lab.simulate("pg-2", "pg-3", V302);
        JsonNode c = Lab.cluster(sim, "lab");
        assertThat(c.get("state").asText()).isEqualTo("writes-blocked");
        assertThat(c.get("primary").asText()).isEqualTo("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-1");
        assertThat(lab.run("sweep", "--pairs", V302).out()).contains("pg-2 + pg-3  OUTAGE");
        // without strict, Patroni drops to asynchronous commits: writes go on
        JsonNode relaxed = Lab.copy("patroni-etcd", sub("relaxed")).simulate("pg-2", "pg-3", V302);
        assertThat(Lab.cluster(relaxed, "lab").get("state").asText()).isEqualTo("degraded");
    }

    @Test
    void strictSynchronousModeKeepsWritesWhileANosyncStandbyStreams() {
        // reality lab row P8: Patroni 3.0.2 sets synchronous_standby_names to '*' when no sync candidate is left
        // (ha.py process_sync_replication), so the surviving nosync replica acknowledges commits
        Lab lab = lab().edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    synchronous_mode: true\n"
                + "    synchronous_mode_strict: true\n").edit("pg-3.yml", "  nofailover: false\n",
                "  nofailover: false\n  nosync: true\n");
        JsonNode c = Lab.cluster(lab.simulate("pg-2", V302), "lab");
        assertThat(c.get("state").asText()).isNotEqualTo("writes-blocked");
        assertThat(c.get("primary").asText()).isEqualTo("pg-1");
    }

    @Test
    void losingTheDcsMajorityDemotesThePrimaryEvenWithoutADatabaseInTheZone() {
        Lab lab = lab().edit("inventory.yaml", "{name: etcd-1, address: \"10.0.1.9:2379\", zone: zone-a}",
                "{name: etcd-1, address: \"10.0.1.9:2379\", zone: zone-b}").edit("inventory.yaml",
                "{name: etcd-2, address: \"10.0.1.8:2379\", zone: zone-a}",
                "{name: etcd-2, address: \"10.0.1.8:2379\", zone: zone-b}");
        JsonNode sim = lab.simulate("zone:zone-b", V302);
        assertThat(Lab.cluster(sim, "lab").get("state").asText()).isEqualTo("down");
        assertThat(sim.get("events").toString()).contains("pg-1 demotes itself");
        Cli sweep = lab.run("sweep", "--domains", V302);
        assertThat(sweep.exit()).isEqualTo(1);
        assertThat(sweep.out()).contains("zone:zone-b  OUTAGE");
        assertThat(lab.run("check").out()).contains("[dcs-quorum]");
    }

    @Test
    void failsafeModeKeepsThePrimaryWhileEveryMemberAnswers() {
        Lab lab = lab().edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    failsafe_mode: true\n");
        JsonNode sim = lab.simulate("etcd-1", "etcd-2", V302);
        assertThat(Lab.cluster(sim, "lab").get("state").asText()).isEqualTo("degraded");
        assertThat(Lab.cluster(sim, "lab").get("primary").asText()).isEqualTo("pg-1");
        JsonNode off = Lab.copy("patroni-etcd", sub("off")).simulate("etcd-1", "etcd-2", V302);
        assertThat(Lab.cluster(off, "lab").get("state").asText()).isEqualTo("down");
    }

    @Test
    void deadCandidatesRaceInParallelWithoutAnAttemptTimeout() {
        JsonNode sim = lab().simulate("pg-1", "pg-2", V302);
        JsonNode c = Lab.cluster(sim, "lab");
        assertThat(c.get("primary").asText()).isEqualTo("pg-3");
        assertThat(c.get("rto_ms").asLong()).isEqualTo(10000);
        assertThat(c.get("rto_range_ms").get("max").asLong()).isEqualTo(15000); // + 2 s REST timeout of pg-2
    }

    @Test
    void quorumCommitPromotesWhileQuorumPlusOneVotersAnswer() {
        // three members, synchronous_node_count 1: voters pg-2 and pg-3, numsync 1, quorum 2 - 1 = 1
        Lab lab = lab().edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    synchronous_mode: quorum\n");
        JsonNode sim = lab.simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-2", "pg-3");
        // pg-2 dies with the leader: pg-3 has only its own vote, fewer than quorum 1 + 1 voters up
        JsonNode both = lab.simulate("pg-1", "pg-2");
        assertThat(Lab.cluster(both, "lab").get("state").asText()).isEqualTo("down");
        assertThat(both.get("events").toString()).contains("synchronous_mode: quorum: 1 of the 2 voters in /sync "
                + "(pg-2, pg-3) up, and a member needs quorum 1 votes");
        // a voter dead well before the leader was dropped from /sync: the quorum shrinks with it
        JsonNode earlier = lab.simulate("pg-2", "pg-1@60s");
        assertThat(Lab.possible(earlier, "lab")).containsExactly("pg-3");
        // synchronous_node_count 2: numsync 2, quorum 0, any survivor may promote
        JsonNode two = lab.edit("pg-1.yml", "    synchronous_mode: quorum\n",
                "    synchronous_mode: quorum\n    synchronous_node_count: 2\n").simulate("pg-1", "pg-2");
        assertThat(Lab.possible(two, "lab")).containsExactly("pg-3");
    }
}
