package dev.failscope.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Names shortened to fit a box at Fit: different servers must still read differently. */
class FitTextTest {
    @Test
    void serversThatDifferOnlyAtTheEndStayApartWhenShortened() {
        List<String> names = IntStream.rangeClosed(1, 3).mapToObj(i -> "mysql-accounts-" + i).toList();
        List<String> shown = names.stream().map(n -> PainterBase.fit(n, 60, 9.5)).toList();
        assertThat(shown).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).contains("…").hasSizeLessThan(12));
        assertThat(shown.get(0)).startsWith("mysql").endsWith("-1");
        assertThat(shown.stream().collect(Collectors.toSet())).hasSize(3);
    }

    @Test
    void aNameThatFitsIsLeftAlone() {
        assertThat(PainterBase.fit("db-main-1", 200, 13)).isEqualTo("db-main-1");
    }
}
