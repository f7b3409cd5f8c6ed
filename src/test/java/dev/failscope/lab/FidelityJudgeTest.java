package dev.failscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's verdict logic, without processes (runs in the default build). */
class FidelityJudgeTest {
    private static final String NEW_FIELDS = """
            {"clusters": {"lab": {"state": "degraded", "primary": null, "possible_primaries": ["pg-2", "pg-3"],
             "rto_range_ms": {"min": 8000, "max": 12000}, "rto_ms": 10000}}}""";
    private static final String OLD_FIELDS = """
            {"clusters": {"lab": {"state": "degraded", "primary": "pg-2", "rto_ms": 10000}}}""";
    private static final String DOWN = """
            {"clusters": {"lab": {"state": "down", "primary": null, "possible_primaries": [],
             "rto_range_ms": null}}}""";

    private static Prediction parse(String json) {
        return Prediction.parse(json, "lab", List.of());
    }

    @Test
    void aWinnerAmongThePossibleWithinTheRangeMatches() {
        Outcome real = Outcome.promoted("pg-3", 10_300, 10_500, "");
        assertThat(Fidelity.judge(real, parse(NEW_FIELDS), "pg-1")).isEmpty();
    }

    @Test
    void aWinnerOutsideThePossibleDoesNotMatch() {
        Outcome real = Outcome.promoted("pg-4", 10_300, 10_500, "");
        assertThat(Fidelity.judge(real, parse(NEW_FIELDS), "pg-1"))
                .containsExactly("real primary pg-4 is not in possible_primaries [pg-2, pg-3]");
    }

    @Test
    void aTimeFarOutsideTheRangeDoesNotMatch() {
        assertThat(Fidelity.judge(Outcome.promoted("pg-2", 30_000, 30_100, ""), parse(NEW_FIELDS), "pg-1"))
                .singleElement().asString().contains("outside the predicted RTO");
        assertThat(Fidelity.judge(Outcome.promoted("pg-2", 6_000, 6_100, ""), parse(NEW_FIELDS), "pg-1"))
                .singleElement().asString().contains("outside the predicted RTO");
    }

    @Test
    void aPredictionWithoutTheNewFieldsFailsRatherThanPasses() {
        Outcome real = Outcome.promoted("pg-2", 10_300, 10_500, "");
        assertThat(Fidelity.judge(real, parse(OLD_FIELDS), "pg-1")).containsExactly(
                "the prediction has no possible_primaries", "the prediction has no rto_range_ms");
        assertThat(Fidelity.holdsOnOldFields(real, parse(OLD_FIELDS), "pg-1")).isTrue();
        assertThat(Fidelity.holdsOnOldFields(Outcome.promoted("pg-3", 10_300, 10_500, ""), parse(OLD_FIELDS),
                "pg-1")).isFalse();
    }

    @Test
    void nothingPromotedMatchesDownWithNoPossiblePrimary() {
        Outcome real = Outcome.noPrimary(null, "");
        assertThat(Fidelity.judge(real, parse(DOWN), "pg-1")).isEmpty();
        assertThat(Fidelity.judge(real, parse(NEW_FIELDS), "pg-1"))
                .containsExactly("state degraded, expected down or writes-blocked");
    }

    @Test
    void blockedCommitsNeedTheWritesBlockedState() {
        Outcome real = new Outcome(Outcome.Kind.WRITES_BLOCKED, "pg-1", null, null, "");
        assertThat(Fidelity.judge(real, parse(DOWN.replace("\"down\"", "\"writes-blocked\"")), "pg-1")).isEmpty();
        assertThat(Fidelity.judge(real, parse(DOWN), "pg-1")).containsExactly("state down, expected writes-blocked");
    }

    @Test
    void noPredictionIsAMismatch() {
        Prediction none = Prediction.parse("not json", "lab", List.of());
        assertThat(Fidelity.judge(Outcome.noPrimary(null, ""), none, "pg-1")).singleElement().asString()
                .startsWith("simulate printed no JSON");
        assertThat(Fidelity.judge(Outcome.noPrimary(null, ""), parse("{\"clusters\": {}}"), "pg-1"))
                .containsExactly("no cluster 'lab' in the prediction");
    }
}
