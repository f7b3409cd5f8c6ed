package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.support.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void catifymePrintsTheIncidentAndExits1() {
        Cli.Run r = run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                t+0s    db-main-1 fails (zone us-west-2a)
                t+0s    catify-main loses its primary db-main-1: no writable primary (sample-topologies/catifyme/clusters.yaml:6)
                t+0s    service cat-posting DOWN: needs catify-main:write, and catify-main has no writable primary (sample-topologies/catifyme/services.yaml:6)
                t+0s    service cat-liking DOWN: needs catify-main:write, and catify-main has no writable primary (sample-topologies/catifyme/services.yaml:12)
                t+0s    service cat-commenting DOWN: needs catify-main:write, and catify-main has no writable primary (sample-topologies/catifyme/services.yaml:18)
                t+30s   failover of catify-main starts: detection 30s (sample-topologies/catifyme/failover.yaml:4)
                t+30s   attempt on db-legacy-2: decommissioned, cannot be promoted (sample-topologies/catifyme/inventory.yaml:26)
                t+90s   attempt on db-legacy-2 timed out: attempt-timeout 60s (sample-topologies/catifyme/failover.yaml:5)
                t+90s   no viable candidate left: catify-main is DOWN (sample-topologies/catifyme/failover.yaml:8)

                summary:
                  cluster catify-main     down  no writable primary since t+0s
                  service cat-commenting  down  since t+0s: needs catify-main:write, and catify-main has no writable primary
                  service cat-liking      down  since t+0s: needs catify-main:write, and catify-main has no writable primary
                  service cat-posting     down  since t+0s: needs catify-main:write, and catify-main has no writable primary
                  1 cluster down, 3 services down
                """);
    }

    @Test
    void catifymeFixedPromotesTheReplicaAndExits0() {
        Cli.Run r = run("simulate", "sample-topologies/catifyme-fixed", "--fail", "db-main-1");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("""
                t+0s    db-main-1 fails (zone us-west-2a)
                t+0s    catify-main loses its primary db-main-1: no writable primary (sample-topologies/catifyme-fixed/clusters.yaml:6)
                t+0s    service cat-posting DOWN: needs catify-main:write, and catify-main has no writable primary (sample-topologies/catifyme-fixed/services.yaml:6)
                t+0s    service cat-liking DOWN: needs catify-main:write, and catify-main has no writable primary (sample-topologies/catifyme-fixed/services.yaml:12)
                t+0s    service cat-commenting DOWN: needs catify-main:write, and catify-main has no writable primary (sample-topologies/catifyme-fixed/services.yaml:18)
                t+30s   failover of catify-main starts: detection 30s (sample-topologies/catifyme-fixed/failover.yaml:4)
                t+30s   db-replica-1 promoted to primary of catify-main: RTO 30s, RPO risk 2s of async lag (sample-topologies/catifyme-fixed/failover.yaml:8)
                t+30s   service cat-posting restored, degraded: catify-main:write runs on reduced redundancy (sample-topologies/catifyme-fixed/services.yaml:6)
                t+30s   service cat-liking restored, degraded: catify-main:write runs on reduced redundancy (sample-topologies/catifyme-fixed/services.yaml:12)
                t+30s   service cat-commenting restored, degraded: catify-main:write runs on reduced redundancy (sample-topologies/catifyme-fixed/services.yaml:18)

                summary:
                  cluster catify-main     degraded  primary db-replica-1, RTO 30s, RPO risk 2s, redundancy reduced
                  service cat-commenting  degraded  catify-main:write runs on reduced redundancy; was down t+0s to t+30s
                  service cat-liking      degraded  catify-main:write runs on reduced redundancy; was down t+0s to t+30s
                  service cat-posting     degraded  catify-main:write runs on reduced redundancy; was down t+0s to t+30s
                  0 clusters down, 0 services down
                """);
    }

    @Test
    void aSecondFailureTriggersASecondFailover() {
        Cli.Run r = run("simulate", "sample-topologies/three-zone-healthy", "--fail", "pg-orders-1",
                "--fail", "pg-orders-2@60s");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("""
                t+0s    pg-orders-1 fails (zone us-east-1a)
                t+0s    orders-pg loses its primary pg-orders-1: no writable primary (sample-topologies/three-zone-healthy/postgresql.yaml:7)
                t+0s    service checkout DOWN: needs orders-pg:write, and orders-pg has no writable primary (sample-topologies/three-zone-healthy/services.json:6)
                t+0s    service order-history degraded: orders-pg:read runs on reduced redundancy (sample-topologies/three-zone-healthy/services.json:15)
                t+0s    service sales-reports degraded: orders-pg:read runs on reduced redundancy (sample-topologies/three-zone-healthy/services.json:23)
                t+30s   failover of orders-pg starts: detection 30s (sample-topologies/three-zone-healthy/postgresql.yaml:23)
                t+30s   pg-orders-2 promoted to primary of orders-pg: RTO 30s, RPO risk 0s, sync (sample-topologies/three-zone-healthy/postgresql.yaml:22)
                t+30s   pg-orders-3 re-points from pg-orders-1 to pg-orders-2 (sample-topologies/three-zone-healthy/postgresql.yaml:12)
                t+30s   service checkout restored, degraded: orders-pg:write runs on reduced redundancy (sample-topologies/three-zone-healthy/services.json:6)
                t+60s   pg-orders-2 fails (zone us-east-1b)
                t+60s   orders-pg loses its primary pg-orders-2: no writable primary (sample-topologies/three-zone-healthy/postgresql.yaml:9)
                t+60s   service checkout DOWN: needs orders-pg:write, and orders-pg has no writable primary (sample-topologies/three-zone-healthy/services.json:6)
                t+90s   failover of orders-pg starts: detection 30s (sample-topologies/three-zone-healthy/postgresql.yaml:23)
                t+90s   attempt on pg-orders-2: failed in this scenario (pg-orders-2 at t+60s), cannot be promoted
                t+150s  attempt on pg-orders-2 timed out: attempt-timeout 60s (sample-topologies/three-zone-healthy/postgresql.yaml:24)
                t+150s  pg-orders-3 promoted to primary of orders-pg: RTO 90s, RPO risk 1s of async lag (sample-topologies/three-zone-healthy/postgresql.yaml:22)
                t+150s  service checkout restored, degraded: orders-pg:write runs on reduced redundancy (sample-topologies/three-zone-healthy/services.json:6)

                summary:
                  cluster orders-pg      degraded  primary pg-orders-3, RTO 120s over 2 failovers, RPO risk 1s, redundancy reduced
                  service checkout       degraded  orders-pg:write runs on reduced redundancy; was down t+0s to t+30s, t+60s to t+150s
                  service order-history  degraded  orders-pg:read runs on reduced redundancy
                  service sales-reports  degraded  orders-pg:read runs on reduced redundancy
                  0 clusters down, 0 services down
                """);
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Cli.Run r = run("simulate", "sample-topologies/catifyme", "--fail", "db-main-1", "--format", "json");

        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("scenario", "events", "clusters", "services", "servers", "summary");
        assertThat(root.get("scenario").get(0).asText()).isEqualTo("db-main-1");
        JsonNode skip = root.get("events").get(6);
        assertThat(skip.fieldNames()).toIterable().containsExactly("t_ms", "kind", "subject", "reason", "location");
        assertThat(skip.get("t_ms").asLong()).isEqualTo(30_000);
        assertThat(skip.get("kind").asText()).isEqualTo("candidate-skipped");
        assertThat(skip.get("location").get("file").asText()).isEqualTo("sample-topologies/catifyme/inventory.yaml");
        assertThat(skip.get("location").get("line").asInt()).isEqualTo(26);
        assertThat(root.get("events").get(0).get("location").isNull()).isTrue();
        JsonNode cluster = root.get("clusters").get("catify-main");
        assertThat(cluster.get("state").asText()).isEqualTo("down");
        assertThat(cluster.get("primary").isNull()).isTrue();
        assertThat(root.get("services").get("cat-posting").get("state").asText()).isEqualTo("down");
        assertThat(r.out()).endsWith("}\n");
    }

    @Test
    void jsonListsRtoAndRpoOfAPromotion() throws Exception {
        Cli.Run r = run("simulate", "sample-topologies/catifyme-fixed", "--fail", "db-main-1", "--format", "json");

        JsonNode cluster = new ObjectMapper().readTree(r.out()).get("clusters").get("catify-main");
        assertThat(cluster.get("state").asText()).isEqualTo("degraded");
        assertThat(cluster.get("primary").asText()).isEqualTo("db-replica-1");
        assertThat(cluster.get("rto_ms").asLong()).isEqualTo(30_000);
        assertThat(cluster.get("rpo_risk_ms").asLong()).isEqualTo(2_000);
    }

    @Test
    void outputIsDeterministic() {
        String[] args = {"simulate", "sample-topologies/three-zone-healthy", "--fail", "zone:us-east-1a",
            "--fail", "pg-orders-2@45s", "--format", "json"};
        assertThat(run(args).out()).isEqualTo(run(args).out());
    }

    @Test
    void anUnknownTargetExits2WithASuggestion() {
        Cli.Run r = run("simulate", "sample-topologies/catifyme", "--fail", "db-main1", "--fail", "zone:us-west-2x");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().split("\n")).containsExactly(
                "failscope: unknown failure target 'db-main1': no server, zone, region or host is named 'db-main1'; "
                        + "did you mean 'db-main-1'?",
                "failscope: unknown failure target 'zone:us-west-2x': no server is in zone 'us-west-2x'; "
                        + "did you mean 'zone:us-west-2a'?");
    }

    @Test
    void aLoadErrorExits2WithItsPosition(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: inventory\nservers: [\n");
        Cli.Run r = run("simulate", bad.toString(), "--fail", "x");

        assertThat(r.exit()).isEqualTo(2);
        List<String> lines = List.of(r.out().split("\n"));
        assertThat(lines.get(0)).startsWith(bad + ":").contains(": error: ");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 load error");
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Run r = run("simulate", "--help");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("--fail=X", "zone:NAME", "Exit codes:", "  2  load error");
        assertThat(run("sweep", "--help").out()).contains("--domains", "--pairs", "outage, degraded, never");
    }

    @Test
    void jsonLoadErrorsAreJson(@TempDir Path dir) throws Exception {
        Cli.Run r = run("simulate", dir.resolve("missing.yaml").toString(), "--fail", "x", "--format", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(r.out()).get("errors")).hasSize(1);
    }

    @Test
    void failIsRequired() {
        Cli.Run r = run("simulate", "sample-topologies/catifyme");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--fail=X'");
    }
}
