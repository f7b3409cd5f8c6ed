package dev.failscope.load;

import java.util.Collection;
import java.util.LinkedHashSet;
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
    private final String[] names;
    /** The lower-cased names one after another, name i at {@code [start[i], start[i + 1])}. */
    private final char[] chars;
    private final int[] start;
    private final long[] masks;

    public SuggestionIndex(Collection<String> candidates) {
        names = new LinkedHashSet<>(candidates).toArray(new String[0]);
        String[] lower = new String[names.length];
        start = new int[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            lower[i] = names[i].toLowerCase(Locale.ROOT);
            start[i + 1] = start[i] + lower[i].length();
        }
        chars = new char[start[names.length]];
        masks = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            lower[i].getChars(0, lower[i].length(), chars, start[i]);
            masks[i] = mask(lower[i]);
        }
    }

    /**
     * As {@link Suggestions#closest}{@code (word, candidates)}. The scan reads only the primitive arrays until a
     * name passes the length and character tests: no pointer is followed per name (a cache miss each on a large
     * fleet, where this runs once per missing name).
     */
    public Optional<String> closest(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        long wm = mask(w);
        int wl = w.length();
        int allowed = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = allowed;
        BitParallel pattern = BitParallel.of(w);
        for (int i = 0; i < masks.length; i++) {
            int from = start[i];
            int to = start[i + 1];
            if (Math.abs(to - from - wl) > bestDistance
                    || Long.bitCount(masks[i] & ~wm) > bestDistance || Long.bitCount(wm & ~masks[i]) > bestDistance) {
                continue;
            }
            int d = pattern != null ? pattern.distance(chars, from, to)
                    : Suggestions.boundedDistance(w, new String(chars, from, to - from), bestDistance);
            String c = names[i];
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
            return distance(text.toCharArray(), 0, text.length());
        }

        /** The distance to the text {@code text[from, to)}. */
        int distance(char[] text, int from, int to) {
            long pv = -1L;
            long mv = 0L;
            int score = length;
            for (int j = from; j < to; j++) {
                long eq = eq(text[j]);
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
