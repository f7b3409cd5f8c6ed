package dev.failscope.load.importers;

import static dev.failscope.load.importers.Fixture.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.analysis.Inspection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
    @TempDir
    Path tmp;

    @Test
    void formatsWeDoNotReadAreOnlyUnrecognizedInfosInADirectory() {
        Inspection i = Fixture.inspect(REAL + "/orchestrator", REAL + "/mongodb");
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.findings()).extracting(Fixture::brief).containsExactly(
                "unrecognized-file cam-inc_MxTransporter_init.js:1:1",
                "unrecognized-file go-oauth2_init.js:1:1",
                "unrecognized-file orchestrator-ci-env.conf.json:1:1",
                "unrecognized-file orchestrator-raft-env.conf.json:1:1",
                "unrecognized-file orchestrator-sample.conf.json:1:1");
        assertThat(i.topology().isEmpty()).isTrue();
    }

    @Test
    void haproxyAndPgpoolFilesAreReadNotSkipped() {
        Inspection i = Fixture.inspect(REAL + "/haproxy", REAL + "/pgpool");
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.findings()).extracting(Fixture::brief).filteredOn(f -> !f.startsWith("route-target-unknown"))
                .containsExactly("route-none pgpool.conf.sample-stream:1:1");
        // no inventory is loaded: each HAProxy server is a host Failscope cannot place, an info and not an error
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("route-target-unknown"))
                .hasSize(12).allSatisfy(f -> assertThat(f.severity()).isEqualTo(dev.failscope.model.Severity.INFO));
        assertThat(i.topology().routes()).hasSize(3);
    }

    @Test
    void theWholeRealConfigsDirectoryLoadsWithoutALoadError() {
        Inspection i = Fixture.inspect(REAL);
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(Fixture.findings(i, "unrecognized-file")).contains(
                "unrecognized-file orchestrator-sample.conf.json:1:1");
    }

    @Test
    void noFileOfTheRealConfigsIsSkippedInSilence() throws java.io.IOException {
        Inspection i = Fixture.inspect(REAL);
        java.util.Set<String> read = new java.util.TreeSet<>();
        i.topology().servers().forEach(s -> read.add(name(s.position().file())));
        i.topology().clusters().forEach(c -> c.members().forEach(m -> read.add(name(m.position().file()))));
        i.topology().policies().forEach(p -> p.monitors().forEach(m -> read.add(name(m.position().file()))));
        i.findings().forEach(f -> read.add(name(f.position().file())));
        i.topology().routes().forEach(r -> read.add(name(r.position().file())));
        java.util.List<String> onDisk;
        try (var walk = java.nio.file.Files.walk(Path.of(REAL))) {
            onDisk = walk.filter(java.nio.file.Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("SOURCES.md")).sorted().toList();
        }
        assertThat(read).containsAll(onDisk);
        assertThat(i.load().files()).hasSize(onDisk.size());
        assertThat(i.findings()).filteredOn(f -> f.rule().equals("unrecognized-file"))
                .allSatisfy(f -> assertThat(f.message()).doesNotStartWith("skipped: not a format"));
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    @Test
    void aForcedFormatRefusesAFileThatDoesNotFit() {
        Inspection i = Fixture.inspectAs("redis", REAL + "/haproxy/harisekhon_redis-master.cfg");
        assertThat(Fixture.errors(i)).singleElement().asString().endsWith("harisekhon_redis-master.cfg:19:1: "
                + "error: not a Redis config: 'frontend' is not a redis.conf or sentinel.conf directive (Redis "
                + "refuses to start on it)");
        assertThat(i.topology().servers()).isEmpty();
    }

    @Test
    void anExplicitUnrecognizedFileIsALoadErrorNamingTheFormatsTried() {
        Inspection i = Fixture.inspect(REAL + "/mongodb/go-oauth2_init.js");
        assertThat(Fixture.errors(i)).singleElement().asString()
                .endsWith("go-oauth2_init.js:1:1: error: not a format Failscope reads; tried "
                        + String.join(", ", Importers.standard().ids()) + " (force one with --as FORMAT)");
    }

    @Test
    void anUnknownNativeKindStaysALoadError() {
        Inspection i = new Fixture(tmp).file("x.yaml", "kind: inventroy\nservers: []\n").inspect();
        assertThat(Fixture.errors(i)).singleElement().asString()
                .endsWith("x.yaml:1:7: error: unknown kind 'inventroy': did you mean 'inventory'?");
    }

    @Test
    void aYamlSyntaxErrorInADirectoryStaysALoadError() {
        Fixture fx = new Fixture(tmp).file("d/x.yaml", "kind: inventory\nservers: [\n");
        Inspection i = Fixture.inspect(fx.path("d"));
        assertThat(Fixture.errors(i)).singleElement().asString().contains("invalid YAML");
    }

    @Test
    void otherKubernetesKindsAreIgnoredAndNativeDocumentsMix() {
        Inspection i = new Fixture(tmp).file("x.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                ---
                kind: inventory
                servers: [{name: a}]
                """).inspect();
        assertThat(Fixture.errors(i)).isEmpty();
        assertThat(i.topology().servers()).hasSize(1);
    }

    @Test
    void forcedFormatAppliesToExplicitFilesOnly() {
        Fixture fx = new Fixture(tmp)
                .file("member.txt", PatroniImporterTest.member("a", "10.0.0.1", ""))
                .file("d/inventory.yaml", "kind: inventory\nservers: [{name: x}]\n");
        Inspection detected = Fixture.inspect(fx.path("member.txt"), fx.path("d"));
        assertThat(Fixture.errors(detected)).isEmpty();
        Inspection forced = Fixture.inspectAs("patroni", fx.path("member.txt"), fx.path("d"));
        assertThat(Fixture.errors(forced)).isEmpty();
        assertThat(forced.topology().servers()).extracting(s -> s.name()).containsExactly("x", "a");
        Inspection wrong = Fixture.inspectAs("patroni", fx.path("d/inventory.yaml"));
        assertThat(Fixture.errors(wrong)).hasSize(1);
    }
}
