package dev.failscope.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.generate.Fleet;
import dev.failscope.generate.FleetGenerator;
import dev.failscope.generate.FleetSpec;
import dev.failscope.load.LoadLimits;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.LoadResult;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native YAML files are read while they are parsed, a document and an inventory server at a time. That must load
 * exactly what parsing each whole file first loads: the same declarations and the same errors in the same order,
 * on every hostile case, every fixture and sample, a generated fleet, and the corner cases of the streaming itself.
 */
class StreamingEquivalenceTest {
    @TempDir
    Path dir;

    @Test
    void everyHostileCaseLoadsTheSameStreamedAndWhole() throws IOException {
        List<HostileCorpus> cases = HostileCorpus.read();
        assertThat(cases).hasSizeGreaterThan(50);
        for (HostileCorpus c : cases) {
            Path folder = dir.resolve(c.name());
            write(folder, c.files());
            assertSame(c.name(), folder);
        }
    }

    @Test
    void samplesFixturesAndRealConfigsLoadTheSame() throws IOException {
        for (String root : List.of("sample-topologies", "src/test/resources/fixtures", "src/test/resources/routes",
                "src/test/resources/real-configs", "docs/examples")) {
            if (!Files.isDirectory(Path.of(root))) {
                continue;
            }
            try (Stream<Path> walk = Files.list(Path.of(root))) {
                for (Path p : walk.sorted().toList()) {
                    assertSame(p.toString(), p);
                }
            }
        }
    }

    @Test
    void aGeneratedFleetWithFaultsLoadsTheSame() throws IOException {
        Fleet fleet = FleetGenerator.generate(new FleetSpec(400, 3, 3, 20, 11));
        for (Fleet.GeneratedFile f : fleet.files()) {
            Path p = dir.resolve("fleet").resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.text());
        }
        LoadResult streamed = assertSame("fleet", dir.resolve("fleet"));
        assertThat(streamed.topology().servers()).hasSize(fleet.servers());
    }

    @Test
    void theCornersOfStreamingLoadTheSame() throws IOException {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("authoritative-after-servers.yaml", """
                        kind: inventory
                        servers:
                          - {name: a, zone: z1, bogus: 1}
                          - name: b
                        authoritative: true
                        extra: 2
                        """),
                Map.entry("kind-after-servers.yaml", """
                        servers:
                          - {name: c}
                        kind: inventory
                        """),
                Map.entry("duplicate-servers.yaml", """
                        kind: inventory
                        servers: [{name: d1}]
                        servers: [{name: d2}]
                        """),
                Map.entry("anchored-list.yaml", """
                        kind: inventory
                        servers: &all
                          - &one {name: e1, zone: z}
                          - *one
                        again: *all
                        """),
                Map.entry("alias-to-item.yaml", """
                        kind: inventory
                        servers:
                          - &base {name: f1, zone: z, region: r}
                          - {<<: *base, name: f2}
                        """),
                Map.entry("refused-after-servers.yaml", """
                        kind: inventory
                        servers:
                          - {name: g1}
                        bad: *nowhere
                        ---
                        kind: inventory
                        servers:
                          - {name: g2}
                        """),
                Map.entry("syntax-error-after.yaml", """
                        kind: inventory
                        servers:
                          - {name: h1}
                        ---
                        kind: inventory
                        servers:
                          - {name: h2
                        """),
                Map.entry("servers-not-a-list.yaml", """
                        kind: inventory
                        servers: {name: i1}
                        """),
                Map.entry("mixed-with-kubernetes.yaml", """
                        kind: inventory
                        servers:
                          - {name: pg-0, address: 10.0.0.1}
                        ---
                        apiVersion: v1
                        kind: Service
                        metadata: {name: pg-rw}
                        spec:
                          selector: {cnpg.io/cluster: pg, role: primary}
                        """),
                Map.entry("items-not-maps.yaml", """
                        kind: inventory
                        servers:
                          - just-a-name
                          - [1, 2]
                          - {name: j1, status: weird, observed: {role: primary, lsn: nope}}
                        """),
                Map.entry("tagged-list.yaml", """
                        kind: inventory
                        servers: !!seq
                          - {name: k1}
                        """),
                Map.entry("empty-and-null.yaml", """
                        kind: inventory
                        servers: []
                        ---
                        kind: inventory
                        servers:
                        ---
                        ---
                        kind: cluster
                        name: c
                        primary: j1
                        """));
        for (Map.Entry<String, String> e : cases.entrySet()) {
            Path folder = dir.resolve("corner-" + e.getKey());
            write(folder, Map.of(e.getKey(), e.getValue()));
            assertSame(e.getKey(), folder);
        }
    }

    private static LoadResult assertSame(String what, Path path) {
        LoadResult whole = new TopologyLoader(LoadLimits.DEFAULT, LoadOptions.DEFAULT, 1, false)
                .load(List.of(path.toString()));
        LoadResult streamed = new TopologyLoader(LoadLimits.DEFAULT, LoadOptions.DEFAULT, 2, true)
                .load(List.of(path.toString()));
        assertThat(streamed.errors()).as(what).isEqualTo(whole.errors());
        Topology a = streamed.topology();
        Topology b = whole.topology();
        assertThat(a.files()).as(what).isEqualTo(b.files());
        assertThat(a.servers()).as(what).isEqualTo(b.servers());
        assertThat(a.clusters()).as(what).isEqualTo(b.clusters());
        assertThat(a.policies()).as(what).isEqualTo(b.policies());
        assertThat(a.services()).as(what).isEqualTo(b.services());
        assertThat(a.routes()).as(what).isEqualTo(b.routes());
        assertThat(a.waivers()).as(what).isEqualTo(b.waivers());
        assertThat(a.observations()).as(what).isEqualTo(b.observations());
        assertThat(a.loadFindings()).as(what).isEqualTo(b.loadFindings());
        assertThat(a.unknownKeys()).as(what).isEqualTo(b.unknownKeys());
        assertThat(a.authoritativeInventory()).as(what).isEqualTo(b.authoritativeInventory());
        return streamed;
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = folder.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }
}
