package dev.failscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Escaping#textBlock}: a text with nothing to change comes back as it is, any other is changed per line. */
class TextBlockTest {
    @Test
    void everyTextIsTheJoinOfItsLinesAsTextLines() {
        Random random = new Random(3);
        String[] pieces = {"db-1", "::", ":", "\n", " ", "\r", "\t", "\u202E", "\uD83D\uDE00", "\uD800", "é", "x::y",
            "\n::warning", "\u0085", "  OUTAGE", ""};
        List<String> texts = new ArrayList<>(List.of("", "\n", "::", "a\n::b", "plain\ntext\n", ":x\n:"));
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0, n = random.nextInt(8); j < n; j++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            assertThat(Escaping.textBlock(text)).as("%s", Escaping.visible(text)).isEqualTo(byLines(text));
        }
    }

    @Test
    void aPlainTextIsReturnedItself() {
        String text = "FAILURE  RESULT\ndb-1     ok\n\n1 of 1 single failures cause an outage\n";

        assertThat(Escaping.textBlock(text)).isSameAs(text);
        assertThat(Escaping.textBlock("::set-output\n")).isEqualTo(" ::set-output\n");
        assertThat(Escaping.textBlock("a\n::b")).isEqualTo("a\n ::b");
    }

    private static String byLines(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(Escaping.textLine(lines[i]));
        }
        return out.toString();
    }
}
