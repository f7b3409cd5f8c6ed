package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Cluster;
import dev.failscope.model.Ref;
import dev.failscope.model.Server;
import dev.failscope.model.Topology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformHclImporterTest {
    @TempDir
    Path tmp;

    /** RDS with a Multi-AZ standby and a read replica, and an Aurora cluster of three instances. */
    static final String MAIN_TF = """
            variable "env" {
              type    = string
              default = "staging"
            }

            locals {
              name = "orders-${var.env}"
            }

            resource "aws_db_instance" "primary" {
              identifier        = local.name
              engine            = "postgres"
              instance_class    = "db.r6g.large"
              multi_az          = true
              availability_zone = "eu-west-1a"
            }

            resource "aws_db_instance" "replica" {
              identifier          = "${local.name}-replica"
              replicate_source_db = aws_db_instance.primary.identifier
              instance_class      = "db.r6g.large"
              availability_zone   = "eu-west-1b"
            }

            resource "aws_rds_cluster" "aurora" {
              cluster_identifier = "payments"
              engine             = "aurora-postgresql"
            }

            resource "aws_rds_cluster_instance" "node" {
              count              = 3
              identifier         = "payments-${count.index}"
              cluster_identifier = aws_rds_cluster.aurora.id
              instance_class     = "db.r6g.large"
              promotion_tier     = 1
            }

            resource "aws_rds_cluster_instance" "big" {
              identifier         = "payments-big"
              cluster_identifier = aws_rds_cluster.aurora.id
              instance_class     = "db.r6g.4xlarge"
              promotion_tier     = 1
            }
            """;

    /** What {@code terraform show -json} prints for a plan of MAIN_TF with prod.auto.tfvars (env = "prod"). */
    static final String PLAN_JSON = """
            {"format_version": "1.2",
             "planned_values": {"root_module": {"resources": [
               {"address": "aws_db_instance.primary", "mode": "managed", "type": "aws_db_instance", "name": "primary",
                "values": {"identifier": "orders-prod", "engine": "postgres", "instance_class": "db.r6g.large",
                           "multi_az": true, "availability_zone": "eu-west-1a"}},
               {"address": "aws_db_instance.replica", "mode": "managed", "type": "aws_db_instance", "name": "replica",
                "values": {"identifier": "orders-prod-replica", "replicate_source_db": "orders-prod",
                           "instance_class": "db.r6g.large", "availability_zone": "eu-west-1b"}},
               {"address": "aws_rds_cluster.aurora", "mode": "managed", "type": "aws_rds_cluster", "name": "aurora",
                "values": {"cluster_identifier": "payments", "engine": "aurora-postgresql"}},
               {"address": "aws_rds_cluster_instance.big", "mode": "managed", "type": "aws_rds_cluster_instance",
                "name": "big", "values": {"identifier": "payments-big", "instance_class": "db.r6g.4xlarge",
                "promotion_tier": 1}},
               {"address": "aws_rds_cluster_instance.node[0]", "mode": "managed", "type": "aws_rds_cluster_instance",
                "name": "node", "index": 0, "values": {"identifier": "payments-0", "instance_class": "db.r6g.large",
                "promotion_tier": 1}},
               {"address": "aws_rds_cluster_instance.node[1]", "mode": "managed", "type": "aws_rds_cluster_instance",
                "name": "node", "index": 1, "values": {"identifier": "payments-1", "instance_class": "db.r6g.large",
                "promotion_tier": 1}},
               {"address": "aws_rds_cluster_instance.node[2]", "mode": "managed", "type": "aws_rds_cluster_instance",
                "name": "node", "index": 2, "values": {"identifier": "payments-2", "instance_class": "db.r6g.large",
                "promotion_tier": 1}}]}},
             "resource_changes": [],
             "configuration": {"root_module": {"resources": [
               {"address": "aws_rds_cluster_instance.node", "mode": "managed", "type": "aws_rds_cluster_instance",
                "name": "node", "expressions": {"cluster_identifier": {"references": ["aws_rds_cluster.aurora.id",
                "aws_rds_cluster.aurora"]}}, "count_expression": {"constant_value": 3}},
               {"address": "aws_rds_cluster_instance.big", "mode": "managed", "type": "aws_rds_cluster_instance",
                "name": "big", "expressions": {"cluster_identifier": {"references": ["aws_rds_cluster.aurora.id",
                "aws_rds_cluster.aurora"]}}}]}}}
            """;

    private Fixture module() {
        return new Fixture(tmp).file("tf/main.tf", MAIN_TF).file("tf/prod.auto.tfvars", "env = \"prod\"\n");
    }

    @Test
    void rdsAndAuroraResourcesBecomeClustersWithTheProvidersFailoverOrder() {
        Inspection i = module().inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("orders-prod").orElseThrow().primary().name()).isEqualTo("orders-prod");
        assertThat(Fixture.replicas(t, "orders-prod")).containsExactly("orders-prod-standby", "orders-prod-replica");
        assertThat(Fixture.candidates(t, "orders-prod")).containsExactly("orders-prod-standby");
        assertThat(t.server("orders-prod-replica").orElseThrow().zone()).isEqualTo("eu-west-1b");
        assertThat(t.cluster("payments").orElseThrow().primary().name()).isEqualTo("payments-big");
        assertThat(Fixture.candidates(t, "payments")).containsExactly("payments-0", "payments-1", "payments-2");
        assertThat(Fixture.findings(i, "assumed-")).containsExactly("assumed-standby main.tf:14:23",
                "assumed-promotion-order main.tf:35:24", "assumed-primary main.tf:39:25");
        assertThat(t.server("orders-prod").orElseThrow().position().toString()).endsWith("main.tf:11:23");
    }

    @Test
    void theHclModuleAndItsPlanJsonGiveTheSameTopology() {
        Inspection hcl = module().inspect();
        Inspection plan = new Fixture(tmp).file("plan/plan.json", PLAN_JSON).inspect();
        assertThat(Fixture.errors(plan)).isEmpty();
        assertThat(shape(hcl.topology())).isEqualTo(shape(plan.topology()));
        assertThat(shape(hcl.topology())).hasSize(2 + 7);
    }

    /** Clusters (primary, replicas, candidates) and servers (zone, status), without positions. */
    private static List<String> shape(Topology t) {
        List<String> out = new java.util.ArrayList<>();
        for (Cluster c : t.clusters()) {
            out.add(c.name() + " primary=" + c.primary().name() + " replicas=" + Fixture.replicas(t, c.name())
                    + " candidates=" + Fixture.candidates(t, c.name()));
        }
        for (Server s : t.servers()) {
            out.add(s.name() + " zone=" + s.zone() + " status=" + s.status());
        }
        return out.stream().sorted().toList();
    }

    @Test
    void cloudSqlRegionalHaAndAFailoverReplicaAndADecommissionedDrTarget() {
        Inspection i = new Fixture(tmp).file("inventory.yaml", """
                kind: inventory
                servers:
                  - {name: orders-dr-old, status: decommissioned}
                """).file("sql.tf", """
                resource "google_sql_database_instance" "main" {
                  name             = "orders-main"
                  database_version = "MYSQL_8_0"
                  region           = "europe-west1"
                  settings {
                    tier              = "db-n1-standard-2"
                    availability_type = "REGIONAL"
                    location_preference {
                      zone = "europe-west1-b"
                    }
                  }
                  replication_cluster {
                    failover_dr_replica_name = "acme-prod:orders-dr-old"
                  }
                }

                resource "google_sql_database_instance" "failover" {
                  name                 = "orders-failover"
                  master_instance_name = google_sql_database_instance.main.name
                  region               = "europe-west1"
                  replica_configuration {
                    failover_target = true
                  }
                  settings {
                    tier = "db-n1-standard-2"
                  }
                }
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(Fixture.replicas(t, "orders-main")).containsExactly("orders-main-standby", "orders-failover");
        assertThat(Fixture.candidates(t, "orders-main")).containsExactly("orders-main-standby", "orders-failover",
                "orders-dr-old");
        assertThat(Fixture.findings(i, "failover-target-decommissioned"))
                .containsExactly("failover-target-decommissioned sql.tf:13:33");
    }

    @Test
    void aComputedValueIsAnAssumedInfoAtItsPosition() {
        Inspection i = new Fixture(tmp).file("db.tf", """
                variable "suffix" {}
                resource "aws_db_instance" "db" {
                  identifier = format("orders-%s", var.suffix)
                  multi_az   = var.ha
                }
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.findings(i, "assumed-value")).containsExactly("assumed-value db.tf:3:16",
                "assumed-value db.tf:4:16");
        assertThat(i.topology().server("aws_db_instance.db")).isPresent();
    }

    @Test
    void anAuroraGlobalSecondaryIsAStandbyClusterOfThePrimary() {
        Inspection i = new Fixture(tmp).file("global.tf", """
                resource "aws_rds_global_cluster" "g" {
                  global_cluster_identifier = "orders-global"
                  engine                    = "aurora-postgresql"
                }
                resource "aws_rds_cluster" "primary" {
                  cluster_identifier        = "orders-use1"
                  global_cluster_identifier = aws_rds_global_cluster.g.id
                }
                resource "aws_rds_cluster_instance" "p" {
                  identifier         = "orders-use1-a"
                  cluster_identifier = aws_rds_cluster.primary.id
                }
                resource "aws_rds_cluster" "secondary" {
                  cluster_identifier        = "orders-euw1"
                  global_cluster_identifier = aws_rds_global_cluster.g.id
                  source_region             = "us-east-1"
                }
                resource "aws_rds_cluster_instance" "s" {
                  identifier         = "orders-euw1-a"
                  cluster_identifier = aws_rds_cluster.secondary.id
                }
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        Topology t = i.topology();
        assertThat(t.cluster("orders-euw1").orElseThrow().upstreamOpt()).map(Ref::name).contains("orders-use1");
        assertThat(t.cluster("orders-use1").orElseThrow().upstreamOpt()).isEmpty();
        assertThat(Fixture.findings(i, "assumed-global")).containsExactly("assumed-global-secondary global.tf:13:29");
    }

    @Test
    void aTfFileWithoutADatabaseResourceSaysWhichResourcesAreRead() {
        Inspection i = new Fixture(tmp).file("vpc/main.tf", """
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unrecognized-file");
            assertThat(f.message()).contains("aws_db_instance, aws_rds_cluster").contains("terraform show -json")
                    .contains("(it has aws_vpc)");
        });
    }

    @Test
    void anUnclosedBlockIsOneLoadErrorAndComputedForEachIsSaid() {
        Inspection i = new Fixture(tmp).file("open.tf", "resource \"aws_db_instance\" \"x\" {\n  nested {\n")
                .inspect();
        assertThat(Fixture.errors(i)).singleElement().asString().endsWith("open.tf:3:1: error: HCL: missing '}' at "
                + "the end of the file");
        Inspection e = new Fixture(tmp).file("each.tf", """
                resource "aws_db_instance" "r" {
                  for_each   = toset(var.names)
                  identifier = each.key
                }
                """).inspect();
        assertThat(Fixture.errors(e)).isEmpty();
        assertThat(Fixture.findings(e, "assumed-value")).containsExactly("assumed-value each.tf:2:16",
                "assumed-value each.tf:3:16");
    }

    @Test
    void anHclSyntaxErrorIsALoadErrorAtItsPosition() {
        Inspection i = new Fixture(tmp).file("bad.tf", "resource \"aws_db_instance\" \"x\" {\n  identifier = \"a\n}\n")
                .inspect();
        assertThat(Fixture.errors(i)).anySatisfy(e -> assertThat(e).endsWith("bad.tf:2:16: error: HCL: unterminated "
                + "string"));
    }
}
