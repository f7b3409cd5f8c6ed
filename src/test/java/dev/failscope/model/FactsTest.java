package dev.failscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The compact {@link Facts} behaves as the map of positions it was made from. */
class FactsTest {

    @Property(tries = 300)
    void behavesAsTheMapItWasMadeFrom(@ForAll @Size(max = 40) Map<@StringLength(min = 1, max = 6) String,
            @IntRange(min = 1, max = 5000) Integer> lines, @ForAll boolean twoFiles) {
        Map<String, SourcePosition> positions = new HashMap<>();
        int i = 0;
        for (var e : lines.entrySet()) {
            String file = twoFiles && i++ % 2 == 1 ? "b/other.yaml" : "a/inventory.yaml";
            positions.put(e.getKey(), new SourcePosition(file, e.getValue(), e.getValue() % 80 + 1));
        }
        Facts facts = new Facts(positions);
        assertThat(facts.positions()).isEqualTo(positions);
        assertThat(facts.sorted()).isEqualTo(new TreeMap<>(positions)).isInstanceOf(TreeMap.class);
        assertThat(facts.size()).isEqualTo(positions.size());
        for (var e : positions.entrySet()) {
            assertThat(facts.of(e.getKey())).contains(e.getValue());
            assertThat(facts.orElse(e.getKey(), null)).isEqualTo(e.getValue());
        }
        assertThat(facts.of("not-a-key-at-all")).isEmpty();
        SourcePosition fallback = SourcePosition.ofFile("x.yaml");
        assertThat(facts.orElse("not-a-key-at-all", fallback)).isSameAs(fallback);
        Facts again = new Facts(new LinkedHashMap<>(positions));
        assertThat(again).isEqualTo(facts).hasSameHashCodeAs(facts);
        assertThat(again.toString()).isEqualTo(facts.toString());
    }

    @Test
    void arraysGiveTheSameFactsAsAMap() {
        String[] keys = {"zone", "name", "address", "unused"};
        SourcePosition[] at = {new SourcePosition("f.yaml", 4, 11), new SourcePosition("f.yaml", 2, 13),
            new SourcePosition("f.yaml", 3, 14), new SourcePosition("f.yaml", 9, 9)};
        Facts facts = Facts.of(keys, at, 3);
        assertThat(facts).isEqualTo(new Facts(Map.of("zone", at[0], "name", at[1], "address", at[2])));
        assertThat(facts.sorted().keySet()).containsExactly("address", "name", "zone");
        keys[0] = "changed";
        at[0] = new SourcePosition("g.yaml", 1, 1);
        assertThat(facts.of("zone")).contains(new SourcePosition("f.yaml", 4, 11));
        assertThat(Facts.of(keys, at, 0)).isSameAs(Facts.NONE);
    }

    @Test
    void differsWhenAPositionDiffers() {
        Facts a = new Facts(Map.of("name", new SourcePosition("f.yaml", 2, 3)));
        assertThat(a).isNotEqualTo(new Facts(Map.of("name", new SourcePosition("f.yaml", 2, 4))))
                .isNotEqualTo(new Facts(Map.of("name", new SourcePosition("g.yaml", 2, 3))))
                .isNotEqualTo(new Facts(Map.of("host", new SourcePosition("f.yaml", 2, 3))))
                .isNotEqualTo(Facts.NONE);
        assertThat(Facts.NONE.positions()).isEmpty();
    }

    @Test
    void positionsAreUnmodifiable() {
        Facts a = new Facts(Map.of("name", new SourcePosition("f.yaml", 2, 3)));
        assertThatThrownBy(() -> a.positions().put("x", SourcePosition.ofFile("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
