package dev.failscope.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuggestionIndexTest {
    @Test
    void suggestsTheClosestDeclaredName() {
        SuggestionIndex index = new SuggestionIndex(List.of("ledger-redis-107", "posts-db-033", "ledger-pg-012"));
        assertThat(index.closest("ledger-redis-v2-107")).contains("ledger-redis-107");
        assertThat(index.closest("Posts-DB-033")).contains("posts-db-033");
    }

    @Test
    void suggestsNothingWhenEveryNameIsOutOfReach() {
        SuggestionIndex index = new SuggestionIndex(List.of("inventory", "failover"));
        assertThat(index.closest("zzzzzz")).isEmpty();
        assertThat(new SuggestionIndex(List.of()).closest("anything")).isEmpty();
    }

    /** The index is an optimisation only: on random names it answers exactly what the plain scan answers. */
    @Test
    void answersExactlyAsThePlainScanOnRandomNames() {
        Random random = new Random(2026);
        for (int round = 0; round < 300; round++) {
            List<String> candidates = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                candidates.add(name(random));
            }
            SuggestionIndex index = new SuggestionIndex(candidates);
            for (int q = 0; q < 20; q++) {
                String word = random.nextBoolean() || candidates.isEmpty() ? name(random)
                        : mutate(candidates.get(random.nextInt(candidates.size())), random);
                assertThat(index.closest(word)).as(word + " in " + candidates)
                        .isEqualTo(Suggestions.closest(word, candidates));
            }
        }
    }

    /** The bit-vector distance is the edit-distance table's, for words of every length up to 64. */
    @Test
    void bitParallelDistanceEqualsTheTable() {
        Random random = new Random(16);
        String alphabet = "abcxyz-09éÅ\u4e2d";
        for (int round = 0; round < 5000; round++) {
            String a = random(random, alphabet, 1 + random.nextInt(64));
            String b = random(random, alphabet, random.nextInt(80));
            int table = Suggestions.boundedDistance(a, b, 1000);
            assertThat(SuggestionIndex.BitParallel.of(a).distance(b)).as(a + " / " + b).isEqualTo(table);
        }
        assertThat(SuggestionIndex.BitParallel.of("x".repeat(65))).isNull();
        assertThat(SuggestionIndex.BitParallel.of("")).isNull();
    }

    /**
     * Fleets of look-alike names (every name passes the length and character tests), names that are prefixes of
     * others, case variants of one name, letters whose lower case is longer: still exactly the plain scan.
     */
    @Test
    void answersExactlyAsThePlainScanOnLookAlikeFleets() {
        Random random = new Random(16);
        String[] stems = {"feeds-pg-", "feeds-redis-", "Feeds-PG-", "analytics-pg-", "a", "", "\u0130stanbul-"};
        for (int round = 0; round < 40; round++) {
            List<String> candidates = new ArrayList<>();
            int n = 1 + random.nextInt(600);
            for (int i = 0; i < n; i++) {
                String stem = stems[random.nextInt(stems.length)];
                candidates.add(stem + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(2000))));
            }
            SuggestionIndex index = new SuggestionIndex(candidates);
            for (int q = 0; q < 30; q++) {
                String c = candidates.get(random.nextInt(candidates.size()));
                String word = switch (q % 3) {
                    case 0 -> mutate(c, random);
                    case 1 -> c.replace("-pg-", "-pg-v2-");
                    default -> random(random, "afeds-pg0123\u0130", random.nextInt(20));
                };
                assertThat(index.closest(word)).as(word + " in " + candidates.size())
                        .isEqualTo(Suggestions.closest(word, candidates));
            }
        }
    }

    @Test
    void bitParallelDistanceReadsASliceOfAnArray() {
        char[] text = "xxfeeds-pg-0001yy".toCharArray();
        assertThat(SuggestionIndex.BitParallel.of("feeds-pg-v2-0001").distance(text, 2, 15)).isEqualTo(3);
    }

    private static String random(Random random, String alphabet, int len) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String name(Random random) {
        String alphabet = "abcdeAB-0123é";
        StringBuilder b = new StringBuilder();
        int len = 1 + random.nextInt(14);
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        for (int edits = 1 + random.nextInt(4); edits > 0 && b.length() > 0; edits--) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, 'x');
                default -> b.setCharAt(at, 'Z');
            }
        }
        return b.toString();
    }
}
