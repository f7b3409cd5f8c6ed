package dev.failscope.simulation;

import dev.failscope.model.Cluster;
import dev.failscope.model.Replica;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster's replication during a run: each replica's current source (re-pointed on promotion) and the
 * replicas that went stale because a source failed.
 */
final class ReplicationState {
    private final ClusterRun run;
    private final Map<String, String> source = new HashMap<>();
    private final Set<String> stale = new LinkedHashSet<>();

    ReplicationState(ClusterRun run, Cluster cluster, String primary) {
        this.run = run;
        for (Replica r : cluster.replicas()) {
            source.putIfAbsent(r.server().name(), r.sourceName(primary));
        }
        source.remove(primary);
    }

    String sourceOf(String server) {
        return source.get(server);
    }

    Set<String> stale() {
        return stale;
    }

    /** A failed server is lost, not stale. */
    void failed(String server) {
        stale.remove(server);
    }

    /** {@code next} became the primary: it has no source any more. */
    void promoted(String next) {
        source.remove(next);
    }

    /** Healthy replicas whose source was {@code old} follow {@code next}. */
    void repointFollowers(String old, String next, Duration at) {
        for (Replica other : run.cluster().replicas()) {
            String name = other.server().name();
            if (!name.equals(next) && old.equals(source.get(name)) && !run.failedBy(name, at)) {
                source.put(name, next);
                if (run.narrating()) {
                    run.emitEvent(at, EventKind.REPOINTED, name, name + " re-points from " + old + " to " + next,
                            other.server().position(), "follows " + next, next);
                }
            }
        }
    }

    /** Replicas whose current source is {@code server}, and theirs in turn, become stale. */
    void markStaleFollowers(String server, Duration at) {
        if (!followed(server)) {
            return; // the common case (a replica fed by the primary fails): no one to mark, nothing to build
        }
        Map<String, List<Replica>> followers = new HashMap<>();
        for (Replica r : run.cluster().replicas()) {
            String src = source.get(r.server().name());
            if (src != null) {
                followers.computeIfAbsent(src, k -> new ArrayList<>()).add(r);
            }
        }
        Deque<String> todo = new ArrayDeque<>();
        todo.add(server);
        while (!todo.isEmpty()) {
            String src = todo.poll();
            for (Replica r : followers.getOrDefault(src, List.of())) {
                String name = r.server().name();
                if (!run.failedBy(name, at)
                        && !name.equals(run.primary())
                        && stale.add(name)) {
                    String why = src.equals(server) ? "failed" : "is stale";
                    if (run.narrating()) {
                        run.emitEvent(at, EventKind.REPLICA_STALE, name, name + " is stale: its source " + src + " "
                                + why, ClusterRun.sourcePosition(r), "stale", src);
                    }
                    todo.add(name);
                }
            }
        }
    }

    /** True when some replica's current source is {@code server}. */
    private boolean followed(String server) {
        for (Replica r : run.cluster().replicas()) {
            if (server.equals(source.get(r.server().name()))) {
                return true;
            }
        }
        return false;
    }
}
