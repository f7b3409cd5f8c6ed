package dev.failscope.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.support.Schemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetGeneratorTest {
    static final FleetSpec SPEC = new FleetSpec(40, 3, 4, 12, 42);

    @Test
    void sameSpecGivesTheSameFiles() {
        assertThat(FleetGenerator.generate(SPEC)).isEqualTo(FleetGenerator.generate(SPEC));
    }

    @Test
    void anotherSeedGivesAnotherFleet() {
        Fleet a = FleetGenerator.generate(SPEC);
        Fleet b = FleetGenerator.generate(new FleetSpec(40, 3, 4, 12, 43));

        assertThat(a.files()).isNotEqualTo(b.files());
    }

    @Test
    void countsFollowTheSpec() {
        Fleet fleet = FleetGenerator.generate(new FleetSpec(40, 3, 4, 0, 1));

        assertThat(fleet.clusters()).isEqualTo(40);
        assertThat(fleet.servers()).isEqualTo(160);
        assertThat(fleet.services()).isEqualTo(14);
        assertThat(fleet.faults().values()).allMatch(n -> n == 0);
        assertThat(fleet.files()).extracting(Fleet.GeneratedFile::path)
                .contains("clusters/orders.yaml", "inventory/us-east-1a.yaml", "inventory/us-east-1d.yaml",
                        "services/orders.yaml")
                .doesNotContain("inventory/retired.yaml")
                .isSorted();
    }

    @Test
    void faultsAreHandedOutOverTheKinds() {
        Fleet fleet = FleetGenerator.generate(SPEC);

        assertThat(fleet.faults().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
        assertThat(fleet.faults()).containsEntry(FaultKind.DECOMMISSIONED_TARGET, 2)
                .containsEntry(FaultKind.MISSING_TARGET, 2).containsEntry(FaultKind.MISSING_CLUSTER, 1);
        String all = String.join("\n", fleet.files().stream().map(Fleet.GeneratedFile::text).toList());
        assertThat(all).contains("status: decommissioned", "status: maintenance",
                "# injected fault: failover points at a decommissioned server (the CatifyMe incident)");
    }

    @Test
    void clustersWithoutReplicasStillGetFaults() {
        Fleet fleet = FleetGenerator.generate(new FleetSpec(10, 0, 3, 10, 5));

        assertThat(fleet.faults().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(fleet.faults()).containsEntry(FaultKind.SAME_ZONE_CANDIDATE, 0)
                .containsEntry(FaultKind.MISSING_TARGET, 5);
    }

    @Test
    void everyDocumentMatchesTheNativeSchema() throws IOException {
        JsonSchema schema = Schemas.nativeFormat();
        for (Fleet.GeneratedFile f : FleetGenerator.generate(SPEC).files()) {
            List<JsonNode> docs = Schemas.documents(f.text(), false);
            assertThat(docs).isNotEmpty();
            for (JsonNode doc : docs) {
                assertThat(schema.validate(doc)).as(f.path()).isEmpty();
            }
        }
    }

    @Test
    void theFleetLoadsWithoutErrors(@TempDir Path dir) throws Exception {
        Fleet fleet = FleetGenerator.generate(SPEC);
        FleetWriter.write(fleet, dir.resolve("fleet"));

        LoadResult result = new TopologyLoader().load(List.of(dir.resolve("fleet").toString()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.files()).hasSize(fleet.files().size());
        assertThat(result.topology().clusters()).hasSize(40);
        assertThat(result.topology().servers()).hasSize(fleet.servers());
        assertThat(result.topology().services()).hasSize(fleet.services());
    }

    @Test
    void specRejectsNonsense() {
        assertThatThrownBy(() -> new FleetSpec(0, 1, 1, 0, 1)).hasMessage("--clusters must be between 1 and 1000000");
        assertThatThrownBy(() -> new FleetSpec(1, 10, 1, 0, 1)).hasMessage("--replicas must be between 0 and 9");
        assertThatThrownBy(() -> new FleetSpec(1, 1, 19, 0, 1)).hasMessage("--zones must be between 1 and 18");
        assertThatThrownBy(() -> new FleetSpec(1, 1, 1, -1, 1)).hasMessage("--faults must not be negative");
    }

    /** A zone with more servers than one file may hold continues in ZONE-2.yaml, ...: every file stays loadable. */
    @org.junit.jupiter.api.Test
    void aLargeZoneIsSplitIntoFilesTheLoaderAccepts() {
        Fleet whole = FleetGenerator.generate(new FleetSpec(120, 2, 3, 0, 3));
        Fleet split = FleetGenerator.generate(new FleetSpec(120, 2, 3, 0, 3), 50);
        java.util.List<String> paths = split.files().stream().map(Fleet.GeneratedFile::path)
                .filter(p -> p.startsWith("inventory/")).toList();
        org.assertj.core.api.Assertions.assertThat(paths).contains("inventory/us-east-1a.yaml",
                "inventory/us-east-1a-2.yaml", "inventory/us-east-1a-3.yaml");
        for (Fleet.GeneratedFile f : split.files()) {
            if (f.path().startsWith("inventory/")) {
                org.assertj.core.api.Assertions.assertThat(f.text().split("\n  - name: ", -1).length - 1)
                        .as(f.path()).isBetween(1, 50);
            }
        }
        java.util.function.Function<Fleet, java.util.List<String>> names = fleet -> fleet.files().stream()
                .filter(f -> f.path().startsWith("inventory/"))
                .flatMap(f -> java.util.Arrays.stream(f.text().split("\n")))
                .filter(l -> l.startsWith("  - name: ")).sorted().toList();
        org.assertj.core.api.Assertions.assertThat(names.apply(split)).isEqualTo(names.apply(whole));
        org.assertj.core.api.Assertions.assertThat(whole.files().stream().map(Fleet.GeneratedFile::path)
                .filter(p -> p.startsWith("inventory/")).toList()).noneMatch(p -> p.contains("-2"));
    }
}
