package dev.failscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckImportedCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FailscopeCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void aTerraformPlanDeletingAFailoverTargetExitsOne() {
        assertThat(run("check", "src/test/resources/terraform/plan-deletes-failover-targets.json")).isEqualTo(1);
        assertThat(out.toString()).contains("plan-deletes-failover-targets.json:33:45: error: failover candidate "
                + "'orders-dr' of cluster 'orders-main' is deleted by this Terraform plan");
    }

    @Test
    void theSeedIncidentThroughMhaShortNamesAndAnAnsibleFqdnInventoryExitsOne() {
        assertThat(run("check", "docs/examples/ansible")).isEqualTo(1);
        assertThat(out.toString()).contains("docs/examples/ansible/mha/app1.cnf:8:10: error: failover candidate "
                + "'db3.catifyme.internal' of cluster 'app1' is decommissioned");
    }

    @Test
    void aRepmgrOrHclOrSentinelLabExampleChecksWithoutError() {
        assertThat(run("check", "docs/examples/repmgr", "docs/examples/terraform", "docs/examples/sentinel-lab"))
                .isEqualTo(0);
        assertThat(out.toString()).doesNotContain(": error:");
    }

    @Test
    void theStockSentinelLabPromotesTheReplicaWhosePriorityIsNotZero() {
        assertThat(run("simulate", "--fail", "server:127.0.0.1:6379", "docs/examples/sentinel-lab")).isEqualTo(0);
        assertThat(out.toString()).contains("127.0.0.1:6381 promoted to primary of mymaster")
                .doesNotContain("127.0.0.1:6380 promoted");
    }

    @Test
    void theRealConfigsDirectoryChecksCleanly() {
        assertThat(run("check", "src/test/resources/real-configs")).isEqualTo(0);
        assertThat(out.toString()).doesNotContain(": error:");
    }

    @Test
    void asForcesTheFormatOfAnExplicitFile() {
        assertThat(run("check", "--as", "redis", "src/test/resources/real-configs/patroni/postgres0.yml"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("postgres0.yml:1:1: error: not Redis config syntax");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("check", "--as", "orchestrator", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format for --as: 'orchestrator' (expected one of native, "
                + "patroni, cnpg, zalando, terraform, hcl, redis, mha, repmgr, ansible, haproxy, pgbouncer, pgpool, "
                + "proxysql, kubernetes-service, connection-string)");
    }
}
