package dev.failscope.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/examples/live/snapshot.yaml is what {@link SnapshotWriter} writes for a drifted orders cluster (after a
 * failover to pg-2, pg-1 lagging 5 MiB, pg-old back in service, pg-4 added by hand, pg-5's REST API down), so the
 * docs' example cannot differ from the real writer. Regenerate with {@code -Dgolden.update=true}.
 */
public class SnapshotExampleTest {
    static final Path EXAMPLE = Path.of("docs/examples/live/snapshot.yaml");

    public static Snapshot drifted() {
        Endpoint rest = Endpoint.flag(Endpoint.Kind.PATRONI, "http://10.0.1.12:8008");
        List<LiveMember> members = List.of(
                new LiveMember("pg-2", "10.0.1.12:5432", "leader", "running", 4L, "0/9000148", null, null, null, null,
                        false, null, Map.of()),
                new LiveMember("pg-1", "10.0.1.11:5432", "replica", "streaming", 4L, "0/8B00000", 5_242_880L, "async",
                        null, null, false, null, Map.of()),
                new LiveMember("pg-3", "10.0.1.13:5432", "sync_standby", "streaming", 4L, "0/9000148", 0L, "sync",
                        null, null, false, null, Map.of()),
                new LiveMember("pg-4", "10.0.1.14:5432", "replica", "streaming", 4L, "0/9000148", 0L, "async", null,
                        null, false, null, Map.of("clonefrom", "true")),
                new LiveMember("pg-5", "10.0.1.15:5432", "replica", "unreachable", 4L, null, null, "async", null,
                        null, false, null, Map.of()),
                new LiveMember("pg-old", "10.0.1.9:5432", "replica", "streaming", 4L, "0/9000148", 0L, "async", null,
                        null, false, null, Map.of()));
        LiveCluster orders = new LiveCluster("orders", "postgresql", "patroni@3.0.2", rest.describe(), "pg-2",
                members, Duration.ofSeconds(30), null, 1_048_576L, true, false, null, 10L, List.of(),
                List.of("pg-1", "pg-3", "pg-4", "pg-5", "pg-old"));
        return new Snapshot(Instant.parse("2026-12-02T18:00:00Z"), List.of(rest), List.of(orders), List.of(
                new Unreachable(new Endpoint(Endpoint.Kind.PATRONI, "http://10.0.1.15:8008", rest.origin()), "orders",
                        "pg-5", "GET /patroni: no connection within 2000 ms")));
    }

    @Test
    void theDocsExampleIsWhatTheWriterWrites() throws IOException {
        String yaml = SnapshotWriter.yaml(drifted());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(EXAMPLE, yaml, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(EXAMPLE, StandardCharsets.UTF_8)).isEqualTo(yaml);
    }
}
