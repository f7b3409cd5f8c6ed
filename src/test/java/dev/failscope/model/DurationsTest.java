package dev.failscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Durations#parse} reads exactly the format's grammar, {@code (\d{1,12})(ms|s|m|h)} after a trim. */
class DurationsTest {
    private static final Pattern GRAMMAR = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

    /** The grammar as a regular expression: the parser's specification. */
    private static Optional<Duration> reference(String text) {
        Matcher m = GRAMMAR.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        });
    }

    @Property(tries = 2000)
    void agreesWithTheGrammar(@ForAll("durationLike") String text) {
        assertThat(Durations.parse(text)).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> durationLike() {
        return Arbitraries.strings().withChars("0123456789msh \t-+.x\u0660").ofMaxLength(16);
    }

    @Test
    void readsEachUnit() {
        assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(Durations.parse(" 30s ")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("7200s")).contains(Duration.ofSeconds(7200));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("8760h")).contains(Durations.MAX);
        assertThat(Durations.parse("999999999999h")).contains(Duration.ofHours(999_999_999_999L));
        assertThat(Durations.parse("1000000000000s")).isEmpty();
        assertThat(Durations.parse("\u0663s")).isEmpty(); // Arabic-Indic digit: not a digit of the format
        assertThat(Durations.parse("s")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.parse("5")).isEmpty();
        assertThat(Durations.parse("5sm")).isEmpty();
        assertThat(Durations.parse("5mss")).isEmpty();
    }
}
