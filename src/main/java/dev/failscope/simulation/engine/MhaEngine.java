package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.Durations;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.ManagerSpec;
import dev.failscope.model.Ref;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MySQL MHA (yoshinorim/mha4mysql-manager {@code lib/MHA/MasterFailover.pm}, {@code ServerManager.pm}).
 * <ul>
 *   <li>Precondition: every other server must be alive unless it has {@code ignore_fail=1}
 *       ({@code validate_num_alive_servers}: {@code next if ( $ignore_fail_check && $_->{ignore_fail} );} ...
 *       {@code "Server %s is dead, but must be alive! Check server settings."}; {@code croak}).</li>
 *   <li>One shot: {@code masterha_manager} exits after a failover, and a new failover within
 *       {@code $g_last_failover_minute = 480} minutes of the last one is refused
 *       ({@code "Current time is too early to do failover again"}).</li>
 *   <li>Selection ({@code select_new_master}): {@code no_master} servers are bad candidates; among
 *       {@code candidate_master=1} servers the one with the latest relay log events, else the first alive one;
 *       without candidates, the latest slave. Which slave is latest is run time.</li>
 *   <li>Detection: the health check pings every {@code ping_interval} (default 3 s) and declares the master dead
 *       after four failures ({@code HealthCheck.pm}: {@code if ( $error_count >= 4 )}).</li>
 * </ul>
 */
final class MhaEngine implements FailoverEngine {
    /** Applying relay logs and re-pointing slaves: not measured, an estimate. */
    static final Duration APPLY_MAX = Duration.ofSeconds(30);

    @Override
    public ManagerKind kind() {
        return ManagerKind.MHA;
    }

    @Override
    public boolean serial() {
        return false;
    }

    @Override
    public Timing timing(FailoverPolicy policy, FailoverState state) {
        Duration detection = policy.detection();
        Duration min = detection.multipliedBy(3).dividedBy(4);
        return new Timing(detection, Duration.ZERO, min, detection.plus(APPLY_MAX), "four failed pings every "
                + "ping_interval " + Durations.format(detection.dividedBy(4)) + ", then relay logs are applied "
                + "(up to " + Durations.format(APPLY_MAX) + ", estimated)");
    }

    @Override
    public Optional<Block> precondition(FailoverPolicy policy, Cluster cluster, FailoverState state) {
        if (state.failovers() > 0) {
            return Optional.of(new Block("MHA's manager exited after its failover and refuses another within "
                    + "last_failover_minute 480 (MasterFailover.pm: 'Current time is too early to do failover again')",
                    policy.position()));
        }
        for (Ref m : cluster.members()) {
            String name = m.name();
            if (!name.equals(state.primary()) && state.failed(name) && !flag(policy.manager(), name, "ignore_fail")) {
                return Optional.of(new Block("MHA refuses to fail over while " + name + " is down without "
                        + "ignore_fail=1 (ServerManager.pm validate_num_alive_servers: 'Server " + name + " is dead, "
                        + "but must be alive!')", policy.manager().member(name, "hostname")
                        .map(ManagerSpec.Setting::at).orElse(m.position())));
            }
        }
        return Optional.empty();
    }

    @Override
    public Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable) {
        List<String> notes = new java.util.ArrayList<>();
        List<String> alive = state.hasObservations() ? Ranking.observedDown(state, viable, notes) : viable;
        String down = notes.isEmpty() ? "" : String.join("; ", notes) + "; ";
        if (alive.isEmpty()) {
            return Selection.none(down + "no slave may become master (no_master, or down)", null);
        }
        List<String> preferred = alive.stream().filter(v -> flag(policy.manager(), v, "candidate_master")).toList();
        List<String> possible = preferred.isEmpty() ? alive : preferred;
        if (possible.size() == 1) {
            return notes.isEmpty() ? Selection.one(possible.get(0)) : Selection.observed(possible.get(0),
                    Ranking.evidence(possible.get(0), notes, "", "ServerManager.pm select_new_master"));
        }
        // get_latest_slaves compares Master_Log_File and Read_Master_Log_Pos, which no snapshot's observed: holds
        String open = state.hasObservations() ? "; the observations hold no relay log position "
                + "(Master_Log_File, Read_Master_Log_Pos), so they cannot decide" : "";
        return new Selection(possible, down + (preferred.isEmpty()
                ? "whichever slave has received the latest relay log events (ServerManager.pm select_new_master)"
                : "whichever candidate_master has the latest relay log events, else the first alive one "
                        + "(ServerManager.pm select_new_master)") + open, null, false);
    }

    static boolean flag(ManagerSpec m, String server, String key) {
        return m.member(server, key).map(s -> s.value().equals("1") || s.value().equalsIgnoreCase("true")
                || s.value().equalsIgnoreCase("yes") || s.value().equalsIgnoreCase("on")).orElse(false);
    }
}
