package dev.failscope.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Rule;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue is exactly the table of issue 2. */
class RuleCatalogTest {
    private static final Map<String, Severity> TABLE = table();

    private static Map<String, Severity> table() {
        Map<String, Severity> t = new LinkedHashMap<>();
        t.put("failover-target-missing", Severity.ERROR);
        t.put("failover-target-decommissioned", Severity.ERROR);
        t.put("failover-target-outside-cluster", Severity.ERROR);
        t.put("failover-target-is-primary", Severity.ERROR);
        t.put("no-viable-failover", Severity.ERROR);
        t.put("server-missing", Severity.ERROR);
        t.put("server-decommissioned-in-use", Severity.ERROR);
        t.put("cluster-missing", Severity.ERROR);
        t.put("duplicate-name", Severity.ERROR);
        t.put("server-in-two-clusters", Severity.ERROR);
        t.put("replication-cycle", Severity.ERROR);
        t.put("unknown-key", Severity.ERROR);
        t.put("sentinel-quorum", Severity.ERROR); // issue 5 (importers)
        t.put("failover-target-maintenance", Severity.WARNING);
        t.put("failover-target-no-failover", Severity.WARNING);
        t.put("failover-target-lagging", Severity.WARNING);
        t.put("failover-target-async", Severity.WARNING);
        t.put("failover-target-same-zone", Severity.WARNING);
        t.put("failover-target-other-region", Severity.WARNING);
        t.put("failover-delayed", Severity.WARNING);
        t.put("dcs-quorum", Severity.ERROR); // issue 10: a zone loss breaks a Patroni DCS majority
        t.put("manager-setting-ignored", Severity.WARNING); // issue 10: a setting the manager's release ignores
        t.put("no-failover-policy", Severity.ERROR); // simulate calls it an outage (issue 10)
        t.put("single-zone-cluster", Severity.WARNING);
        t.put("service-pinned-to-server", Severity.WARNING);
        t.put("unused-server", Severity.INFO);
        t.put("waiver-expired", Severity.WARNING);
        t.put("waiver-unused", Severity.WARNING);
        // issue 12: the routing layer between services and clusters
        t.put("route-target-missing", Severity.ERROR);
        t.put("route-target-decommissioned", Severity.ERROR);
        t.put("route-pins-server", Severity.ERROR);
        t.put("route-check-never-passes", Severity.ERROR);
        t.put("route-bypassed", Severity.ERROR);
        t.put("route-missing", Severity.ERROR);
        t.put("route-backend-missing-member", Severity.WARNING);
        t.put("route-check-wrong-role", Severity.WARNING);
        return t;
    }

    @Test
    void theStandardCatalogueIsExactlyTheTable() {
        List<Rule> rules = RuleCatalog.standard().rules();
        Map<String, Severity> actual = new LinkedHashMap<>();
        rules.forEach(r -> actual.put(r.id(), r.severity()));
        assertThat(TABLE).hasSize(36);
        assertThat(rules).hasSize(36);
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(TABLE);
    }

    @Test
    void everyRuleHasAOneLineDescriptionAndIsFoundById() {
        RuleCatalog catalog = RuleCatalog.standard();
        for (Rule r : catalog.rules()) {
            assertThat(r.description()).as(r.id()).isNotBlank().doesNotContain("\n");
            assertThat(catalog.rule(r.id())).containsSame(r);
        }
    }

    @Test
    void rulesAreListedBySeverityThenId() {
        List<Rule> rules = RuleCatalog.standard().rules();
        assertThat(rules.get(0).id()).isEqualTo("cluster-missing");
        assertThat(rules.get(rules.size() - 1).id()).isEqualTo("unused-server");
    }
}
