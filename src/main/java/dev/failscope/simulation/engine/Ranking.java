package dev.failscope.simulation.engine;

import dev.failscope.model.Observation;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A manager's ordering of its candidates by sort keys (WAL position, then priority, then node id ...), applied
 * only as far as the values are known: a key decides among the candidates still tied only when every one of
 * them has a value for it. A missing value stops the ranking there, and the candidates still tied all stay
 * possible, with the name of the observation that would decide. Never a guess: an unknown value is not zero.
 */
final class Ranking {
    /**
     * One value of one candidate.
     *
     * @param value the number compared
     * @param shown how people write it ({@code 0/3000148}, {@code 100})
     * @param at    where it was written (an observation, a setting), or null for a documented default
     */
    record Fact(long value, String shown, SourcePosition at) {
        String cited() {
            return shown + (at != null ? " (" + at.reference() + ")" : " (default)");
        }
    }

    /**
     * One sort key.
     *
     * @param name       what it is called ("lsn", "replica-priority")
     * @param higherWins true when the bigger value sorts first
     * @param beats      how a better value relates to a worse one ("is ahead of", "is below")
     * @param fact       the value of a candidate, or empty when unknown
     */
    record Key(String name, boolean higherWins, String beats, Function<String, Optional<Fact>> fact) {}

    /**
     * Where the ranking ended.
     *
     * @param possible  the candidates still tied, in the given order
     * @param decided   how each key that narrowed the field did it, with positions; empty when none did
     * @param undecided for several: what would decide ("no observed lsn of pg-3"); empty for one
     */
    record Result(List<String> possible, String decided, String undecided) {
        boolean one() {
            return possible.size() == 1;
        }
    }

    private Ranking() {}

    static Result rank(List<String> candidates, List<Key> keys, String tieBreak) {
        List<String> pool = new ArrayList<>(candidates);
        List<String> decided = new ArrayList<>();
        for (Key key : keys) {
            if (pool.size() <= 1) {
                break;
            }
            Map<String, Fact> facts = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String c : pool) {
                key.fact().apply(c).ifPresentOrElse(f -> facts.put(c, f), () -> missing.add(c));
            }
            if (!missing.isEmpty()) {
                String known = facts.isEmpty() ? "" : " (" + String.join(", ", facts.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue().cited()).toList()) + ")";
                return new Result(pool, String.join("; ", decided), "no observed " + key.name() + " of "
                        + String.join(", ", missing) + ": an observed " + key.name() + " of " + (missing.size() == 1
                        ? missing.get(0) : "each") + " would decide" + known);
            }
            long best = facts.values().stream().mapToLong(Fact::value)
                    .reduce(key.higherWins() ? Long.MIN_VALUE : Long.MAX_VALUE, key.higherWins() ? Math::max
                            : Math::min);
            List<String> winners = pool.stream().filter(c -> facts.get(c).value() == best).toList();
            List<String> losers = pool.stream().filter(c -> facts.get(c).value() != best).toList();
            if (!losers.isEmpty()) {
                Fact w = facts.get(winners.get(0));
                String who = winners.size() == 1 ? winners.get(0) + "'s" : String.join(" and ", winners) + "'s";
                decided.add(who + " " + key.name() + " " + w.cited() + " " + key.beats() + " " + String.join(", ",
                        losers.stream().map(l -> l + "'s " + facts.get(l).cited()).toList()));
            }
            pool = new ArrayList<>(winners);
        }
        String undecided = pool.size() > 1 ? tieBreak : "";
        return new Result(pool, String.join("; ", decided), undecided);
    }

    /** The observed WAL position of a candidate. */
    static Key lsn(FailoverState state, String beats) {
        return new Key("lsn", true, beats, s -> state.observation(s).flatMap(o -> o.lsnValue()
                .map(v -> new Fact(v, o.lsn(), o.at("lsn")))));
    }

    /** Candidates a snapshot saw down ({@code state: stopped} or {@code unreachable}): no manager promotes them. */
    static List<String> observedDown(FailoverState state, List<String> candidates, List<String> notes) {
        List<String> up = new ArrayList<>();
        for (String c : candidates) {
            Optional<Observation> o = state.observation(c);
            if (o.isPresent() && ("stopped".equals(o.get().state()) || "unreachable".equals(o.get().state()))) {
                notes.add(c + " is out: observed " + o.get().state() + " (" + o.get().at("state").reference() + ")");
            } else {
                up.add(c);
            }
        }
        return up;
    }

    /** "pg-2 wins: ..." with the notes on who was dropped first. */
    static String evidence(String winner, List<String> notes, String decided, String source) {
        List<String> parts = new ArrayList<>(notes);
        if (!decided.isEmpty()) {
            parts.add(decided);
        }
        return winner + " wins: " + String.join("; ", parts) + " (" + source + ")";
    }

    /**
     * The selection a ranking gives: one winner, with the evidence when notes or observations decided it, or
     * every candidate still tied, with {@code why} and what would decide.
     */
    static Selection verdict(Result r, List<String> notes, String why, String source, SourcePosition at,
                             boolean maybeNone) {
        if (r.one() && !maybeNone) {
            if (notes.isEmpty() && r.decided().isEmpty()) {
                return Selection.one(r.possible().get(0));
            }
            return Selection.observed(r.possible().get(0), evidence(r.possible().get(0), notes, r.decided(),
                    source));
        }
        List<String> more = new ArrayList<>(notes);
        List.of(r.decided(), r.undecided()).stream().filter(t -> !t.isEmpty()).forEach(more::add);
        return new Selection(r.possible(), more.isEmpty() ? why : why + "; " + String.join("; ", more), at,
                maybeNone);
    }
}
