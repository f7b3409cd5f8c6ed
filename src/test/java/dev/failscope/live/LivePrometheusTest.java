package dev.failscope.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivePrometheusTest {
    @Test
    void namesFromTheClusterAreEscapedInLabels() {
        LiveMember m = new LiveMember("db\"1\n", null, "master", "unreachable", null, null, null, null, 10L, null,
                false, null, Map.of());
        LiveCluster c = new LiveCluster("a\"b\\c", "redis", "sentinel@7.0.15", "sentinel x:1", null, List.of(m), null,
                null, null, false, false, 2, null, List.of(), List.of());
        String text = LivePrometheus.render(new Snapshot(Instant.parse("2026-12-02T18:00:00Z"), List.of(), List.of(c),
                List.of()), List.of());
        assertThat(text).contains("failscope_live_member_reachable{cluster=\"a\\\"b\\\\c\",member=\"db\\\"1\\\\n\","
                + "role=\"master\"} 0\n");
        assertThat(text).contains("failscope_live_has_primary{cluster=\"a\\\"b\\\\c\"} 0\n");
        assertThat(text).contains("failscope_drift_findings{cluster=\"a\\\"b\\\\c\",rule=\"drift-lag\",severity=\"error\"} 0\n");
        assertThat(text.lines()).allSatisfy(l -> assertThat(l).matches("(# (HELP|TYPE) .*|[a-z_]+(\\{.*})? \\d+)"));
        assertThat(text).contains("failscope_live_snapshot_timestamp_seconds 1796234400\n");
    }
}
