package dev.failscope.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failscope.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native format's {@code manager:} field picks the engine; without it the ordered candidates apply. */
class NativeManagerTest {
    @TempDir
    Path tmp;

    private static final String TOPOLOGY = """
            kind: inventory
            servers:
              - {name: a, zone: z1}
              - {name: b, zone: z2}
              - {name: c, zone: z3}
            ---
            kind: cluster
            name: main
            primary: a
            replicas:
              - server: b
              - server: c
            ---
            kind: failover
            cluster: main
            candidates: [b, c]
            detection: 10s
            """;

    @Test
    void withoutAManagerTheFirstViableCandidateWinsAsBefore() {
        JsonNode sim = new Lab(tmp).file("t.yaml", TOPOLOGY).simulate("a");
        assertThat(Lab.cluster(sim, "main").get("primary").asText()).isEqualTo("b");
        assertThat(Lab.possible(sim, "main")).containsExactly("b");
        assertThat(Lab.cluster(sim, "main").get("rto_range_ms").get("min").asLong()).isEqualTo(10000);
        assertThat(Lab.cluster(sim, "main").get("rto_range_ms").get("max").asLong()).isEqualTo(10000);
    }

    @Test
    void aPatroniManagerLetsTheMostAdvancedReplicaWin() {
        JsonNode sim = new Lab(tmp).file("t.yaml", TOPOLOGY + "manager: patroni@3.0\n").simulate("a");
        assertThat(Lab.cluster(sim, "main").get("primary").isNull()).isTrue();
        assertThat(Lab.possible(sim, "main")).containsExactly("b", "c");
    }

    @Test
    void anUnknownManagerIsAPositionedErrorWithASuggestion() {
        Cli r = new Lab(tmp).file("t.yaml", TOPOLOGY + "manager: patorni@3.0\n").run("check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err() + r.out()).contains("t.yaml:18:10: error: unknown manager 'patorni': did you mean 'patroni'?");
    }
}
