package dev.failscope.load;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The closest candidate within a distance that still reads as a typo, if any; on a tie, the alphabetically
     * first. Candidates whose length alone rules them out are skipped and each distance stops once it is out of
     * reach, so asking for every missing name of a large topology stays cheap.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        int allowed = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = allowed;
        for (String c : candidates) {
            String lc = c.toLowerCase(java.util.Locale.ROOT);
            if (Math.abs(lc.length() - w.length()) > bestDistance) {
                continue;
            }
            int d = boundedDistance(w, lc, bestDistance);
            if (d < bestDistance || (d == bestDistance && (best == null || c.compareTo(best) < 0))) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The edit distance when it is at most {@code limit}, otherwise some value above {@code limit}. */
    static int boundedDistance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
