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
        BitParallel pattern = BitParallel.of(w);
        for (int i = 0; i < masks.length; i++) {
            String lc = lower.get(i);
            if (Math.abs(lc.length() - w.length()) > bestDistance
                    || Long.bitCount(masks[i] & ~wm) > bestDistance || Long.bitCount(wm & ~masks[i]) > bestDistance) {
                continue;
            }
            int d = pattern != null ? pattern.distance(lc) : Suggestions.boundedDistance(w, lc, bestDistance);
            String c = names.get(i);
            if (d < bestDistance || (d == bestDistance && (best == null || c.compareTo(best) < 0))) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The Levenshtein distance from one word of at most 64 characters to any text, by Myers' bit-vector algorithm
     * in Hyyrö's form for whole-string distance: one column of the edit-distance table is two 64-bit words, so a
     * text costs a handful of operations per character instead of a row of the table. Exactly the distance the
     * table gives ({@code SuggestionIndexTest} compares them on random words).
     */
    static final class BitParallel {
        private final long[] ascii = new long[128];
        private final char[] chars;
        private final long[] masks;
        private final long high;
        private final int length;

        private BitParallel(String word) {
            length = word.length();
            high = 1L << (length - 1);
            java.util.TreeMap<Character, Long> peq = new java.util.TreeMap<>();
            for (int i = 0; i < length; i++) {
                peq.merge(word.charAt(i), 1L << i, (a, b) -> a | b);
            }
            chars = new char[peq.size()];
            masks = new long[peq.size()];
            int k = 0;
            for (var e : peq.entrySet()) {
                chars[k] = e.getKey();
                masks[k++] = e.getValue();
                if (e.getKey() < 128) {
                    ascii[e.getKey()] = e.getValue();
                }
            }
        }

        /** The pattern for a word of 1 to 64 characters, or null (the table is used then). */
        static BitParallel of(String word) {
            return word.isEmpty() || word.length() > 64 ? null : new BitParallel(word);
        }

        private long eq(char c) {
            if (c < 128) {
                return ascii[c];
            }
            int at = java.util.Arrays.binarySearch(chars, c);
            return at >= 0 ? masks[at] : 0L;
        }

        int distance(String text) {
            long pv = -1L;
            long mv = 0L;
            int score = length;
            for (int j = 0; j < text.length(); j++) {
                long eq = eq(text.charAt(j));
                long xv = eq | mv;
                long xh = (((eq & pv) + pv) ^ pv) | eq;
                long ph = mv | ~(xh | pv);
                long mh = pv & xh;
                if ((ph & high) != 0) {
                    score++;
                } else if ((mh & high) != 0) {
                    score--;
                }
                ph = (ph << 1) | 1L;
                mh <<= 1;
                pv = mh | ~(xv | ph);
                mv = ph & xv;
            }
            return score;
        }
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
