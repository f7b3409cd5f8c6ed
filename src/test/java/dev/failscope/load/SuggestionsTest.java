package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void suggestsTheClosestWithinTypoDistance() {
        assertThat(Suggestions.closest("clustr", List.of("inventory", "cluster", "failover", "service")))
                .hasValue("cluster");
        assertThat(Suggestions.closest("Deployment", List.of("inventory", "cluster", "failover", "service")))
                .isEmpty();
        assertThat(Suggestions.closest("POSTS-DB", List.of("posts-db2", "posts-db"))).hasValue("posts-db");
    }

    @Test
    void tiesGoToTheAlphabeticallyFirst() {
        assertThat(Suggestions.closest("db-3", List.of("db-4", "db-2", "db-5"))).hasValue("db-2");
    }

    /** The pruned search must agree with the plain definition on every input. */
    @Test
    void agreesWithAFullSearch() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            String word = randomName(random);
            List<String> candidates = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                candidates.add(random.nextInt(3) == 0 ? mutate(word, random) : randomName(random));
            }
            assertThat(Suggestions.closest(word, candidates)).as("%s in %s", word, candidates)
                    .isEqualTo(fullSearch(word, candidates));
        }
    }

    private static String randomName(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            sb.append("abcAB-1".charAt(random.nextInt(7)));
        }
        return sb.toString();
    }

    private static String mutate(String word, Random random) {
        StringBuilder sb = new StringBuilder(word);
        for (int i = random.nextInt(4); i > 0 && sb.length() > 0; i--) {
            int at = random.nextInt(sb.length());
            if (random.nextBoolean()) {
                sb.deleteCharAt(at);
            } else {
                sb.insert(at, "xyB".charAt(random.nextInt(3)));
            }
        }
        return sb.toString();
    }

    private static Optional<String> fullSearch(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = levenshtein(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                } else {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
