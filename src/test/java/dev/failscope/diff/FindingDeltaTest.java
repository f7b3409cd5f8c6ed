package dev.failscope.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingDeltaTest {
    private static Finding f(String rule, String subject, String target, int line) {
        return new Finding(rule, Severity.ERROR, rule + " " + subject, subject, target,
                new SourcePosition("f.yaml", line, 1));
    }

    @Test
    void matchesByRuleSubjectAndTargetNotPosition() {
        Finding moved = f("r", "c", "x", 3);
        Finding movedAfter = f("r", "c", "x", 30);
        Finding gone = f("r", "c", "y", 4);
        Finding fresh = f("r", "c", "z", 5);
        Finding otherRule = f("q", "c", "x", 3);
        FindingDelta d = FindingDelta.compare(List.of(moved, gone), List.of(movedAfter, fresh, otherRule));
        assertThat(d.unchanged()).containsExactly(movedAfter);
        assertThat(d.resolved()).containsExactly(gone);
        assertThat(d.introduced()).containsExactly(otherRule, fresh);
    }

    @Test
    void aSecondIdenticalFindingIsIntroduced() {
        Finding a = f("r", "c", null, 1);
        Finding b = f("r", "c", null, 9);
        FindingDelta d = FindingDelta.compare(List.of(a), List.of(a, b));
        assertThat(d.unchanged()).containsExactly(a);
        assertThat(d.introduced()).containsExactly(b);
        assertThat(d.resolved()).isEmpty();
    }
}
