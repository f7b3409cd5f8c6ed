package dev.failscope.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Suggestions#closest} over one fixed list of names, asked many times: the names are lower-cased once,
 * and each carries a 64-bit mask of the characters it holds. A name that holds more characters the word lacks
 * (or lacks more characters the word holds) than the distance allowed cannot be within reach: every such
 * character costs an edit of its own. That test costs a few nanoseconds and rules out most names before any
 * edit distance is computed, so a rule that asks for every missing name of a large topology stays near linear.
 * The answers are exactly those of {@link Suggestions#closest}.
 */
public final class SuggestionIndex {
    private final List<String> names = new ArrayList<>();
    private final List<String> lower = new ArrayList<>();
    private long[] masks;

    public SuggestionIndex(Collection<String> candidates) {
        for (String c : new LinkedHashSet<>(candidates)) {
            names.add(c);
            lower.add(c.toLowerCase(Locale.ROOT));
        }
        masks = new long[names.size()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = mask(lower.get(i));
        }
    }

    /** As {@link Suggestions#closest}{@code (word, candidates)}. */
    public Optional<String> closest(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        long wm = mask(w);
        int allowed = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = allowed;
        for (int i = 0; i < masks.length; i++) {
            String lc = lower.get(i);
            if (Math.abs(lc.length() - w.length()) > bestDistance
                    || Long.bitCount(masks[i] & ~wm) > bestDistance || Long.bitCount(wm & ~masks[i]) > bestDistance) {
                continue;
            }
            int d = Suggestions.boundedDistance(w, lc, bestDistance);
            String c = names.get(i);
            if (d < bestDistance || (d == bestDistance && (best == null || c.compareTo(best) < 0))) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One bit per character class: distinct set bits come from distinct characters, so the bits of one name
     * missing from another's mask never outnumber the characters it holds that the other lacks.
     */
    static long mask(String s) {
        long m = 0;
        for (int i = 0; i < s.length(); i++) {
            m |= 1L << (s.charAt(i) & 63);
        }
        return m;
    }
}
