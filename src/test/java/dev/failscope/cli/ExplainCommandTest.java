package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.support.Cli;
import dev.failscope.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code failscope explain}: each candidate's verdict, reason and deciding position, in text and JSON. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void theIncidentSampleNamesTheDecommissionedLineAndExits1() {
        Cli.Run run = Cli.run("explain", "catify-main", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                cluster catify-main, primary db-main-1, failover policy at sample-topologies/catifyme/failover.yaml:3:10
                  #1 db-legacy-2  not viable: decommissioned [failover-target-decommissioned]  (sample-topologies/catifyme/inventory.yaml:26:13)
                first viable candidate: none; losing db-main-1 is an outage
                """);
    }

    @Test
    void theFixedSampleHasAViableReplicaAndExits0() {
        Cli.Run run = Cli.run("explain", "catify-main", "sample-topologies/catifyme-fixed");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("  #1 db-replica-1  viable: active replica  "
                + "(sample-topologies/catifyme-fixed/clusters.yaml:8:13)\n").endsWith("first viable candidate: #1 db-replica-1\n");
    }

    @Test
    void routesToTheClusterAreListedWithWhatTheRoutingRulesSay() throws Exception {
        Cli.Run pinned = Cli.run("explain", "catify-main", "sample-topologies/catifyme-routed");
        Cli.Run fixed = Cli.run("explain", "catify-main", "sample-topologies/catifyme-routed-fixed");
        Cli.Run json = Cli.run("explain", "catify-main", "sample-topologies/catifyme-routed", "--format", "json");

        assertThat(pinned.out()).endsWith("routes to catify-main:\n  pgbouncer-catify  pgbouncer, fixed host: pins "
                + "db-main-1: clients stay on it after a failover [route-pins-server]  "
                + "(sample-topologies/catifyme-routed/routes.yaml:12:5)\n");
        assertThat(fixed.out()).endsWith("  haproxy-catify-rw  haproxy, health check: reaches the primary  "
                + "(sample-topologies/catifyme-routed-fixed/routes.yaml:11:7)\n");
        JsonNode route = new ObjectMapper().readTree(json.out()).get("routes").get(0);
        assertThat(route.get("reaches_primary").asBoolean()).isFalse();
        assertThat(route.get("reasons").get(0).get("rule").asText()).isEqualTo("route-pins-server");
        assertThat(new ObjectMapper().readTree(Cli.run("explain", "catify-main", "sample-topologies/catifyme-fixed",
                "--format", "json").out()).has("routes")).as("no routes, no key").isFalse();
    }

    @Test
    void everyCandidateIsListedWithWarningsAndTheirPositions() {
        Fixtures.write(dir, "t.yaml", """
                kind: inventory
                servers:
                  - {name: db-1, zone: a}
                  - {name: db-2, zone: a}
                  - {name: db-3, zone: a, status: maintenance}
                  - {name: db-4, zone: c}
                ---
                kind: cluster
                name: main
                primary: db-1
                replicas:
                  - {server: db-2}
                  - {server: db-3}
                  - {server: db-4, lag: 30s}
                ---
                kind: failover
                cluster: main
                max-lag: 10s
                candidates: [db-3, db-4, ghost, db-2]
                """);
        Cli.Run run = Cli.run("explain", "main", dir.toString());
        String f = dir.resolve("t.yaml").toString();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().split("\n")).containsExactly(
                "cluster main, primary db-1, failover policy at " + f + ":17:10",
                "  #1 db-3   not viable: in maintenance [failover-target-maintenance]  (" + f + ":5:35)",
                "            also: same zone a as primary db-1 [failover-target-same-zone]  (" + f + ":5:24)",
                "  #2 db-4   not viable: lag 30s > max-lag 10s [failover-target-lagging]  (" + f + ":14:25)",
                "  #3 ghost  not viable: not declared in any inventory [failover-target-missing]  (" + f + ":19:26)",
                "  #4 db-2   viable, with warnings: same zone a as primary db-1 [failover-target-same-zone]  ("
                        + f + ":4:24)",
                "first viable candidate: #4 db-2");
    }

    @Test
    void jsonCarriesVerdictsReasonsAndPositions() throws Exception {
        Cli.Run run = Cli.run("explain", "catify-main", "sample-topologies/catifyme", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(json.get("cluster").asText()).isEqualTo("catify-main");
        JsonNode c = json.get("candidates").get(0);
        assertThat(c.get("name").asText()).isEqualTo("db-legacy-2");
        assertThat(c.get("verdict").asText()).isEqualTo("not-viable");
        assertThat(c.get("decided_by").get("file").asText()).isEqualTo("sample-topologies/catifyme/inventory.yaml");
        assertThat(c.get("decided_by").get("line").asInt()).isEqualTo(26);
        assertThat(c.get("reasons").get(0).get("rule").asText()).isEqualTo("failover-target-decommissioned");
        assertThat(json.get("first_viable").isNull()).isTrue();
    }

    @Test
    void aClusterWithoutPolicyIsAnOutage() {
        Fixtures.write(dir, "t.yaml", """
                kind: inventory
                servers: [{name: db-1}, {name: db-2}]
                ---
                kind: cluster
                name: main
                primary: db-1
                replicas: [{server: db-2}]
                """);
        Cli.Run run = Cli.run("explain", "main", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("no failover policy").endsWith("first viable candidate: none; losing db-1 is an outage\n");
    }

    @Test
    void anUnknownClusterIsAUsageErrorWithASuggestion() {
        Cli.Run run = Cli.run("explain", "catify-mian", "sample-topologies/catifyme");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("failscope: no cluster is named 'catify-mian'; did you mean 'catify-main'?\n");
    }
}
