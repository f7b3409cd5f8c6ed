package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Observation;
import dev.failscope.model.Replica;
import dev.failscope.model.ReplicationMode;
import dev.failscope.model.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Patroni (patroni/patroni {@code patroni/ha.py}, {@code tags.py}, {@code config.py}); also Zalando's Spilo.
 * <ul>
 *   <li>Every healthy member races for the leader key at once; a member loses the race when another is ahead
 *       ({@code _is_healthiest_node}: {@code if my_wal_position < st.wal_position: ... return False}), so the
 *       most advanced replica wins; {@code failover_priority} (3.1+) only breaks an exact WAL tie
 *       ({@code low_priority = my_wal_position == st.wal_position and self.patroni.failover_priority <
 *       st.failover_priority}). WAL positions are run time: every eligible survivor may win.</li>
 *   <li>Lag: {@code is_lagging}: {@code return lag > global_config.maximum_lag_on_failover}; run time too.</li>
 *   <li>synchronous_mode: {@code if not self.is_quorum_commit_mode() and not
 *       self.cluster.sync.matches(self.state_handler.name, True): return False}: only a member in /sync may
 *       take the lock, so a sync standby lost with the primary leaves nothing to promote.</li>
 *   <li>synchronous_mode_strict: at least one synchronous node ({@code global_config.py}: {@code return 1 if
 *       self.is_synchronous_mode_strict else 0}); with none left, commits wait ({@code ha.py}:
 *       {@code 'synchronous_mode_strict is requested. %sCommits will be delayed.'}).</li>
 *   <li>DCS: {@code _handle_dcs_error}: a primary that cannot reach the DCS demotes itself ({@code 'demoting self
 *       because DCS is not accessible and I was a leader'}) unless {@code failsafe_mode} is on and every member
 *       answers ({@code if self.is_failsafe_mode() and self.check_failsafe_topology()}); nobody can take the
 *       leader key without a DCS majority.</li>
 *   <li>Time: the leader key expires {@code ttl} after its last renewal (renewed every {@code loop_wait}); 3.2+
 *       raises ttl below 20, loop_wait below 1, retry_timeout below 3 and keeps {@code loop_wait +
 *       2*retry_timeout <= ttl} ({@code config.py _validate_and_adjust_timeouts}); 3.0.2 honours what is
 *       written.</li>
 * </ul>
 */
final class PatroniEngine implements FailoverEngine {
    /** Patroni's defaults (config.py: {@code 'ttl': 30, 'loop_wait': 10, 'retry_timeout': 10}). */
    static final int TTL = 30;
    static final int LOOP_WAIT = 10;
    static final int RETRY_TIMEOUT = 10;
    /** A dead member's REST API costs its request timeout in the (parallel) health check. */
    static final Duration REST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration PROMOTE = Duration.ofSeconds(1);
    /** global_config.py: {@code maximum_lag_on_failover} defaults to 1048576 bytes. */
    static final long MAXIMUM_LAG_ON_FAILOVER = 1048576L;
    /** Roles under which a member's observed lsn is the leader's last position (REST API /patroni, /cluster). */
    static final Set<String> LEADER_ROLES = Set.of("primary", "leader", "master", "standby_leader");

    @Override
    public ManagerKind kind() {
        return ManagerKind.PATRONI;
    }

    @Override
    public boolean serial() {
        return false;
    }

    @Override
    public boolean needsUnbrokenChain() {
        return false; // a replicatefrom member races with the WAL it has
    }

    /** ttl, loop_wait and retry_timeout as the release applies them. */
    record Timeouts(int ttl, int loopWait, int retryTimeout) {}

    static Timeouts timeouts(FailoverPolicy policy) {
        ManagerSpec m = policy.manager();
        int ttl = intSetting(m, "ttl").orElse((int) policy.detection().toSeconds());
        int loop = intSetting(m, "loop_wait").orElse(LOOP_WAIT);
        int retry = intSetting(m, "retry_timeout").orElse(RETRY_TIMEOUT);
        if (m.atLeast(3, 2)) {
            ttl = Math.max(ttl, 20);
            loop = Math.max(loop, 1);
            retry = Math.max(retry, 3);
            if (1 + 2 * retry > ttl) {
                loop = 1;
                retry = (ttl - 1) / 2;
            } else if (loop + 2 * retry > ttl) {
                loop = ttl - 2 * retry;
            }
        }
        return new Timeouts(ttl, loop, retry);
    }

    @Override
    public List<SettingNote> settingNotes(FailoverPolicy policy) {
        ManagerSpec m = policy.manager();
        List<SettingNote> notes = new ArrayList<>();
        if (!m.atLeast(3, 1)) {
            for (String member : m.memberNames()) {
                m.member(member, "failover_priority").ifPresent(s -> notes.add(new SettingNote("failover_priority "
                        + s.value() + " of member '" + member + "' is ignored by " + m.label() + ": it arrived in "
                        + "Patroni 3.1 (the member races like any other)", s.at())));
            }
        }
        Optional<ManagerSpec.Setting> ttl = m.setting("ttl");
        Timeouts t = timeouts(policy);
        if (ttl.isPresent() && m.atLeast(3, 2) && intSetting(m, "ttl").orElse(TTL) != t.ttl()) {
            notes.add(new SettingNote("ttl " + ttl.get().value() + " is raised to " + t.ttl() + " by " + m.label()
                    + " (config.py _validate_and_adjust_timeouts: ttl can't be smaller than 20)", ttl.get().at()));
        }
        m.setting("synchronous_mode").filter(s -> s.value().equalsIgnoreCase("quorum") && !m.atLeast(4, 0))
                .ifPresent(s -> notes.add(new SettingNote("synchronous_mode: quorum needs Patroni 4.0; "
                        + m.label() + " does not know it", s.at())));
        return notes;
    }

    @Override
    public Timing timing(FailoverPolicy policy, FailoverState state) {
        Timeouts t = timeouts(policy);
        Duration ttl = Duration.ofSeconds(t.ttl());
        Duration loop = Duration.ofSeconds(t.loopWait());
        boolean deadPeer = state.failedServers().stream().anyMatch(s -> !s.equals(state.primary())
                && !policy.monitors().stream().anyMatch(r -> r.name().equals(s)));
        Duration max = ttl.plus(loop).plus(PROMOTE).plus(deadPeer ? REST_TIMEOUT : Duration.ZERO);
        Duration min = ttl.minus(loop).isNegative() ? Duration.ZERO : ttl.minus(loop);
        Duration detection = ttl.minus(loop.dividedBy(2));
        return new Timing(detection, PROMOTE, min, max, "the leader key expires ttl " + t.ttl() + "s after its last "
                + "renewal (every loop_wait " + t.loopWait() + "s), then the healthiest member promotes"
                + (deadPeer ? " (a dead member's REST API costs " + Durations.format(REST_TIMEOUT) + ", in parallel)"
                : ""));
    }

    @Override
    public Optional<Block> coordination(FailoverPolicy policy, int alive, int total) {
        if (total == 0 || alive >= total / 2 + 1) {
            return Optional.empty();
        }
        return Optional.of(new Block(alive + " of " + total + " DCS members up, no majority: no member can take the "
                + "leader key", policy.monitors().get(0).position()));
    }

    @Override
    public Optional<Block> onCoordinationLoss(FailoverPolicy policy, int alive, int total, boolean allMembersAlive) {
        if (bool(policy.manager(), "failsafe_mode") && allMembersAlive) {
            return Optional.empty();
        }
        Timeouts t = timeouts(policy);
        return Optional.of(new Block("it cannot reach a DCS majority and demotes itself after retry_timeout "
                + t.retryTimeout() + "s (ha.py _handle_dcs_error: 'demoting self because DCS is not accessible and "
                + "I was a leader'" + (bool(policy.manager(), "failsafe_mode") ? "; failsafe_mode needs every member "
                + "to answer" : "; failsafe_mode is off") + ")", policy.monitors().get(0).position(),
                Duration.ofSeconds(t.retryTimeout())));
    }

    @Override
    public Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable) {
        String lag = "each within maximum_lag_on_failover " + maxLag(policy) + " bytes";
        if (policy.requireSync() && !quorum(policy)) {
            return synchronous(policy, cluster, state, viable, lag);
        }
        if (viable.isEmpty()) {
            return Selection.none("no member may take the leader lock (nofailover, or down)", null);
        }
        if (policy.requireSync()) {
            Optional<Selection> noQuorum = quorumLost(policy, cluster, state);
            if (noQuorum.isPresent()) {
                return noQuorum.get();
            }
        }
        if (state.hasObservations()) {
            return observed(policy, state, viable, "whichever has replayed more WAL (Patroni promotes the most "
                    + "advanced replica, " + lag + "; ha.py _is_healthiest_node)", null, false);
        }
        if (viable.size() == 1) {
            return Selection.one(viable.get(0));
        }
        return new Selection(viable, "whichever has replayed more WAL (Patroni promotes the most advanced replica, "
                + lag + "; ha.py _is_healthiest_node)", null, false);
    }

    /**
     * The race as {@code _is_healthiest_node} runs it on observed state: members seen down are unreachable
     * ({@code failover_limitation}); a member further than {@code maximum_lag_on_failover} behind the leader's
     * last known position disqualifies itself ({@code is_lagging}: {@code lag = self.cluster.status.last_lsn -
     * wal_position}); a member loses to any member ahead ({@code if my_wal_position < st.wal_position: return
     * False}); on an equal position the higher {@code failover_priority} wins (3.1+: {@code low_priority =
     * my_wal_position == st.wal_position and self.patroni.failover_priority < st.failover_priority}); a full tie
     * is a race for the leader key.
     */
    private Selection observed(FailoverPolicy policy, FailoverState state, List<String> pool, String why,
                               SourcePosition at, boolean maybeNone) {
        List<String> notes = new ArrayList<>();
        List<String> up = behindTimeline(policy, state, notLagging(policy, state, Ranking.observedDown(state, pool,
                notes), notes), notes);
        if (up.isEmpty()) {
            return Selection.none(String.join("; ", notes) + ": no member may take the leader lock (ha.py "
                    + "_is_healthiest_node)", at);
        }
        List<Ranking.Key> keys = new ArrayList<>(List.of(Ranking.lsn(state, "is ahead of")));
        if (policy.manager().atLeast(3, 1)) {
            keys.add(new Ranking.Key("failover_priority", true, "is above", s -> Optional.of(failoverPriority(
                    policy.manager(), s))));
        }
        Ranking.Result r = Ranking.rank(up, keys, "an equal WAL position" + (policy.manager().atLeast(3, 1)
                ? " and failover_priority" : "") + ": the members race for the leader key");
        return Ranking.verdict(r, notes, why, "ha.py _is_healthiest_node", at, maybeNone);
    }

    /**
     * {@code synchronous_mode: quorum} (Patroni 4.0+): the /sync key names the voters (every standby that may be
     * synchronous: {@code sync = voters = active}) and {@code quorum = len(active) - numsync} with {@code numsync =
     * min(sync_wanted, len(active))} (quorum.py); a member takes the lock only with at least {@code quorum} votes,
     * one from each other voter that answers and is not ahead, and its own when it is a voter (ha.py
     * {@code _is_healthiest_node}: {@code quorum_votes = 0 if self.state_handler.name in voting_set else -1} ...
     * {@code return not self.quorum_commit_mode_is_active() or quorum_votes >= quorum}). Either way the race
     * needs {@code quorum + 1} voters up; fewer, and no member is promoted. Voters that died more than
     * {@code loop_wait} before the primary have been dropped from /sync by then. Which voter is ahead is left to
     * the WAL comparison, as in the asynchronous case.
     */
    private Optional<Selection> quorumLost(FailoverPolicy policy, Cluster cluster, FailoverState state) {
        Duration window = Duration.ofSeconds(timeouts(policy).loopWait());
        List<String> voters = new ArrayList<>();
        for (Replica r : cluster.replicas()) {
            Duration failed = state.failedAt().get(r.server().name());
            if (r.mode() == ReplicationMode.SYNC && (failed == null || failed.plus(window)
                    .compareTo(state.lostAt()) >= 0)) {
                voters.add(r.server().name());
            }
        }
        int numsync = Math.min(policy.syncCountOpt().orElse(1), voters.size());
        int quorum = voters.size() - numsync;
        long up = voters.stream().filter(v -> !state.failed(v)).count();
        if (voters.isEmpty() || up >= quorum + 1) {
            return Optional.empty();
        }
        return Optional.of(Selection.none("synchronous_mode: quorum: " + up + " of the " + voters.size()
                + " voters in /sync (" + String.join(", ", voters) + ") up, and a member needs quorum " + quorum
                + " votes (quorum.py: quorum = len(active) - numsync, numsync " + numsync + "; ha.py "
                + "_is_healthiest_node: quorum_votes >= quorum)", policy.facts().orElse("require-sync",
                policy.position())));
    }

    /** Drops members that lag past maximum_lag_on_failover by what was observed (ha.py is_lagging). */
    private static List<String> notLagging(FailoverPolicy policy, FailoverState state, List<String> pool,
                                           List<String> notes) {
        long max = maxLag(policy);
        Optional<Observation> leader = state.observation(state.primary()).filter(o -> o.lsnValue().isPresent())
                .filter(o -> o.role() == null || LEADER_ROLES.contains(o.role()));
        List<String> out = new ArrayList<>();
        for (String c : pool) {
            Optional<Observation> o = state.observation(c);
            String how = null;
            long lag = 0;
            if (leader.isPresent() && o.flatMap(Observation::lsnValue).isPresent()) {
                lag = leader.get().lsnValue().orElseThrow() - o.get().lsnValue().orElseThrow();
                how = "lsn " + o.get().lsn() + " (" + o.get().at("lsn").reference() + ") is " + lag + " bytes "
                        + "behind " + state.primary() + "'s last " + leader.get().lsn() + " ("
                        + leader.get().at("lsn").reference() + ")";
            } else if (o.flatMap(Observation::lagBytesOpt).isPresent()) {
                lag = o.get().lagBytes();
                how = "lag-bytes " + lag + " (" + o.get().at("lag-bytes").reference() + ")";
            }
            if (how != null && lag > max) {
                notes.add(c + " is out: " + how + ", over maximum_lag_on_failover " + max + " (ha.py is_lagging)");
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * With {@code check_timeline}, a member on an older timeline than the leader's is out (ha.py
     * {@code _is_healthiest_node}: {@code if my_timeline < cluster_timeline: ... return False}); both timelines
     * must have been observed, since an unobserved timeline is not Patroni's "Can not figure out my timeline".
     */
    private static List<String> behindTimeline(FailoverPolicy policy, FailoverState state, List<String> pool,
                                               List<String> notes) {
        Optional<Observation> leader = state.observation(state.primary()).filter(o -> o.timeline() != null)
                .filter(o -> o.role() == null || LEADER_ROLES.contains(o.role()));
        if (!bool(policy.manager(), "check_timeline") || leader.isEmpty()) {
            return pool;
        }
        List<String> out = new ArrayList<>();
        for (String c : pool) {
            Optional<Observation> o = state.observation(c).filter(x -> x.timeline() != null);
            if (o.isPresent() && o.get().timeline() < leader.get().timeline()) {
                notes.add(c + " is out: timeline " + o.get().timeline() + " (" + o.get().at("timeline").reference()
                        + ") is behind " + state.primary() + "'s " + leader.get().timeline() + " ("
                        + leader.get().at("timeline").reference() + "; check_timeline, ha.py _is_healthiest_node)");
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static long maxLag(FailoverPolicy policy) {
        return policy.maxLagBytesOpt().orElse(MAXIMUM_LAG_ON_FAILOVER);
    }

    /** A member's failover_priority tag (3.1+; default 1, tags.py). */
    private static Ranking.Fact failoverPriority(ManagerSpec m, String server) {
        return m.member(server, "failover_priority").filter(s -> s.value().matches("-?\\d{1,9}"))
                .map(s -> new Ranking.Fact(Long.parseLong(s.value()), s.value(), s.at()))
                .orElse(new Ranking.Fact(1, "1", null));
    }

    /** synchronous_mode: only members in /sync may take the lock; which ones are there is run time when few. */
    private Selection synchronous(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable,
                                  String lag) {
        int n = policy.syncCountOpt().orElse(1);
        Duration window = Duration.ofSeconds(timeouts(policy).loopWait());
        Set<String> sync = new LinkedHashSet<>();
        for (Replica r : cluster.replicas()) {
            Duration failed = state.failedAt().get(r.server().name());
            boolean replacedEarlier = failed != null && failed.plus(window).compareTo(state.lostAt()) < 0;
            if (r.mode() == ReplicationMode.SYNC && !replacedEarlier) {
                sync.add(r.server().name());
            }
        }
        Optional<Set<String>> seen = observedSync(cluster, state);
        if (seen.isPresent()) {
            sync = seen.get();
        }
        List<String> possible = viable.stream().filter(sync::contains).toList();
        SourcePosition at = policy.facts().orElse("require-sync", policy.position());
        if (possible.isEmpty()) {
            return Selection.none("synchronous_mode: only a member in /sync may take the leader lock, and no "
                    + "synchronous standby (" + String.join(", ", sync) + (seen.isPresent() ? ", as observed" : "")
                    + ") can (ha.py: 'if not self.cluster.sync.matches(self.state_handler.name, True): return False')",
                    at);
        }
        boolean maybeNone = seen.isEmpty() && sync.size() > n && sync.size() - possible.size() >= n;
        String why = "whichever of the synchronous standbys in /sync has replayed more WAL (synchronous_mode; "
                + lag + ")";
        if (maybeNone) {
            why = "if Patroni had put it in /sync (synchronous_node_count " + n + " of " + sync.size()
                    + " candidates; ha.py only lets a member in /sync take the lock)";
        }
        if (state.hasObservations()) {
            return observed(policy, state, possible, why, at, maybeNone);
        }
        return new Selection(possible, possible.size() == 1 && !maybeNone ? "" : why, at, maybeNone);
    }

    /**
     * Who is in /sync, when every replica's observation says whether it is a synchronous standby
     * ({@code sync: sync} or {@code role: sync_standby}, as the REST API's /cluster reports them).
     */
    private static Optional<Set<String>> observedSync(Cluster cluster, FailoverState state) {
        Set<String> sync = new LinkedHashSet<>();
        for (Replica r : cluster.replicas()) {
            Optional<Observation> o = state.observation(r.server().name());
            if (o.isEmpty() || o.get().sync() == null && o.get().role() == null) {
                return Optional.empty();
            }
            if ("sync".equals(o.get().sync()) || "sync_standby".equals(o.get().role())) {
                sync.add(r.server().name());
            }
        }
        return Optional.of(sync);
    }

    @Override
    public Optional<Block> writesBlocked(FailoverPolicy policy, Cluster cluster, String primary,
                                         Set<String> aliveReplicas) {
        if (!policy.requireSync() || !policy.strictSync()) {
            return Optional.empty();
        }
        // With no synchronous candidate left, strict mode names every standby: ha.py (3.0.2,
        // process_sync_replication): "if self.is_synchronous_mode_strict() and not picked: picked =
        // CaseInsensitiveSet('*')", so any streaming standby, nosync ones too, acknowledges commits (measured in the
        // reality lab, docs/fidelity.md row P8). Commits wait only when no standby at all is left.
        if (!aliveReplicas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Block("synchronous_mode_strict and no standby left: commits wait "
                + "(ha.py: 'synchronous_mode_strict is requested. Commits will be delayed.')",
                policy.facts().orElse("strict-sync", policy.position())));
    }

    private static boolean quorum(FailoverPolicy policy) {
        return policy.manager().setting("synchronous_mode").map(s -> s.value().equalsIgnoreCase("quorum"))
                .orElse(false) && policy.manager().atLeast(4, 0);
    }

    static Optional<Integer> intSetting(ManagerSpec m, String key) {
        return m.setting(key).map(ManagerSpec.Setting::value).filter(v -> v.matches("\\d{1,9}"))
                .map(Integer::parseInt);
    }

    static boolean bool(ManagerSpec m, String key) {
        return m.setting(key).map(s -> s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("on")
                || s.value().equalsIgnoreCase("yes") || s.value().equals("1")).orElse(false);
    }
}
