package dev.failscope.load.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Severity;
import org.junit.jupiter.api.Test;

/** The seed incident in real clothes: Patroni and sentinel files checked against an authoritative inventory. */
class CatifymeImportedSampleTest {
    @Test
    void retiredAddressesAreCaughtAtTheLinesThatNameThem() {
        Inspection i = Fixture.inspect("sample-topologies/catifyme-imported");
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.failsAt(Severity.ERROR)).isTrue();
        assertThat(Fixture.findings(i, "failover-target")).containsExactly(
                "failover-target-decommissioned pg-02.yml:3:7", "failover-target-missing sentinel-a.conf:10:37");
        assertThat(Fixture.findings(i, "no-viable-failover")).hasSize(1);
        assertThat(Fixture.findings(i, "sentinel-quorum")).isEmpty();
        assertThat(Fixture.findings(i, "unused-server")).isEmpty();
        assertThat(Fixture.candidates(i.topology(), "catify-cache")).containsExactly("10.20.3.29:6379", "cache-2");
        assertThat(i.topology().policy("catify-cache").orElseThrow().monitors()).extracting(r -> r.name())
                .containsExactly("sentinel-a", "sentinel-b", "sentinel-c");
    }
}
