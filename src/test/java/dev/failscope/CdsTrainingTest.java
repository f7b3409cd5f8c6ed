package dev.failscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CDS training run's argument list (pom.xml, profile launcher): command lines separated by a lone ';'. */
class CdsTrainingTest {
    @Test
    void splitsTheCommandLinesAtLoneSemicolons() {
        assertThat(CdsTraining.commands(new String[] {"check", "a;b", ";", ";", "rules", ";"}))
                .containsExactly(List.of("check", "a;b"), List.of("rules"));
        assertThat(CdsTraining.commands(new String[0])).isEmpty();
    }
}
