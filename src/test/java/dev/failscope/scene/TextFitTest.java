package dev.failscope.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Names shortened to fit a box at Fit: different servers must still read differently. */
class TextFitTest {
    @Test
    void serversThatDifferOnlyAtTheEndStayApartWhenShortened() {
        List<String> names = IntStream.rangeClosed(1, 3).mapToObj(i -> "mysql-accounts-" + i).toList();
        List<String> shown = names.stream().map(n -> TextFit.name(n, 60, 9.5, true)).toList();
        assertThat(shown).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).contains("…").hasSizeLessThan(14));
        assertThat(shown.get(0)).startsWith("my").endsWith("-1");
    }

    @Test
    void namesThatCollideWhenShortenedKeepMoreOfTheirEnds() {
        List<String> names = List.of("mysql-accounts-eu-primary-1", "mysql-accounts-us-primary-1",
                "mysql-accounts-ap-primary-1");
        assertThat(names.stream().map(n -> TextFit.name(n, 70, 9.5, true)).distinct().count())
                .as("the plain middle cut makes them identical").isEqualTo(1);
        List<String> shown = TextFit.distinct(names, 70, 9.5, true);
        assertThat(shown).doesNotHaveDuplicates();
        shown.forEach(s -> assertThat(TextFit.width(s, 9.5, true)).isLessThanOrEqualTo(70));
    }

    @Test
    void aNameThatFitsIsLeftAlone() {
        assertThat(TextFit.name("db-main-1", 200, 13, true)).isEqualTo("db-main-1");
        assertThat(TextFit.distinct(List.of("a", "a"), 200, 13, true)).containsExactly("a", "a");
    }

    @Test
    void endCutsKeepTheStartAndFit() {
        String t = TextFit.end("async · lag 2s and much more", 60, 11, false);
        assertThat(t).startsWith("async").endsWith("…");
        assertThat(TextFit.width(t, 11, false)).isLessThanOrEqualTo(60);
    }
}
