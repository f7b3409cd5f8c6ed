package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Health;
import dev.failscope.simulation.SweepResult;
import dev.failscope.simulation.SweepRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The survivability matrix is made in pieces on worker threads: the text must be what one pass over the rows
 * gives (the reference below is the single-threaded rendering it replaced), whatever the number of threads, with
 * names from configs that try to start a workflow command, break a line or hide behind trailing white space.
 */
class SweepTextTest {
    private static final String[] NAMES = {"db-1", "::error file=x::owned", "line\nbreak", "tail   ",
        "em\u2003space\u2003", "bidi\u202Eevil", "caf\u00e9", "tab\there", "\uD83D\uDC31cat", "lone\uD800half",
        "end\uD83D", "\uDC31start"};

    @Test
    void piecesOnAnyNumberOfThreadsGiveTheSingleThreadedText() {
        SweepResult result = new SweepResult(rows(3_000));
        String reference = reference(result);
        assertThat(SweepText.render(result, 1)).isEqualTo(reference);
        for (int threads : List.of(2, 3, 8)) {
            assertThat(SweepText.render(result, threads)).as("%d threads", threads).isEqualTo(reference);
        }
        assertThat(SweepText.render(result)).isEqualTo(reference);
    }

    @Test
    void fewRowsAndNoRowsToo() {
        for (int n : List.of(0, 1, 7, 513)) {
            SweepResult result = new SweepResult(rows(n));
            assertThat(SweepText.render(result, 4)).as("%d rows", n).isEqualTo(reference(result));
        }
    }

    @Test
    void noLineOfTheMatrixStartsAWorkflowCommandOrEndsInWhiteSpace() {
        String text = SweepText.render(new SweepResult(rows(1_200)), 3);
        for (String line : text.split("\n", -1)) {
            assertThat(line).doesNotStartWith("::").isEqualTo(line.stripTrailing());
            assertThat(line).doesNotContain("\u202E", "\t", "\r");
        }
        assertThat(text).contains(" ::error file=x::owned", "line\\nbreak", "bidi\\u202Eevil", "tab\\there");
    }

    private static List<SweepRow> rows(int n) {
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = NAMES[i % NAMES.length] + (i % 3 == 0 ? "" : "-" + i);
            Health health = Health.values()[i % Health.values().length];
            List<String> some = i % 4 == 0 ? List.of() : List.of(NAMES[(i + 1) % NAMES.length], "c-" + i);
            Map<String, List<String>> promoted = new LinkedHashMap<>();
            if (i % 5 == 1) {
                promoted.put(NAMES[(i + 2) % NAMES.length], List.of("a", NAMES[(i + 3) % NAMES.length]));
            }
            boolean pair = i % 7 == 6;
            FailureScenario scenario = pair ? FailureScenario.servers(name, NAMES[(i + 4) % NAMES.length])
                    : FailureScenario.servers(name);
            rows.add(new SweepRow(scenario, pair, health, health == Health.DOWN ? some : List.of(),
                    health == Health.DEGRADED ? some : List.of(), i % 6 == 0 ? some : List.of(), List.of(),
                    i % 2 == 0 ? Duration.ofSeconds(i % 90) : null, health == Health.WRITES_BLOCKED ? some : List.of(),
                    promoted, i % 9 == 0 ? List.of(NAMES[i % NAMES.length] + ": no backend ") : List.of()));
        }
        return rows;
    }

    /** The matrix as it was rendered before the pieces: one pass, one string per line, one guard at the end. */
    private static String reference(SweepResult result) {
        StringBuilder out = new StringBuilder();
        List<SweepRow> rows = result.rows();
        String[] labels = new String[rows.size()];
        int w0 = "FAILURE".length();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Escaping.visible(rows.get(i).label());
            w0 = Math.max(w0, labels[i].length());
        }
        int w1 = "degraded".length();
        out.append(TimelineText.pad("FAILURE", w0)).append("  ").append(TimelineText.pad("RESULT", w1))
                .append("  IMPACT\n");
        for (int i = 0; i < labels.length; i++) {
            SweepRow r = rows.get(i);
            out.append((TimelineText.pad(labels[i], w0) + "  " + TimelineText.pad(SweepText.result(r), w1) + "  "
                    + Escaping.visible(impact(r))).stripTrailing()).append('\n');
        }
        out.append('\n');
        List<SweepRow> spofs = result.singlePointsOfFailure();
        if (spofs.isEmpty()) {
            out.append("single points of failure: none\n");
        } else {
            out.append("single points of failure:\n");
            for (SweepRow r : spofs) {
                out.append("  ").append(Escaping.visible(r.label())).append(": ")
                        .append(Escaping.visible(downs(r))).append('\n');
            }
        }
        List<SweepRow> pairOutages = result.pairs().stream().filter(SweepRow::outage).toList();
        if (!pairOutages.isEmpty()) {
            out.append("pairs that cause an outage:\n");
            for (SweepRow r : pairOutages) {
                out.append("  ").append(Escaping.visible(r.label())).append(": ")
                        .append(Escaping.visible(downs(r))).append('\n');
            }
        }
        out.append(SweepText.counts(result.singles(), "single failure"));
        if (!result.pairs().isEmpty()) {
            out.append(SweepText.counts(result.pairs(), "pair failure"));
        }
        return Escaping.textBlock(out.toString());
    }

    private static String impact(SweepRow r) {
        List<String> parts = new ArrayList<>();
        add(parts, "clusters down", r.clustersDown());
        add(parts, "clusters with writes blocked", r.clustersBlocked());
        add(parts, "services down", r.servicesDown());
        add(parts, "clusters degraded", r.clustersDegraded());
        add(parts, "services degraded", r.servicesDegraded());
        r.maxRtoOpt().ifPresent(d -> parts.add("RTO " + dev.failscope.model.Durations.format(d)));
        r.promoted().forEach((cluster, who) -> parts.add("promoted in " + cluster + ": " + String.join(" or ", who)));
        r.routesStuck().forEach(s -> parts.add("route " + s));
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    private static void add(List<String> parts, String label, List<String> names) {
        if (!names.isEmpty()) {
            parts.add(label + ": " + String.join(", ", names));
        }
    }

    private static String downs(SweepRow r) {
        List<String> parts = new ArrayList<>();
        if (!r.clustersDown().isEmpty()) {
            parts.add("clusters down: " + String.join(", ", r.clustersDown()));
        }
        if (!r.clustersBlocked().isEmpty()) {
            parts.add("clusters with writes blocked: " + String.join(", ", r.clustersBlocked()));
        }
        if (!r.servicesDown().isEmpty()) {
            parts.add("services down: " + String.join(", ", r.servicesDown()));
        }
        return String.join("; ", parts);
    }
}
