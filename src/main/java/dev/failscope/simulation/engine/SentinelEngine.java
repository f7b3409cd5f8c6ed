package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Observation;
import dev.failscope.model.Replica;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redis Sentinel (redis/redis {@code src/sentinel.c}).
 * <ul>
 *   <li>Detection: a sentinel marks the master subjectively down after {@code down-after-milliseconds}
 *       without a valid reply; objectively down (ODOWN) when {@code quorum} sentinels agree
 *       ({@code sentinelCheckObjectivelyDown}: {@code if (quorum >= master->quorum) odown = 1;}).</li>
 *   <li>Leader election: the failover leader needs an absolute majority of all known sentinels and at least
 *       quorum votes ({@code sentinelGetLeader}: {@code voters_quorum = voters/2+1; if (winner && (max_votes <
 *       voters_quorum || max_votes < master->quorum)) winner = NULL;}).</li>
 *   <li>Selection in one pass ({@code sentinelSelectSlave}): down or disconnected replicas and those with
 *       {@code replica-priority 0} are skipped ({@code if (slave->slave_priority == 0) continue;}); the rest
 *       sorted by {@code compareSlavesForPromotion}: lower priority, then bigger replication offset, then
 *       lexicographically smaller run id. Offsets and run ids are run time: every replica with the lowest
 *       priority may win.</li>
 *   <li>Only the master's own replicas are candidates (the master's {@code slaves} table); a replica of a
 *       replica is never promoted.</li>
 * </ul>
 */
final class SentinelEngine implements FailoverEngine {
    static final String PRIORITY = "replica-priority";
    static final int DEFAULT_PRIORITY = 100;
    /** config.c: {@code createIntConfig("min-replicas-max-lag", ..., 10, ...)}. */
    static final int MIN_REPLICAS_MAX_LAG = 10;
    /** Measured on this machine: promotion 1.2-1.5 s after down-after (vote, REPLICAOF NO ONE). */
    static final Duration VOTE_MIN = Duration.ofMillis(500);
    static final Duration VOTE_TYPICAL = Duration.ofMillis(1000);
    static final Duration VOTE_MAX = Duration.ofMillis(3000);

    @Override
    public ManagerKind kind() {
        return ManagerKind.SENTINEL;
    }

    @Override
    public boolean serial() {
        return false;
    }

    @Override
    public List<Exclusion> exclusions(Topology topology, FailoverPolicy policy, Cluster cluster, String server) {
        Optional<Replica> r = cluster.replica(server);
        if (r.isPresent() && r.get().source() != null && !r.get().source().name().equals(cluster.primary().name())) {
            return List.of(new Exclusion("replicates from " + r.get().source().name() + ", not the master: "
                    + "Sentinel only promotes the master's own replicas", r.get().source().position()));
        }
        return List.of();
    }

    @Override
    public Timing timing(FailoverPolicy policy, FailoverState state) {
        Duration down = policy.detection();
        return new Timing(down, VOTE_TYPICAL, down.plus(VOTE_MIN), down.plus(VOTE_MAX),
                "down-after-milliseconds " + down.toMillis() + ", then ODOWN by quorum, the leader vote and "
                        + "REPLICAOF NO ONE (" + Durations.format(VOTE_MIN) + " to " + Durations.format(VOTE_MAX)
                        + ")");
    }

    @Override
    public Optional<Block> coordination(FailoverPolicy policy, int alive, int total) {
        if (policy.quorum() == null || total == 0) {
            return Optional.empty();
        }
        int quorum = policy.quorum();
        SourcePosition at = policy.facts().orElse("quorum", policy.position());
        if (quorum > total) {
            return Optional.of(new Block("quorum " + quorum + " exceeds the " + total + " known sentinels, so the "
                    + "master never becomes objectively down (sentinel.c sentinelCheckObjectivelyDown)", at));
        }
        if (alive < quorum) {
            return Optional.of(new Block(alive + " of " + total + " sentinels left, fewer than quorum " + quorum
                    + ": the master never becomes objectively down (sentinel.c sentinelCheckObjectivelyDown)", at));
        }
        int majority = total / 2 + 1;
        if (alive < majority) {
            return Optional.of(new Block(alive + " of " + total + " sentinels left, fewer than the majority "
                    + majority + " a failover leader needs (sentinel.c sentinelGetLeader)", at));
        }
        return Optional.empty();
    }

    @Override
    public Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable) {
        if (viable.isEmpty()) {
            return Selection.none("no replica Sentinel can promote (down, replica-priority 0, or not the master's "
                    + "own replica; sentinel.c sentinelSelectSlave)", null);
        }
        if (state.hasObservations()) {
            return observed(policy, state, viable);
        }
        int best = viable.stream().mapToInt(v -> priority(policy, v)).min().orElse(DEFAULT_PRIORITY);
        List<String> winners = new ArrayList<>();
        for (String v : viable) {
            if (priority(policy, v) == best) {
                winners.add(v);
            }
        }
        if (winners.size() == 1) {
            return Selection.one(winners.get(0));
        }
        return new Selection(winners, "whichever has the bigger replication offset, then the smaller run id "
                + "(all have replica-priority " + best + "; Sentinel's compareSlavesForPromotion, sentinel.c)",
                null, false);
    }

    /**
     * sentinelSelectSlave on observed state: a replica seen down is skipped ({@code if (slave->link->disconnected)
     * continue;}), so is one whose live priority is 0 ({@code if (slave->slave_priority == 0) continue;}); the
     * rest sorted by compareSlavesForPromotion: lower {@code slave_priority} (the live one from INFO when
     * observed, else the configured one), then bigger {@code slave_repl_offset}, then smaller run id, which no
     * snapshot holds. Not observable, so not applied: {@code master_link_down_time > max_master_down_time}
     * (down-after-milliseconds x 10 plus the time the master has been down).
     */
    private Selection observed(FailoverPolicy policy, FailoverState state, List<String> viable) {
        List<String> notes = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (String v : Ranking.observedDown(state, viable, notes)) {
            Optional<Observation> o = state.observation(v).filter(x -> x.priority() != null);
            if (o.isPresent() && o.get().priority() == 0) {
                notes.add(v + " is out: observed replica-priority 0 (" + o.get().at("priority").reference()
                        + "; sentinel.c: if (slave->slave_priority == 0) continue;)");
            } else {
                up.add(v);
            }
        }
        String source = "sentinel.c compareSlavesForPromotion";
        if (up.isEmpty()) {
            return Selection.none(String.join("; ", notes) + ": no replica Sentinel can promote (sentinel.c "
                    + "sentinelSelectSlave)", null);
        }
        Ranking.Result r = Ranking.rank(up, List.of(
                new Ranking.Key("replica-priority", false, "is below", s -> Optional.of(priorityFact(policy, state,
                        s))),
                new Ranking.Key("offset", true, "is ahead of", s -> state.observation(s).filter(o -> o.offset() != null)
                        .map(o -> new Ranking.Fact(o.offset(), String.valueOf(o.offset()), o.at("offset"))))),
                "an equal priority and offset: the lexicographically smaller run id wins, and no snapshot holds run "
                        + "ids");
        return Ranking.verdict(r, notes, "whichever has the lower replica-priority, then the bigger replication "
                + "offset, then the smaller run id (" + source + ")", source, null, false);
    }

    /** The live replica-priority when observed, else the configured one, else Redis's default 100. */
    private static Ranking.Fact priorityFact(FailoverPolicy policy, FailoverState state, String server) {
        Optional<Observation> o = state.observation(server).filter(x -> x.priority() != null);
        if (o.isPresent()) {
            return new Ranking.Fact(o.get().priority(), String.valueOf(o.get().priority()), o.get().at("priority"));
        }
        return policy.manager().member(server, PRIORITY).filter(s -> s.value().matches("\\d{1,9}"))
                .map(s -> new Ranking.Fact(Long.parseLong(s.value()), s.value(), s.at()))
                .orElse(new Ranking.Fact(DEFAULT_PRIORITY, String.valueOf(DEFAULT_PRIORITY), null));
    }

    /**
     * The master's {@code min-replicas-to-write N} with {@code min-replicas-max-lag M} (default 10): a write is
     * refused ({@code -NOREPLICAS}) while fewer than N replicas are online and acknowledged within M seconds
     * (replication.c {@code checkGoodReplicasStatus}: {@code !server.repl_min_slaves_max_lag ||
     * !server.repl_min_slaves_to_write || server.repl_good_slaves_count >= server.repl_min_slaves_to_write}).
     * Fewer replicas up than N blocks for sure; whether the ones up acknowledged within M is run time, so
     * enough replicas up never blocks here. Before a failover only the master's own replicas count (a replica
     * of a replica is not in its {@code server.slaves}); after one, Sentinel has re-pointed every replica.
     */
    @Override
    public Optional<Block> writesBlocked(FailoverPolicy policy, Cluster cluster, String primary,
                                         java.util.Set<String> aliveReplicas) {
        Optional<ManagerSpec.Setting> toWrite = policy.manager().member(primary, "min-replicas-to-write")
                .filter(s -> s.value().matches("\\d{1,9}"));
        int n = toWrite.map(s -> Integer.parseInt(s.value())).orElse(0);
        int maxLag = policy.manager().member(primary, "min-replicas-max-lag").map(ManagerSpec.Setting::value)
                .filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt).orElse(MIN_REPLICAS_MAX_LAG);
        if (n == 0 || maxLag == 0) {
            return Optional.empty();
        }
        boolean original = primary.equals(cluster.primary().name());
        long good = aliveReplicas.stream().filter(r -> !original || cluster.replica(r)
                .map(x -> x.source() == null || x.source().name().equals(primary)).orElse(false)).count();
        if (good >= n) {
            return Optional.empty();
        }
        return Optional.of(new Block("min-replicas-to-write " + n + " and " + good + " replica(s) of " + primary
                + " left: it refuses writes with -NOREPLICAS (replication.c checkGoodReplicasStatus)",
                toWrite.get().at()));
    }

    static int priority(FailoverPolicy policy, String server) {
        return policy.manager().member(server, PRIORITY).map(s -> s.value())
                .filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt).orElse(DEFAULT_PRIORITY);
    }
}
