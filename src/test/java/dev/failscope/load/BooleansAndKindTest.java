package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Booleans are exactly true/false, yes/no, on/off in any case, or a load error; a missing kind is an error. */
class BooleansAndKindTest {
    @TempDir
    Path dir;

    private LoadResult load(String text) throws IOException {
        Path f = Files.writeString(dir.resolve("a.yaml"), text);
        return new TopologyLoader().load(List.of(f.toString()));
    }

    private static String inventory(String flag) {
        return "kind: inventory\nauthoritative: " + flag + "\nservers:\n  - name: db-1\n    no-failover: " + flag
                + "\n";
    }

    private static String failover(String flag) {
        return "kind: failover\ncluster: c\ncandidates: [db-1]\nrequire-sync: " + flag + "\nsame-region-only: "
                + flag + "\nstrict-sync: " + flag + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "yes", "Yes", "YES", "yEs", "on", "On", "ON", "oN", "'yes'",
        "\"on\""})
    void everyTrueWordIsTrue(String word) throws IOException {
        LoadResult inv = load(inventory(word));
        assertThat(inv.errors()).isEmpty();
        assertThat(inv.topology().server("db-1").orElseThrow().noFailover()).isTrue();
        assertThat(inv.topology().authoritativeInventory()).isPresent();

        LoadResult pol = load(failover(word));
        assertThat(pol.errors()).isEmpty();
        var p = pol.topology().policies().get(0);
        assertThat(p.requireSync()).isTrue();
        assertThat(p.sameRegionOnly()).isTrue();
        assertThat(p.strictSync()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "nO"})
    void everyFalseWordIsFalse(String word) throws IOException {
        LoadResult inv = load(inventory(word));
        assertThat(inv.errors()).isEmpty();
        assertThat(inv.topology().server("db-1").orElseThrow().noFailover()).isFalse();
        assertThat(inv.topology().authoritativeInventory()).isEmpty();
        var p = load(failover(word)).topology().policies().get(0);
        assertThat(p.requireSync()).isFalse();
        assertThat(p.sameRegionOnly()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "n", "1", "0", "maybe", "tru", "~", "[]", "yes please", "2024-01-01"})
    void anythingElseIsAPositionedError(String word) throws IOException {
        List<String> errors = load(inventory(word)).errors().stream().map(LoadError::format).toList();
        assertThat(errors).hasSize(2).allMatch(e -> e.contains("must be true or false (also yes/no, on/off), got"));
        assertThat(errors.get(0)).contains("a.yaml:2:16: error: 'authoritative'");
        assertThat(errors.get(1)).contains("a.yaml:5:18: error: 'no-failover' of server 'db-1'");
        assertThat(load(failover(word)).errors()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "on", "Yes"})
    void theOnlyCandidateMarkedNeverPromoteIsNeverPromoted(String word) throws IOException {
        Path topo = copy("catifyme-fixed");
        assertThat(Cli.run("check", topo.toString()).exit()).isZero();
        Path inventory = topo.resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(inventory).replace("  - name: db-replica-1\n",
                "  - name: db-replica-1\n    no-failover: " + word + "\n"));

        Cli.Run check = Cli.run("check", topo.toString());
        Cli.Run sim = Cli.run("simulate", topo.toString(), "--fail", "db-main-1");

        assertThat(check.exit()).as(check.out()).isEqualTo(1);
        assertThat(check.out()).contains("[failover-target-no-failover]");
        assertThat(sim.exit()).isEqualTo(1);
        assertThat(sim.out()).doesNotContain("promoted db-replica-1");
    }

    @Test
    void aMisspeltKindInAFolderIsALoadErrorWithDidYouMean() throws IOException {
        Path topo = copy("catifyme");
        Path failover = topo.resolve("failover.yaml");
        Files.writeString(failover, Files.readString(failover).replace("kind: failover", "knid: failover"));

        Cli.Run inFolder = Cli.run("check", topo.toString());
        Cli.Run alone = Cli.run("check", failover.toString());

        for (Cli.Run run : List.of(inFolder, alone)) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).contains("failover.yaml:2:1: error: document has no 'kind': did you mean 'kind' "
                    + "instead of 'knid'? (it says failover)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kind: failover", "KIND: failover", "kin: failover", "kinds: failover",
        "knid: falover", "type: failover"})
    void aKindKeyOneTypoAwayOrMissingIsAnError(String line) throws IOException {
        LoadResult r = load(line + "\ncluster: c\ncandidates: [db-1]\n");
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).format()).contains("document has no 'kind'");
    }

    @Test
    void aMissingKindWhoseKeysAreOneKindsSaysWhichKind() throws IOException {
        LoadResult r = load("cluster: c\ncandidates: [db-1]\n");
        assertThat(r.errors()).extracting(LoadError::format).containsExactly(dir.resolve("a.yaml")
                + ":1:1: error: document has no 'kind': its keys are those of a failover document; did you mean to "
                + "add 'kind: failover'?");
    }

    @Test
    void unrelatedYamlInAFolderIsStillOnlySkipped() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\nlink: x\nfind: y\n");
        Files.writeString(dir.resolve("i.yaml"), inventory("no"));
        LoadResult r = new TopologyLoader().load(List.of(dir.toString()));
        assertThat(r.errors()).isEmpty();
    }

    private Path copy(String sample) throws IOException {
        Path topo = Files.createDirectories(dir.resolve(sample));
        try (Stream<Path> s = Files.list(Path.of("sample-topologies", sample))) {
            for (Path p : s.toList()) {
                Files.copy(p, topo.resolve(p.getFileName()));
            }
        }
        return topo;
    }
}
