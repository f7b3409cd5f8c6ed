package dev.failscope.simulation;

import dev.failscope.model.Replica;
import dev.failscope.simulation.engine.Block;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine says about a cluster whose primary is still up: writes that block (strict synchronous
 * replication) and the coordination quorum (sentinels, DCS members) that may be lost, with the demotion it
 * causes (Patroni).
 */
final class CoordinationWatch {
    private final ClusterRun run;
    private boolean quorumLost;
    private Block pendingDemotion;

    CoordinationWatch(ClusterRun run) {
        this.run = run;
    }

    /** Writes stop with the primary up when the engine says so (strict synchronous replication). */
    void checkWritesBlocked(Duration at) {
        if (run.policy() == null || !run.writable()) {
            return;
        }
        String primary = run.primary();
        String first = run.cluster().primary().name();
        Set<String> alive = new LinkedHashSet<>();
        for (Replica r : run.cluster().replicas()) {
            String n = r.server().name();
            if (!n.equals(primary) && !run.failedBy(n, at)) {
                alive.add(n);
            }
        }
        if (!first.equals(primary) && !run.failedBy(first, at)) {
            alive.add(first);
        }
        Optional<Block> b = run.engine().writesBlocked(run.policy(), run.cluster(), primary, alive);
        if (b.isPresent()) {
            run.blockWrites(at);
            if (run.narrating()) {
                run.emitEvent(at, EventKind.OUTAGE, run.cluster().name(), "writes block on " + run.cluster().name()
                        + ": " + b.get().reason(), b.get().at(), "writes blocked", primary);
            }
        }
    }

    /** A monitor (sentinel, DCS member) fails: the coordination quorum may be lost. */
    void monitorFailed(String server, Duration at) {
        int alive = run.aliveMonitors(at);
        int total = run.monitorCount();
        if (quorumLost || run.policy() == null) {
            return;
        }
        boolean allMembers = run.allMembersAlive(at);
        Optional<Block> demote = run.engine().onCoordinationLoss(run.policy(), alive, total, allMembers);
        Optional<Block> noFailover = run.engine().coordination(run.policy(), alive, total);
        if (noFailover.isEmpty()) {
            return;
        }
        quorumLost = true;
        if (run.narrating()) {
            run.emitEvent(at, EventKind.DEGRADED, run.cluster().name(), run.cluster().name() + " loses " + server + ": "
                    + noFailover.get().reason(), noFailover.get().at(), "no failover quorum", server);
        }
        run.degradeByQuorum();
        if (demote.isPresent() && (run.writable() || run.blocked())) {
            pendingDemotion = demote.get();
            run.scheduleDemotion(at.plus(demote.get().delay()), run.primary());
        }
        run.record(at);
    }

    void demote(String server, Duration at) {
        if (!server.equals(run.primary()) || !(run.writable() || run.blocked())) {
            return;
        }
        run.loseWrites(at);
        String cluster = run.cluster().name();
        if (run.narrating()) {
            run.emitEvent(at, EventKind.PRIMARY_LOST, cluster, server + " demotes itself: " + pendingDemotion.reason(),
                    pendingDemotion.at(), "demoted", server);
        }
        if (run.narrating()) {
            run.emitEvent(at, EventKind.OUTAGE, cluster, "no member can take the leader lock without the coordination "
                    + "quorum: " + cluster + " is DOWN", pendingDemotion.at(), "NO PRIMARY", null);
        }
        run.record(at);
    }
}
