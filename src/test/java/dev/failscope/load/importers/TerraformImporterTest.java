package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformImporterTest {
    static final String DIR = "src/test/resources/terraform";
    static final String PLAN = DIR + "/plan-deletes-failover-targets.json";

    @TempDir
    Path tmp;

    @Test
    void aPlanThatDeletesFailoverTargetsFails() {
        Inspection i = Fixture.inspect(PLAN);
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(Fixture.candidates(t, "orders-main")).containsExactly("orders-main-standby", "orders-dr");
        assertThat(Fixture.replicas(t, "orders-main")).containsExactly("orders-main-standby", "orders-dr");
        assertThat(t.server("orders-dr").orElseThrow().status()).isEqualTo(ServerStatus.DECOMMISSIONED);
        assertThat(t.server("orders-dr").orElseThrow().statusPosition().line()).isEqualTo(217);
        assertThat(t.cluster("billing").orElseThrow().primary().name()).isEqualTo("billing-0");
        assertThat(Fixture.candidates(t, "billing")).containsExactly("billing-1", "billing-2");
        assertThat(Fixture.replicas(t, "legacy-pg")).containsExactly("legacy-pg-standby", "legacy-pg-eu");
        assertThat(Fixture.candidates(t, "legacy-pg")).containsExactly("legacy-pg-standby");
        assertThat(t.cluster("legacy-pg").orElseThrow().replicas().get(0).mode()).isEqualTo(ReplicationMode.SYNC);
        assertThat(t.server("legacy-pg-eu").orElseThrow().status()).isEqualTo(ServerStatus.ACTIVE);
        assertThat(t.server("billing-1").orElseThrow().zone()).isEqualTo("us-east-1b");
        assertThat(t.server("billing-1").orElseThrow().region()).isEqualTo("us-east-1");
        assertThat(t.server("billing-1").orElseThrow().tags())
                .containsEntry("terraform-address", "module.aurora.aws_rds_cluster_instance.this[1]");
        assertThat(Fixture.findings(i, "failover-target")).containsExactly(
                "failover-target-decommissioned plan-deletes-failover-targets.json:33:45",
                "failover-target-decommissioned plan-deletes-failover-targets.json:359:25");
        assertThat(i.failsAt(Severity.ERROR)).isTrue();
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("failover-target-decommissioned"))
                .allSatisfy(f -> assertThat(f.message()).contains("is deleted by this Terraform plan ("));
        assertThat(Fixture.findings(i, "assumed-")).containsExactly(
                "assumed-standby plan-deletes-failover-targets.json:22:38",
                "assumed-primary plan-deletes-failover-targets.json:73:31",
                "assumed-standby plan-deletes-failover-targets.json:116:29");
    }

    @Test
    void aStateKnowsTheWriterAndDeletesNothing() {
        Inspection i = Fixture.inspect(DIR + "/state.json");
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("billing").orElseThrow().primary().name()).isEqualTo("billing-1");
        assertThat(Fixture.candidates(t, "billing")).containsExactly("billing-0", "billing-2");
        assertThat(t.server("billing-1").orElseThrow().address())
                .isEqualTo("billing-1.cxyz.us-east-1.rds.amazonaws.com");
        assertThat(t.servers()).allMatch(s -> s.status() == ServerStatus.ACTIVE);
        assertThat(Fixture.findings(i, "failover-target")).isEmpty();
        assertThat(Fixture.findings(i, "assumed-primary")).isEmpty();
    }

    @Test
    void compactOutputOnOneLineKeepsExactColumns() {
        Inspection i = Fixture.inspect(DIR + "/state-compact.json");
        assertThat(Fixture.errors(i)).isEmpty();
        Server s = i.topology().server("orders-dr").orElseThrow();
        assertThat(s.position().line()).isEqualTo(1);
        assertThat(s.position().column()).isGreaterThan(100);
    }

    @Test
    void aDanglingDrReplicaNameIsMissing() {
        Inspection i = new Fixture(tmp).file("state.json", """
                {"format_version": "1.0", "values": {"root_module": {"resources": [
                  {"address": "google_sql_database_instance.main", "mode": "managed",
                   "type": "google_sql_database_instance", "name": "main",
                   "values": {"name": "main", "settings": [{"availability_type": "ZONAL"}],
                              "replication_cluster": [{"failover_dr_replica_name": "proj:main-dr-old"}]}}]}}}
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.findings(i, "failover-target")).containsExactly("failover-target-missing state.json:5:68");
    }

    @Test
    void valuesUnknownUntilApplyAreFollowedThroughTheConfiguration() {
        Inspection i = new Fixture(tmp).file("plan.json", """
                {"format_version": "1.2",
                 "planned_values": {"root_module": {"child_modules": [{"address": "module.db", "resources": [
                   {"address": "module.db.aws_rds_cluster.this", "mode": "managed", "type": "aws_rds_cluster",
                    "name": "this", "values": {"engine": "aurora-mysql", "cluster_identifier_prefix": "orders-"}},
                   {"address": "module.db.aws_rds_cluster_instance.this[0]", "mode": "managed",
                    "type": "aws_rds_cluster_instance", "name": "this", "index": 0,
                    "values": {"identifier": "orders-a", "promotion_tier": 1}},
                   {"address": "module.db.aws_rds_cluster_instance.this[1]", "mode": "managed",
                    "type": "aws_rds_cluster_instance", "name": "this", "index": 1,
                    "values": {"identifier": "orders-b", "promotion_tier": 0}}]}]}},
                 "resource_changes": [],
                 "configuration": {"root_module": {"module_calls": {"db": {"source": "./modules/aurora",
                   "module": {"resources": [
                     {"address": "aws_rds_cluster.this", "mode": "managed", "type": "aws_rds_cluster",
                      "name": "this", "expressions": {}},
                     {"address": "aws_rds_cluster_instance.this", "mode": "managed",
                      "type": "aws_rds_cluster_instance", "name": "this",
                      "expressions": {"cluster_identifier": {"references": ["aws_rds_cluster.this.id",
                        "aws_rds_cluster.this"]}}, "count_expression": {"constant_value": 2}}]}}}}}}
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("module.db.aws_rds_cluster.this").orElseThrow().primary().name()).isEqualTo("orders-a");
        assertThat(Fixture.candidates(t, "module.db.aws_rds_cluster.this")).containsExactly("orders-b");
    }

    @Test
    void anUnsupportedMajorFormatVersionIsALoadError() {
        Inspection i = new Fixture(tmp).file("x.json", "{\"format_version\": \"2.0\", \"values\": {}}").inspect();
        assertThat(Fixture.errors(i)).singleElement().asString().contains("format_version 2.0 is not supported");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "\"resources\": [|\"resources\": \"oops\", \"was\": [|\"resources\" must be an array, not the string 'oops'",
        "\"actions\": [|\"actions\": {}, \"was\": [|\"actions\" must be an array, not a map",
        "\"planned_values\": {|\"planned_values\": 7, \"was\": {|\"planned_values\" must be an object"})
    void aKeyOfTheFormatWithTheWrongTypeIsAPositionedErrorNotAPlanWithoutIt(String from, String to, String says)
            throws Exception {
        String plan = java.nio.file.Files.readString(Path.of(PLAN));
        assertThat(plan).contains(from);
        Path bad = tmp.resolve("plan.json");
        java.nio.file.Files.writeString(bad, plan.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));

        Inspection i = Fixture.inspect(bad.toString());

        assertThat(i.errors()).anySatisfy(e -> {
            assertThat(e.message()).contains("Terraform JSON: " + says);
            assertThat(e.position().line()).isGreaterThan(1);
        });
        assertThat(i.topology().servers()).as("nothing is read from a damaged document").isEmpty();
    }
}
