package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failscope.support.Cli;
import org.junit.jupiter.api.Test;

class SweepCommandTest {
    private static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void threeZoneHealthyNamesTheRegionAsItsOnlySinglePointOfFailure() {
        Cli.Run r = run("sweep", "sample-topologies/three-zone-healthy", "--domains");

        assertThat(r.exit()).isEqualTo(1);
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("FAILURE             RESULT    IMPACT");
        assertThat(lines).contains(
                "pg-orders-1         degraded  clusters degraded: orders-pg; services degraded: checkout, "
                        + "order-history, sales-reports; RTO 30s; promoted in orders-pg: pg-orders-2",
                "zone:us-east-1c     degraded  clusters degraded: accounts-mysql, orders-pg, sessions-redis; "
                        + "services degraded: account-api, checkout, login, order-history, sales-reports; RTO 5s; "
                        + "promoted in sessions-redis: redis-sessions-2",
                "region:us-east-1    OUTAGE    clusters down: accounts-mysql, orders-pg, sessions-redis; "
                        + "services down: account-api, checkout, login, order-history, sales-reports");
        assertThat(r.out()).endsWith("""

                single points of failure:
                  region:us-east-1: clusters down: accounts-mysql, orders-pg, sessions-redis; services down: account-api, checkout, login, order-history, sales-reports
                1 of 24 single failures cause an outage; 23 degrade, 0 have no effect
                """);
    }

    @Test
    void serversOnlySweepOfThreeZoneHealthyPasses() {
        Cli.Run r = run("sweep", "sample-topologies/three-zone-healthy");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).endsWith("""
                single points of failure: none
                0 of 10 single failures cause an outage; 10 degrade, 0 have no effect
                """);
    }

    @Test
    void catifymeWithPairs() {
        Cli.Run r = run("sweep", "sample-topologies/catifyme", "--pairs");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                FAILURE                   RESULT    IMPACT
                db-legacy-2               ok        -
                db-main-1                 OUTAGE    clusters down: catify-main; services down: cat-commenting, cat-liking, cat-posting
                db-replica-1              degraded  clusters degraded: catify-main; services degraded: cat-commenting, cat-liking, cat-posting
                db-main-1 + db-replica-1  OUTAGE    clusters down: catify-main; services down: cat-commenting, cat-liking, cat-posting

                single points of failure:
                  db-main-1: clusters down: catify-main; services down: cat-commenting, cat-liking, cat-posting
                pairs that cause an outage:
                  db-main-1 + db-replica-1: clusters down: catify-main; services down: cat-commenting, cat-liking, cat-posting
                1 of 3 single failures cause an outage; 1 degrade, 1 has no effect
                1 of 1 pair failures cause an outage; 0 degrade, 0 have no effect
                """);
    }

    @Test
    void failOnChoosesTheThreshold() {
        assertThat(run("sweep", "sample-topologies/three-zone-healthy", "--fail-on", "degraded").exit()).isEqualTo(1);
        assertThat(run("sweep", "sample-topologies/catifyme", "--fail-on", "never").exit()).isEqualTo(0);
        assertThat(run("sweep", "sample-topologies/catifyme-fixed").exit()).isEqualTo(0);
        assertThat(run("sweep", "sample-topologies/catifyme-fixed", "--fail-on", "bogus").exit()).isEqualTo(2);
    }

    @Test
    void aLoadErrorExits2() {
        Cli.Run r = run("sweep", "sample-topologies/does-not-exist");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains(": error: ").endsWith("1 load error\n");
    }

    @Test
    void jsonListsEveryFailure() throws Exception {
        Cli.Run r = run("sweep", "sample-topologies/catifyme", "--format", "json");

        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("failures", "single_points_of_failure", "summary");
        JsonNode main = root.get("failures").get(1);
        assertThat(main.get("failure").asText()).isEqualTo("db-main-1");
        assertThat(main.get("result").asText()).isEqualTo("down");
        assertThat(main.get("services_down")).hasSize(3);
        assertThat(root.get("single_points_of_failure").get(0).asText()).isEqualTo("db-main-1");
        assertThat(root.get("summary").get("single_outages").asInt()).isEqualTo(1);
    }
}
