package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failscope.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observed state ({@code observed:} in an inventory, what {@code failscope snapshot} writes) decides the winner
 * where the manager's own rule does, and leaves the possibilities open, naming the missing observation, where
 * it does not.
 */
class ObservedSelectionTest {
    @TempDir
    Path tmp;
    private int labs;

    private Path sub() {
        try {
            return Files.createDirectory(tmp.resolve("lab-" + labs++));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The Patroni lab's inventory with an observed line per member (null: none). */
    private Lab patroni(String pg1, String pg2, String pg3) {
        return Lab.copy("patroni-etcd", sub()).file("inventory.yaml", "kind: inventory\nservers:\n"
                + server("pg-1", "10.0.1.1:5432", "zone-a", pg1) + server("pg-2", "10.0.2.1:5432", "zone-b", pg2)
                + server("pg-3", "10.0.3.1:5432", "zone-c", pg3)
                + "  - {name: etcd-1, address: \"10.0.1.9:2379\", zone: zone-a}\n"
                + "  - {name: etcd-2, address: \"10.0.1.8:2379\", zone: zone-a}\n"
                + "  - {name: etcd-3, address: \"10.0.3.9:2379\", zone: zone-c}\n");
    }

    private Lab sentinel(String r1, String r2, String r3) {
        return Lab.copy("sentinel-zone", sub()).file("inventory.yaml", "kind: inventory\nservers:\n"
                + server("redis-1", "10.0.1.1:6379", "zone-a", r1) + server("redis-2", "10.0.2.1:6379", "zone-b", r2)
                + server("redis-3", "10.0.3.1:6379", "zone-c", r3)
                + "  - {name: sentinel-1, address: \"10.0.1.9:26379\", zone: zone-a}\n"
                + "  - {name: sentinel-2, address: \"10.0.1.8:26379\", zone: zone-a}\n"
                + "  - {name: sentinel-3, address: \"10.0.3.9:26379\", zone: zone-c}\n");
    }

    static String server(String name, String address, String zone, String observed) {
        return "  - name: " + name + "\n    address: \"" + address + "\"\n    zone: " + zone + "\n"
                + (observed == null ? "" : "    observed: {" + observed + "}\n");
    }

    private static String events(JsonNode sim) {
        return sim.get("events").toString();
    }

    // ---- Patroni ----

    @Test
    void patroniTheReplicaWithTheHigherObservedLsnIsTheOneWinnerWithThePositionsInTheReason() {
        Lab lab = patroni("role: leader, lsn: 0/3000148", "role: replica, lsn: 0/3000148",
                "role: replica, lsn: 0/3000060");
        JsonNode sim = lab.simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-2");
        assertThat(Lab.cluster(sim, "lab").get("primary").asText()).isEqualTo("pg-2");
        String inv = lab.path() + "/inventory.yaml";
        assertThat(events(sim)).contains("pg-2 wins: pg-2's lsn 0/3000148 (" + inv + ":10) is ahead of pg-3's "
                + "0/3000060 (" + inv + ":14) (ha.py _is_healthiest_node)");
        Cli text = lab.run("simulate", "--fail", "pg-1");
        assertThat(text.out()).contains("pg-2 promoted to primary of lab, pg-2 wins:");
    }

    @Test
    void patroniAMissingLsnKeepsEveryCandidateAndNamesTheObservationThatWouldDecide() {
        Lab lab = patroni("role: leader, lsn: 0/3000148", "role: replica, lsn: 0/3000148", "role: replica");
        JsonNode sim = lab.simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-2", "pg-3");
        assertThat(events(sim)).contains("no observed lsn of pg-3: an observed lsn of pg-3 would decide (pg-2: "
                + "0/3000148 (" + lab.path() + "/inventory.yaml:10))");
    }

    @Test
    void patroniWithoutAnyObservationSaysWhatItSaidBefore() {
        JsonNode sim = Lab.copy("patroni-etcd", sub()).simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-2", "pg-3");
        assertThat(events(sim)).contains("whichever has replayed more WAL").doesNotContain("observed");
    }

    @Test
    void patroniEqualLsnsAreARaceUnlessFailoverPriorityBreaksTheTieFrom31() {
        String same = "role: replica, lsn: 0/5000000";
        JsonNode race = patroni("role: leader, lsn: 0/5000000", same, same).simulate("pg-1", PatroniEngineTest.V302);
        assertThat(Lab.possible(race, "lab")).containsExactly("pg-2", "pg-3");
        assertThat(events(race)).contains("the members race for the leader key");
        Lab tagged = patroni("role: leader, lsn: 0/5000000", same, same).edit("pg-3.yml", "nofailover: false",
                "failover_priority: 5");
        JsonNode sim = tagged.simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(events(sim)).contains("pg-3's failover_priority 5 (" + tagged.path() + "/pg-3.yml:22) is above "
                + "pg-2's 1 (default)");
        // 3.0.2 has no failover_priority: the same files are a race
        assertThat(Lab.possible(tagged.simulate("pg-1", PatroniEngineTest.V302), "lab")).containsExactly("pg-2",
                "pg-3");
    }

    @Test
    void patroniAReplicaLaggingPastMaximumLagOnFailoverBehindTheLeadersLastLsnIsOut() {
        // 0/3000000 - 0/1000000 = 32 MiB behind, over maximum_lag_on_failover 1 MiB: pg-2 disqualifies itself
        Lab lab = patroni("role: leader, lsn: 0/3000000", "role: replica, lsn: 0/1000000", "role: replica");
        JsonNode sim = lab.simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(events(sim)).contains("pg-2 is out: lsn 0/1000000 (" + lab.path() + "/inventory.yaml:10) is "
                + "33554432 bytes behind pg-1's last 0/3000000", "over maximum_lag_on_failover 1048576 (ha.py "
                + "is_lagging)");
    }

    @Test
    void patroniObservedLagBytesCountWhenTheLeadersLsnIsUnknown() {
        JsonNode sim = patroni("role: leader", "lag-bytes: 2000000", "lag-bytes: 2500000").simulate("pg-1");
        assertThat(Lab.cluster(sim, "lab").get("state").asText()).isEqualTo("down");
        assertThat(events(sim)).contains("pg-2 is out: lag-bytes 2000000", "pg-3 is out: lag-bytes 2500000",
                "no member may take the leader lock");
    }

    @Test
    void patroniCheckTimelineDropsAMemberOnAnOlderObservedTimeline() {
        String obs = "role: replica, lsn: 0/5000000, timeline: ";
        Lab lab = patroni("role: leader, lsn: 0/5000000, timeline: 3", obs + "2", obs + "3");
        assertThat(Lab.possible(lab.simulate("pg-1"), "lab")).containsExactly("pg-2", "pg-3");
        lab.edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    check_timeline: true\n");
        JsonNode sim = lab.simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(events(sim)).contains("pg-2 is out: timeline 2 (", "is behind pg-1's 3 (");
    }

    @Test
    void patroniAMemberObservedDownIsNotACandidate() {
        JsonNode sim = patroni("role: leader", "state: stopped", "state: streaming").simulate("pg-1");
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(events(sim)).contains("pg-3 wins: pg-2 is out: observed stopped");
    }

    @Test
    void patroniSynchronousModeTheObservedSyncStandbyAloneMayWinWithNoSplitVerdict() {
        // synchronous_node_count 1 of two candidates: without observations which one is in /sync is run time
        Lab lab = patroni("role: leader", "role: replica, sync: async", "role: sync_standby, sync: sync")
                .edit("pg-1.yml", "    ttl: 10\n", "    ttl: 10\n    synchronous_mode: true\n");
        JsonNode sim = lab.simulate("pg-1", PatroniEngineTest.V302);
        assertThat(Lab.possible(sim, "lab")).containsExactly("pg-3");
        assertThat(Lab.cluster(sim, "lab").get("state").asText()).isEqualTo("degraded");
        JsonNode both = lab.simulate("pg-1", "pg-3", PatroniEngineTest.V302);
        assertThat(Lab.cluster(both, "lab").get("state").asText()).isEqualTo("down");
        assertThat(events(both)).contains("as observed");
    }

    @Test
    void patroniObservationsApplyToTheFirstFailoverOnly() {
        Lab lab = patroni("role: leader, lsn: 0/3000148", "role: replica, lsn: 0/3000148",
                "role: replica, lsn: 0/3000060");
        JsonNode sim = lab.simulate("pg-1", "pg-2@60s");
        assertThat(Lab.cluster(sim, "lab").get("primary").asText()).isEqualTo("pg-3");
        assertThat(events(sim)).contains("pg-2 wins");
    }

    // ---- Sentinel ----

    @Test
    void sentinelTheBiggerObservedOffsetWinsAmongEqualPriorities() {
        Lab lab = sentinel("role: master, offset: 5000", "role: slave, offset: 4900", "role: slave, offset: 5000");
        JsonNode sim = lab.simulate("redis-1");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-3");
        assertThat(events(sim)).contains("redis-3 wins: redis-3's offset 5000 (" + lab.path()
                + "/inventory.yaml:14) is ahead of redis-2's 4900");
    }

    @Test
    void sentinelTheLivePriorityBeatsTheConfiguredOneAndZeroExcludes() {
        // both redis-N.conf say replica-priority 100; the live servers were changed with CONFIG SET
        JsonNode sim = sentinel("role: master", "role: slave, priority: 100", "role: slave, priority: 10")
                .simulate("redis-1");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-3");
        assertThat(events(sim)).contains("redis-3's replica-priority 10", "is below redis-2's 100");
    }

    @Test
    void sentinelEqualOffsetsLeaveTheRunIdWhichNoSnapshotHolds() {
        JsonNode sim = sentinel("role: master", "offset: 700", "offset: 700").simulate("redis-1");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-2", "redis-3");
        assertThat(events(sim)).contains("the lexicographically smaller run id wins, and no snapshot holds run ids");
    }

    @Test
    void sentinelObservedPriorityZeroIsSkipped() {
        JsonNode sim = sentinel("role: master", "priority: 0", "offset: 1").simulate("redis-1");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-3");
        assertThat(events(sim)).contains("redis-2 is out: observed replica-priority 0");
    }

    @Test
    void sentinelAMissingOffsetKeepsBoth() {
        JsonNode sim = sentinel("role: master", "offset: 700", null).simulate("redis-1");
        assertThat(Lab.possible(sim, "cache")).containsExactly("redis-2", "redis-3");
        assertThat(events(sim)).contains("an observed offset of redis-3 would decide");
    }

    /** An inventory of just the observed servers (name and observed line). */
    private static String inventory(String... nameAndObserved) {
        StringBuilder b = new StringBuilder("kind: inventory\nservers:\n");
        for (int i = 0; i < nameAndObserved.length; i += 2) {
            b.append("  - name: ").append(nameAndObserved[i]).append("\n    observed: {").append(nameAndObserved[i + 1])
                    .append("}\n");
        }
        return b.toString();
    }

    // ---- CloudNativePG ----

    @Test
    void cnpgTheMostAdvancedReceivedLsnWinsAndAnEqualOneStaysOpen() {
        Lab lab = Lab.copy("cnpg", sub()).file("inventory.yaml", inventory("pg-1", "role: primary, lsn: 0/9000000",
                "pg-2", "lsn: 0/8FFFF00", "pg-3", "lsn: 0/9000000"));
        JsonNode sim = lab.simulate("pg-1");
        assertThat(Lab.possible(sim, "pg")).containsExactly("pg-3");
        assertThat(events(sim)).contains("pg-3 wins: pg-3's lsn 0/9000000", "is ahead of pg-2's 0/8FFFF00",
                "pkg/postgres/status.go PostgresqlStatusList.Less");
        JsonNode tie = Lab.copy("cnpg", sub()).file("inventory.yaml", inventory("pg-2", "lsn: 0/9000000", "pg-3",
                "lsn: 0/9000000")).simulate("pg-1");
        assertThat(Lab.possible(tie, "pg")).containsExactly("pg-2", "pg-3");
        assertThat(events(tie)).contains("the replay LSN (not observed), then the pod name, decide");
    }

    // ---- repmgr ----

    @Test
    void repmgrTheLsnDecidesBeforeThePriority() {
        // pg3 has priority 100, pg2 50: without positions either may win; pg2 ahead wins despite its priority
        Lab lab = Lab.copy("repmgr", sub()).file("inventory.yaml", inventory("pg2", "lsn: 1/0", "pg3",
                "lsn: 0/FF000000"));
        JsonNode sim = lab.simulate("pg1");
        assertThat(Lab.possible(sim, "repmgr")).containsExactly("pg2");
        assertThat(events(sim)).contains("pg2 wins: pg2's lsn 1/0", "repmgrd-physical.c do_election");
    }

    @Test
    void repmgrAnEqualLsnFallsToTheConfiguredPriorityWithItsPosition() {
        Lab lab = Lab.copy("repmgr", sub()).file("inventory.yaml", inventory("pg2", "lsn: 0/500", "pg3", "lsn: 0/500"));
        JsonNode sim = lab.simulate("pg1");
        assertThat(Lab.possible(sim, "repmgr")).containsExactly("pg3");
        assertThat(events(sim)).contains("pg3's priority 100 (" + lab.path() + "/pg3.conf:7) is above pg2's 50");
    }

    @Test
    void repmgrOnePositionMissingKeepsBoth() {
        JsonNode sim = Lab.copy("repmgr", sub()).file("inventory.yaml", inventory("pg2", "lsn: 0/500", "pg3",
                "role: replica")).simulate("pg1");
        assertThat(Lab.possible(sim, "repmgr")).containsExactlyInAnyOrder("pg2", "pg3");
        assertThat(events(sim)).contains("an observed lsn of pg3 would decide");
    }

    // ---- MHA ----

    @Test
    void mhaObservationsCannotRankSlavesButASlaveSeenDownIsOut() {
        Lab lab = Lab.copy("mha", sub()).edit("app1.cnf", "candidate_master=1\n", "")
                .file("inventory.yaml", inventory("db2", "state: unreachable", "db3", "state: running"));
        JsonNode sim = lab.simulate("db1");
        assertThat(Lab.possible(sim, "app1")).containsExactly("db3");
        assertThat(events(sim)).contains("db3 wins: db2 is out: observed unreachable");
        JsonNode open = Lab.copy("mha", sub()).edit("app1.cnf", "candidate_master=1\n", "")
                .file("inventory.yaml", inventory("db2", "offset: 5", "db3", "offset: 9")).simulate("db1");
        assertThat(Lab.possible(open, "app1")).containsExactly("db2", "db3");
        assertThat(events(open)).contains("the observations hold no relay log position");
    }

    // ---- native ----

    @Test
    void theNativeOrderIsNotChangedByPositions() {
        JsonNode sim = Lab.copy("patroni-etcd", sub()).file("t.yaml", "kind: inventory\nservers:\n"
                + server("a", "10.0.0.1:1", "z1", "lsn: 0/1") + server("b", "10.0.0.2:1", "z2", "lsn: 0/9")
                + server("c", "10.0.0.3:1", "z3", "lsn: 0/1")
                + "---\nkind: cluster\nname: n\nprimary: a\nreplicas: [{server: b}, {server: c}]\n"
                + "---\nkind: failover\ncluster: n\ncandidates: [c, b]\n").simulate("a");
        assertThat(Lab.cluster(sim, "n").get("primary").asText()).isEqualTo("c");
    }

    @Test
    void sweepNamesTheObservedWinnerAlsoOnARowItReuses() {
        // zone-a holds pg-1 alone: the sweep reuses pg-1's row for it
        Cli sweep = Cli.run("sweep", "docs/examples/observed/snapshot.yaml", "--domains");
        assertThat(sweep.out()).contains("pg-1         degraded  clusters degraded: lab; RTO 26s; promoted in lab: pg-2",
                "zone:zone-a  degraded  clusters degraded: lab; RTO 26s; promoted in lab: pg-2");
        Cli json = Cli.run("sweep", "docs/examples/observed/snapshot.yaml", "--format", "json");
        assertThat(json.out()).contains("\"promoted\": {\n        \"lab\": [\n          \"pg-2\"\n        ]");
    }
}
