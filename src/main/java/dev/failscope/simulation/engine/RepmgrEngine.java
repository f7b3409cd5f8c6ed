package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import dev.failscope.model.Replica;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * repmgr's repmgrd (EnterpriseDB/repmgr {@code repmgrd-physical.c}, snapshot e696e28f, repmgr 5.x). Every
 * standby attached to the failed primary runs {@code do_election()} over its siblings (lines cited below).
 * <ul>
 *   <li>Only the primary's own standbys take part: {@code get_active_sibling_node_records(local_conn,
 *       local_node_info.node_id, upstream_node_info.node_id, sibling_nodes)} (l. 4350); a cascaded standby
 *       waits for its own upstream and is never a candidate here.</li>
 *   <li>Not a candidate: {@code if (config_file_options.failover == FAILOVER_MANUAL)} (l. 4331,
 *       {@code return ELECTION_NOT_CANDIDATE;}) and {@code if (local_node_info.priority <= 0)} (l. 4341); the
 *       siblings loop skips {@code if (cell->node_info->type == WITNESS)} (l. 4641) and
 *       {@code if (cell->node_info->priority <= 0)} (l. 4648), but not a {@code failover=manual} sibling, which
 *       can therefore be elected by the others and then never promotes itself.</li>
 *   <li>The comparison: {@code if (cell->node_info->last_wal_receive_lsn > candidate_node->last_wal_receive_lsn)}
 *       (l. 4667), then {@code /* LSN is same - tiebreak on priority, then node_id *&#47;} (l. 4678):
 *       {@code priority > candidate_node->priority} (l. 4687), {@code node_id < candidate_node->node_id}
 *       (l. 4701). LSNs are run time: every eligible standby may be the most advanced.</li>
 *   <li>Location: {@code if (primary_location_seen == false)} (l. 4725) → "no nodes from the primary location
 *       \"%s\" visible - assuming network split", {@code return ELECTION_CANCELLED;}. A node is seen in the
 *       primary's location when it answers (witness and priority 0 included, l. 4490-4497, or the voter itself,
 *       l. 4419).</li>
 *   <li>Majority: {@code if (stats.visible_nodes <= (stats.shared_upstream_nodes / 2.0))} (l. 4770) → "unable to
 *       reach a qualified majority of nodes"; {@code shared_upstream_nodes = sibling_nodes->node_count + 1}
 *       (l. 4357) counts every registered sibling, the dead ones too.</li>
 *   <li>{@code primary_visibility_consensus} (l. 4749) cancels only while some sibling still sees the primary
 *       (a partition); a failed primary is seen by nobody, so it never decides a simulated failure.</li>
 * </ul>
 * Timing: the standby retries its upstream {@code reconnect_attempts} times {@code reconnect_interval} apart
 * ({@code int max_attempts = config_file_options.reconnect_attempts;}, l. 5489), then elects and runs
 * {@code promote_command}; the election and promotion time is an estimate, not measured.
 */
final class RepmgrEngine implements FailoverEngine {
    static final String DEFAULT_LOCATION = "default";
    /** Noticing the loss (monitor_interval_secs, default 2 s) is the lower bound of the election's share. */
    static final Duration ELECTION_MIN = Duration.ofSeconds(1);
    static final Duration PROMOTION_TYPICAL = Duration.ofSeconds(2);
    /** monitor_interval_secs 2 s, the election and pg_promote via promote_command: estimated. */
    static final Duration ELECTION_MAX = Duration.ofSeconds(10);
    private static final String SOURCE = " (repmgrd-physical.c do_election)";

    @Override
    public ManagerKind kind() {
        return ManagerKind.REPMGR;
    }

    @Override
    public boolean serial() {
        return false;
    }

    @Override
    public List<Exclusion> exclusions(Topology topology, FailoverPolicy policy, Cluster cluster, String server) {
        ManagerSpec m = policy.manager();
        List<Exclusion> out = new ArrayList<>();
        Optional<Replica> r = cluster.replica(server);
        if (r.isPresent() && r.get().source() != null && !r.get().source().name().equals(cluster.primary().name())) {
            out.add(new Exclusion("attached to " + r.get().source().name() + ", not the primary: only the primary's "
                    + "own standbys take part in its election (get_active_sibling_node_records)",
                    r.get().source().position()));
        }
        m.member(server, "witness").ifPresent(w -> out.add(new Exclusion("a witness is never promoted"
                + SOURCE, w.at())));
        m.member(server, "failover").filter(f -> f.value().equalsIgnoreCase("manual")).ifPresent(f -> out.add(
                new Exclusion("failover=manual: never a promotion candidate" + SOURCE, f.at())));
        m.member(server, "priority").filter(p -> priority(p) <= 0).ifPresent(p -> out.add(
                new Exclusion("priority " + p.value() + ": never a promotion candidate" + SOURCE, p.at())));
        return out;
    }

    @Override
    public boolean needsUnbrokenChain() {
        return false;
    }

    @Override
    public Timing timing(FailoverPolicy policy, FailoverState state) {
        Duration d = policy.detection();
        return new Timing(d, PROMOTION_TYPICAL, d.plus(ELECTION_MIN), d.plus(ELECTION_MAX), "reconnect_attempts "
                + "x reconnect_interval " + Durations.format(d) + ", then the election and promote_command ("
                + Durations.format(ELECTION_MIN) + " to " + Durations.format(ELECTION_MAX) + ", estimated)");
    }

    @Override
    public Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable) {
        ManagerSpec m = policy.manager();
        String lost = state.primary();
        String location = location(m, lost);
        SourcePosition locationAt = m.member(lost, "location").map(ManagerSpec.Setting::at).orElse(policy.position());
        List<String> siblings = siblings(policy, cluster, lost);
        List<String> alive = siblings.stream().filter(s -> !state.failed(s)).toList();
        if (!alive.isEmpty() && alive.stream().noneMatch(s -> location(m, s).equals(location))) {
            return Selection.none("no node from the primary location '" + location + "' visible: repmgrd assumes "
                    + "a network split and promotes nobody (repmgrd-physical.c:4725 do_election: "
                    + "if (primary_location_seen == false))", locationAt);
        }
        if (!alive.isEmpty() && alive.size() <= siblings.size() / 2.0) {
            return Selection.none(alive.size() + " of " + siblings.size() + " nodes attached to " + lost
                    + " visible: repmgrd is 'unable to reach a qualified majority of nodes' (repmgrd-physical.c:4770 "
                    + "do_election)", policy.position());
        }
        if (viable.isEmpty()) {
            return Selection.none("no standby of " + lost + " repmgrd can promote (down, failover=manual, "
                    + "priority 0, a witness, or attached to another standby" + SOURCE + ")", null);
        }
        List<String> manual = alive.stream().filter(s -> m.member(s, "witness").isEmpty()
                && m.member(s, "failover").map(f -> f.value().equalsIgnoreCase("manual")).orElse(false)
                && m.member(s, "priority").map(p -> priority(p) > 0).orElse(true)).toList();
        String order = "whichever has the most advanced received LSN, then the highest priority, then the lowest "
                + "node_id (repmgrd-physical.c:4667-4701 do_election)";
        if (state.hasObservations()) {
            return observed(m, state, viable, manual, order);
        }
        if (!manual.isEmpty()) {
            return new Selection(viable, order + "; or nobody, if the siblings elect " + String.join(", ", manual)
                    + " (failover=manual but priority above 0: still compared, never promotes itself)",
                    m.member(manual.get(0), "failover").map(ManagerSpec.Setting::at).orElse(null), true);
        }
        if (viable.size() == 1) {
            return Selection.one(viable.get(0));
        }
        return new Selection(viable, order, null, false);
    }

    /**
     * do_election on observed state: the siblings seen down do not answer; the rest are compared by
     * {@code last_wal_receive_lsn} (l. 4667), then {@code priority} (l. 4687), then the lower {@code node_id}
     * (l. 4701). A {@code failover=manual} sibling is compared too: when it is the one elected, nobody promotes.
     */
    private static Selection observed(ManagerSpec m, FailoverState state, List<String> viable, List<String> manual,
                                      String order) {
        List<String> pool = new ArrayList<>(viable);
        manual.stream().filter(s -> !pool.contains(s)).forEach(pool::add);
        List<String> notes = new ArrayList<>();
        List<String> up = Ranking.observedDown(state, pool, notes);
        List<String> promotable = up.stream().filter(s -> !manual.contains(s)).toList();
        if (promotable.isEmpty()) {
            return Selection.none(String.join("; ", notes) + ": no standby repmgrd can promote" + SOURCE, null);
        }
        Ranking.Result r = Ranking.rank(up, List.of(Ranking.lsn(state, "is ahead of"),
                new Ranking.Key("priority", true, "is above", s -> m.member(s, "priority")
                        .map(p -> new Ranking.Fact(priority(p), p.value(), p.at()))
                        .or(() -> Optional.of(new Ranking.Fact(100, "100", null)))),
                new Ranking.Key("node_id", false, "is below", s -> m.member(s, "node_id")
                        .filter(p -> p.value().matches("\\d{1,9}"))
                        .map(p -> new Ranking.Fact(Long.parseLong(p.value()), p.value(), p.at())))),
                "equal LSN, priority and node_id");
        List<String> elected = r.possible().stream().filter(manual::contains).toList();
        SourcePosition manualAt = elected.isEmpty() ? null : m.member(elected.get(0), "failover")
                .map(ManagerSpec.Setting::at).orElse(null);
        if (r.one() && !elected.isEmpty()) {
            return Selection.none(Ranking.evidence(elected.get(0), notes, r.decided(), "repmgrd-physical.c "
                    + "do_election") + ", and it has failover=manual: it never promotes itself, so nobody is "
                    + "promoted", manualAt);
        }
        List<String> winners = r.possible().stream().filter(s -> !manual.contains(s)).toList();
        Ranking.Result left = new Ranking.Result(winners, r.decided(), r.undecided());
        if (elected.isEmpty()) {
            return Ranking.verdict(left, notes, order, "repmgrd-physical.c do_election", null, false);
        }
        return Ranking.verdict(left, notes, order + "; or nobody, if the siblings elect " + String.join(", ", elected)
                + " (failover=manual but priority above 0: still compared, never promotes itself)",
                "repmgrd-physical.c do_election", manualAt, true);
    }

    /** The lost primary's own standbys and the witnesses: the nodes that vote in its election. */
    private static List<String> siblings(FailoverPolicy policy, Cluster cluster, String lost) {
        List<String> out = new ArrayList<>();
        for (Replica r : cluster.replicas()) {
            String n = r.server().name();
            if (!n.equals(lost) && (r.source() == null || r.source().name().equals(lost))) {
                out.add(n);
            }
        }
        policy.monitors().stream().map(Ref::name).filter(w -> !out.contains(w)).forEach(out::add);
        return out;
    }

    private static String location(ManagerSpec m, String server) {
        return m.member(server, "location").map(ManagerSpec.Setting::value).orElse(DEFAULT_LOCATION);
    }

    private static int priority(ManagerSpec.Setting p) {
        return p.value().matches("-?\\d{1,9}") ? Integer.parseInt(p.value()) : 100;
    }
}
