package dev.failscope.load;

import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a native document whose {@code kind} is missing or misspelt, so it becomes a load error with a
 * did-you-mean instead of a skipped file: a key one typo from {@code kind} (or {@code type}) whose value is a
 * kind ({@code knid: failover}, {@code Kind: failover}), or, with no such key, keys that all belong to one kind and
 * include that kind's own list ({@code cluster} and {@code candidates} make a failover policy).
 */
final class KindGuess {
    /** The key that only this kind has, and every key it may have. */
    private record Signature(String kind, String marker, Set<String> keys) {}

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("failover", "candidates", NativeReader.FAILOVER_KEYS),
            new Signature("inventory", "servers", NativeReader.INVENTORY_KEYS),
            new Signature("service", "depends-on", NativeReader.SERVICE_KEYS),
            new Signature("waivers", "waivers", NativeReader.WAIVERS_KEYS),
            new Signature("cluster", "replicas", NativeReader.CLUSTER_KEYS),
            new Signature("route", "targets", RouteReader.ROUTE_KEYS));

    private KindGuess() {}

    /** A misspelt {@code kind} key whose value names a kind. */
    record Typo(PScalar key, String kind) {}

    /** True when the document is a native one with its kind missing or misspelt. */
    static boolean looksNative(PNode doc) {
        return doc instanceof PMap m && m.get("kind").isEmpty() && m.get("apiVersion").isEmpty()
                && (typo(m).isPresent() || byKeys(m).isPresent());
    }

    static Optional<Typo> typo(PMap map) {
        for (PEntry e : map.entries()) {
            String key = e.key().text();
            if (key.equals("kind") || !nearKind(key)) {
                continue;
            }
            if (e.value() instanceof PScalar v) {
                Optional<String> kind = Suggestions.closest(v.text().trim(), NativeReader.KINDS);
                if (kind.isPresent()) {
                    return Optional.of(new Typo(e.key(), kind.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The one kind whose keys the document uses (with its marker key), if exactly one fits. */
    static Optional<String> byKeys(PMap map) {
        Map<String, Boolean> fits = new LinkedHashMap<>();
        for (Signature s : SIGNATURES) {
            boolean all = map.entries().stream().allMatch(e -> s.keys().contains(e.key().text()));
            if (all && map.get(s.marker()).isPresent()) {
                fits.put(s.kind(), true);
            }
        }
        return fits.size() == 1 ? Optional.of(fits.keySet().iterator().next()) : Optional.empty();
    }

    /** The message for a document without {@code kind}, when a guess can say more than "no kind". */
    static Optional<LoadError> missingKind(PMap map) {
        Optional<Typo> typo = typo(map);
        if (typo.isPresent()) {
            return Optional.of(new LoadError("document has no 'kind': did you mean 'kind' instead of '"
                    + typo.get().key().text() + "'? (it says " + typo.get().kind() + ")",
                    typo.get().key().position()));
        }
        return byKeys(map).map(kind -> new LoadError("document has no 'kind': its keys are those of a " + kind
                + " document; did you mean to add 'kind: " + kind + "'?", map.position()));
    }

    private static boolean nearKind(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.equals("kind") || k.equals("type") || k.length() >= 3 && k.length() <= 5
                && Suggestions.boundedDistance(k, "kind", 2) <= 2 && sameLetters(k);
    }

    /** A typo keeps most letters of "kind": at least three of k, i, n, d (so "link" or "find" never count). */
    private static boolean sameLetters(String k) {
        int n = 0;
        for (char c : new char[] {'k', 'i', 'n', 'd'}) {
            if (k.indexOf(c) >= 0) {
                n++;
            }
        }
        return n >= 3;
    }
}
