package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Observation;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's {@code observed:} mapping: every field read with its position, every bad value a load error. */
class ObservationReaderTest {
    @TempDir
    Path dir;

    private LoadResult load(String observed) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "kind: inventory\nservers:\n  - name: db-1\n    observed:\n"
                + observed);
        return new TopologyLoader().load(List.of(dir.resolve("a.yaml").toString()));
    }

    private List<String> errors(String observed) throws IOException {
        String prefix = dir + "/";
        return load(observed).errors().stream().map(e -> e.format().replace(prefix, "")).toList();
    }

    @Test
    void everyFieldIsReadWithThePositionOfTheMapping() throws IOException {
        LoadResult r = load("      role: replica\n      state: streaming\n      timeline: 3\n      lsn: 0/3000148\n"
                + "      lag-bytes: 0\n      sync: async\n      offset: 12345\n      priority: 100\n"
                + "      at: 2026-12-02T18:00:00Z\n");
        assertThat(r.errors()).isEmpty();
        Topology t = r.topology();
        Observation o = t.observation("db-1").orElseThrow();
        assertThat(o).extracting(Observation::role, Observation::state, Observation::timeline, Observation::lsn,
                Observation::lagBytes, Observation::sync, Observation::offset, Observation::priority,
                Observation::at).containsExactly("replica", "streaming", 3L, "0/3000148", 0L, "async", 12345L, 100,
                "2026-12-02T18:00:00Z");
        assertThat(o.position().line()).isEqualTo(5);
        assertThat(o.lsnValue()).contains(0x3000148L);
        assertThat(r.topology().servers()).hasSize(1);
    }

    @Test
    void anEmptyOrPartialObservationKeepsTheRestUnknown() throws IOException {
        LoadResult r = load("      lsn: 1F/A0\n");
        assertThat(r.errors()).isEmpty();
        Observation o = r.topology().observation("db-1").orElseThrow();
        assertThat(o.role()).isNull();
        assertThat(o.offset()).isNull();
        assertThat(o.lsnValue()).contains(0x1FL << 32 | 0xA0);
        assertThat(load("      \n").topology().observation("db-1")).isEmpty();
    }

    @Test
    void aMisspelledRoleStateOrSyncGetsADidYouMean() throws IOException {
        assertThat(errors("      role: replcia\n")).containsExactly("a.yaml:5:13: error: 'role' of observed state of "
                + "server 'db-1' must be one of primary, leader, replica, sync_standby, standby_leader, master, slave, "
                + "got the string 'replcia': did you mean 'replica'?");
        assertThat(errors("      state: streamin\n")).singleElement().asString().endsWith("did you mean 'streaming'?");
        assertThat(errors("      sync: quorom\n")).singleElement().asString().endsWith("did you mean 'quorum'?");
    }

    @Test
    void aBadLsnIsAnErrorAndStaysUnknown() throws IOException {
        assertThat(errors("      lsn: 3000148\n")).containsExactly("a.yaml:5:12: error: 'lsn' of observed state of "
                + "server 'db-1' must be a WAL position: two hexadecimal numbers of up to 8 digits with a slash, such "
                + "as 0/3000148, got an integer (3000148)");
        assertThat(errors("      lsn: 0/XYZ\n")).singleElement().asString().contains("got the string '0/XYZ'");
        assertThat(errors("      lsn: 0/123456789\n")).hasSize(1);
        assertThat(load("      lsn: 0/XYZ\n").topology().observation("db-1").orElseThrow().lsn()).isNull();
    }

    @Test
    void numbersMustBeWholeAndNotNegative() throws IOException {
        assertThat(errors("      lag-bytes: -1\n")).containsExactly("a.yaml:5:18: error: 'lag-bytes' of observed "
                + "state of server 'db-1' must be a whole number of at least 0, got an integer (-1)");
        assertThat(errors("      offset: 1.5\n")).singleElement().asString().contains("'offset'");
        assertThat(errors("      timeline: 0\n")).singleElement().asString().contains("at least 1");
        assertThat(errors("      priority: 99999999999\n")).singleElement().asString()
                .contains("over the largest priority");
        assertThat(errors("      offset: 99999999999999999999999\n")).hasSize(1);
    }

    @Test
    void aBadTimeAndAScalarObservedAreErrors() throws IOException {
        assertThat(errors("      at: yesterday\n")).singleElement().asString().contains("'at' of observed state of "
                + "server 'db-1' must be an ISO-8601 time");
        Files.writeString(dir.resolve("a.yaml"), "kind: inventory\nservers:\n  - name: db-1\n    observed: up\n");
        assertThat(new TopologyLoader().load(List.of(dir.resolve("a.yaml").toString())).errors()).singleElement()
                .extracting(LoadError::format).asString().contains("'observed' of server 'db-1' must be a map");
    }

    @Test
    void anUnknownKeyIsAFindingWithASuggestion() throws IOException {
        LoadResult r = load("      lag_bytes: 5\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.topology().unknownKeys()).singleElement().satisfies(k -> {
            assertThat(k.key()).isEqualTo("lag_bytes");
            assertThat(k.suggestion()).isEqualTo("lag-bytes");
        });
    }
}
