package dev.failscope.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failscope.layout.Fleets;
import dev.failscope.model.Node;
import dev.failscope.model.Topology;
import dev.failscope.ui.viewmodel.Domains.DomainHit;
import dev.failscope.ui.viewmodel.Domains.ElementHit;
import dev.failscope.ui.viewmodel.Domains.Hit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    private static final Topology FLEET = Fleets.fleet(60, 2);
    private static final SearchIndex INDEX = SearchIndex.of(FLEET);

    /** The definition, as a scan (what search did before the index). */
    private static Optional<Hit> scan(Topology t, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        List<Node> nodes = t.graph().vertexSet().stream()
                .sorted(Comparator.comparing(Node::missing).thenComparing(Node::kind).thenComparing(Node::name)).toList();
        for (Predicate<String> test : List.<Predicate<String>>of(n -> n.equals(q), n -> n.startsWith(q),
                n -> n.contains(q))) {
            Optional<Hit> node = nodes.stream().filter(n -> test.test(n.name().toLowerCase(Locale.ROOT)))
                    .findFirst().map(ElementHit::new);
            if (node.isPresent()) {
                return node;
            }
            Optional<Hit> d = Domains.all(t).stream().filter(x -> test.test(x.name().toLowerCase(Locale.ROOT)))
                    .findFirst().map(DomainHit::new);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    @Property(tries = 300)
    void aFragmentOfAnyNameFindsWhatTheScanFinds(@ForAll @IntRange(min = 0, max = 10_000) int pick,
                                                 @ForAll @IntRange(min = 0, max = 12) int from,
                                                 @ForAll @IntRange(min = 1, max = 12) int length) {
        List<String> names = FLEET.graph().vertexSet().stream().map(Node::name).sorted().toList();
        String name = names.get(pick % names.size());
        String q = name.substring(Math.min(from, name.length() - 1), Math.min(name.length(), from + length));
        assertThat(INDEX.find(q)).as(q).isEqualTo(scan(FLEET, q));
        assertThat(INDEX.find(q.toUpperCase(Locale.ROOT) + " ")).isEqualTo(scan(FLEET, q));
    }

    @Property(tries = 200)
    void anyTextFindsWhatTheScanFinds(@ForAll @StringLength(max = 6) String q) {
        assertThat(INDEX.find(q)).as(q).isEqualTo(scan(FLEET, q));
    }

    @Test
    void exactBeatsPrefixAndElementsBeatDomains() {
        Topology t = Fleets.catifyme();
        SearchIndex index = SearchIndex.of(t);
        assertThat(index.find("db-main-1")).containsInstanceOf(ElementHit.class);
        String zone = t.servers().get(0).zone();
        assertThat(index.find(zone).map(h -> ((DomainHit) h).domain().name())).contains(zone);
        assertThat(index.find("   ")).isEmpty();
        assertThat(index.find("no-such-name-anywhere")).isEmpty();
        assertThat(index.topology()).isSameAs(t);
    }
}
