package dev.failscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSampleTest {
    @Test
    void extractsCatifyMeAndItLoadsThroughTheNormalLoader(@TempDir Path tmp) {
        Path dir = BundledSample.extractTo(tmp);
        Inspection inspection = new Inspector().inspect(List.of(dir.toString()));
        assertThat(inspection.errors()).isEmpty();
        assertThat(inspection.topology().cluster("catify-main")).isPresent();
        assertThat(inspection.findings()).extracting(f -> f.rule()).contains("failover-target-decommissioned");
    }
}
