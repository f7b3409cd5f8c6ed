package dev.failscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Finding;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules run side by side; the findings, and their order, must not depend on how many threads run them. */
class RuleCatalogThreadsTest {
    @Test
    void aFleetWithFaultsGivesTheSameFindingsInTheSameOrderOnOneThreadAndOnMany(@TempDir Path dir)
            throws IOException {
        // more policies than RuleCatalog.ASSESS_FIRST_FROM: on several threads the assessments are made first
        Fleet fleet = FleetGenerator.generate(new FleetSpec(RuleCatalog.ASSESS_FIRST_FROM + 76, 3, 3, 40, 5));
        for (Fleet.GeneratedFile f : fleet.files()) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.text());
        }
        Topology topology = new TopologyLoader().load(List.of(dir.toString())).topology();
        assertThat(topology.policies()).hasSizeGreaterThan(RuleCatalog.ASSESS_FIRST_FROM);
        List<Finding> one = RuleCatalog.standard().check(topology, 1);
        assertThat(one).hasSizeGreaterThan(40);
        for (int threads : List.of(2, 3, 8)) {
            assertThat(RuleCatalog.standard().check(topology, threads)).isEqualTo(one);
        }
    }
}
