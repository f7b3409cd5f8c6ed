package dev.failscope.ui.viewmodel;

import dev.failscope.model.Node;
import dev.failscope.model.Topology;
import dev.failscope.ui.viewmodel.Domains.Domain;
import dev.failscope.ui.viewmodel.Domains.DomainHit;
import dev.failscope.ui.viewmodel.Domains.ElementHit;
import dev.failscope.ui.viewmodel.Domains.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names search looks at, indexed once per topology (built in the background): every element and zone,
 * region and host in the order search prefers them (elements first: present before missing, then kind, then
 * name; then zones, regions, hosts by name), with exact names in a hash map and prefixes in a sorted map, so a
 * search is a look-up rather than a sort of the fleet. Only a match inside a name scans, over names already
 * lower-cased. Answers are those of {@link Domains#search}.
 */
public final class SearchIndex {
    private final Topology topology;
    private final List<Hit> elements;
    private final List<Hit> domains;
    private final String[] elementNames;
    private final String[] domainNames;
    private final Map<String, Hit> exactElement = new HashMap<>();
    private final Map<String, Hit> exactDomain = new HashMap<>();
    private final NavigableMap<String, Integer> elementRank = new TreeMap<>();
    private final NavigableMap<String, Integer> domainRank = new TreeMap<>();

    private SearchIndex(Topology topology) {
        this.topology = topology;
        elements = new ArrayList<>();
        topology.graph().vertexSet().stream()
                .sorted(Comparator.comparing(Node::missing).thenComparing(Node::kind).thenComparing(Node::name))
                .forEach(n -> elements.add(new ElementHit(n)));
        domains = new ArrayList<>();
        for (Domain d : Domains.all(topology)) {
            domains.add(new DomainHit(d));
        }
        elementNames = fill(elements, exactElement, elementRank);
        domainNames = fill(domains, exactDomain, domainRank);
    }

    public static SearchIndex of(Topology topology) {
        return new SearchIndex(topology);
    }

    /** The topology this index was built for. */
    public Topology topology() {
        return topology;
    }

    private static String[] fill(List<Hit> hits, Map<String, Hit> exact, NavigableMap<String, Integer> rank) {
        String[] names = new String[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            String name = (hits.get(i) instanceof ElementHit e ? e.node().name()
                    : ((DomainHit) hits.get(i)).domain().name()).toLowerCase(Locale.ROOT);
            names[i] = name;
            exact.putIfAbsent(name, hits.get(i));
            rank.merge(name, i, Math::min);
        }
        return names;
    }

    /** The best match, as {@link Domains#search} defines it. */
    public Optional<Hit> find(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Hit hit = exactElement.get(q);
        hit = hit != null ? hit : exactDomain.get(q);
        hit = hit != null ? hit : prefix(elementRank, elements, q);
        hit = hit != null ? hit : prefix(domainRank, domains, q);
        hit = hit != null ? hit : inside(elementNames, elements, q);
        hit = hit != null ? hit : inside(domainNames, domains, q);
        return Optional.ofNullable(hit);
    }

    private static Hit prefix(NavigableMap<String, Integer> rank, List<Hit> hits, String q) {
        int best = Integer.MAX_VALUE;
        for (int r : rank.subMap(q, true, q + Character.MAX_VALUE, false).values()) {
            best = Math.min(best, r);
        }
        return best == Integer.MAX_VALUE ? null : hits.get(best);
    }

    private static Hit inside(String[] names, List<Hit> hits, String q) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].contains(q)) {
                return hits.get(i);
            }
        }
        return null;
    }
}
