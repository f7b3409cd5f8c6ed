package dev.failscope.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled samples say what their READMEs promise. Paths are relative to the repository root. */
class SampleTopologiesTest {
    private static Inspection inspect(String sample) {
        Inspection inspection = new Inspector().inspect(List.of("sample-topologies/" + sample));
        assertThat(inspection.errors()).as("load errors").isEmpty();
        return inspection;
    }

    @Test
    void catifymeYieldsTheDecommissionedTargetAndNoViableFailover() {
        List<Finding> findings = inspect("catifyme").findings();
        assertThat(findings).extracting(f -> f.rule() + " " + f.subject() + " " + f.target() + " " + f.position())
                .containsExactly(
                        "no-viable-failover catify-main null sample-topologies/catifyme/failover.yaml:8:3",
                        "failover-target-decommissioned catify-main db-legacy-2 "
                                + "sample-topologies/catifyme/failover.yaml:8:5");
        assertThat(findings.get(0).message()).isEqualTo("cluster 'catify-main' has no viable failover candidate "
                + "(db-legacy-2: decommissioned): losing primary 'db-main-1' would promote nothing and is an outage");
        assertThat(findings.get(1).message()).isEqualTo("failover candidate 'db-legacy-2' of cluster "
                + "'catify-main' is decommissioned (sample-topologies/catifyme/inventory.yaml:26): losing primary "
                + "'db-main-1' would promote "
                + "nothing; point failover at an active replica");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catifyme-fixed", "catifyme-before", "three-zone-healthy"})
    void healthySamplesHaveNoFindings(String sample) {
        assertThat(inspect(sample).findings()).isEmpty();
    }
}
