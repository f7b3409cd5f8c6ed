package dev.failscope.load;

import dev.failscope.model.Cluster;
import dev.failscope.model.Replica;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds replication cascades (a replica of a replica of ...). Real cascades are a few levels deep; a deeper one
 * is a generated or broken config, and every failure in it makes the whole chain below stale, so simulating a
 * sweep over an N-deep chain costs N squared. A chain deeper than {@value #MAX_DEPTH} is a load error.
 */
final class CascadeDepth {
    static final int MAX_DEPTH = 100;

    private CascadeDepth() {}

    static List<LoadError> check(Topology topology) {
        List<LoadError> errors = new ArrayList<>();
        for (Cluster c : topology.clusters()) {
            Map<String, String> parent = new HashMap<>();
            for (Replica r : c.replicas()) {
                if (r.source() != null) {
                    parent.put(r.server().name(), r.source().name());
                }
            }
            Map<String, Integer> depth = new HashMap<>();
            for (Replica r : c.replicas()) {
                int d = depth(r.server().name(), parent, depth);
                if (d > MAX_DEPTH) {
                    errors.add(new LoadError("replication cascade of cluster '" + c.name() + "' is more than "
                            + MAX_DEPTH + " levels deep at replica '" + r.server().name() + "': over the limit of "
                            + MAX_DEPTH + " levels", r.server().position()));
                    break;
                }
            }
        }
        return errors;
    }

    /** Levels above {@code server} (1 for a replica of the primary), iteratively; a cycle stops counting. */
    private static int depth(String server, Map<String, String> parent, Map<String, Integer> memo) {
        List<String> path = new ArrayList<>();
        String at = server;
        int base = 0;
        java.util.Set<String> onPath = new java.util.HashSet<>();
        while (at != null && parent.containsKey(at)) {
            Integer known = memo.get(at);
            if (known != null) {
                base = known;
                break;
            }
            if (!onPath.add(at) || path.size() > MAX_DEPTH + 1) {
                break;
            }
            path.add(at);
            at = parent.get(at);
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            base++;
            memo.put(path.get(i), base);
        }
        return memo.getOrDefault(server, base);
    }
}
