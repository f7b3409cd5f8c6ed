package dev.failscope.diff;

import dev.failscope.model.Durations;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Node;
import dev.failscope.model.NodeKind;
import dev.failscope.model.Ref;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Failover policies: the policy itself, its candidates (added, removed, re-ordered) and its values. */
final class PolicyDiff {
    private static final Map<String, Function<FailoverPolicy, String>> FIELDS = fields();

    private PolicyDiff() {}

    static void compare(Changes c) {
        for (String cluster : Changes.names(c.before().policies(), c.after().policies(), p -> p.cluster().name())) {
            Optional<FailoverPolicy> was = c.before().policy(cluster);
            Optional<FailoverPolicy> now = c.after().policy(cluster);
            if (was.isEmpty()) {
                c.added(ChangeElement.POLICY, cluster, null, Changes.node(c.after(), NodeKind.CLUSTER, cluster), null,
                        now.get().position(), cluster + ": failover policy added");
            } else if (now.isEmpty()) {
                c.removed(ChangeElement.POLICY, cluster, null, Changes.node(c.before(), NodeKind.CLUSTER, cluster),
                        null, was.get().position(), cluster + ": failover policy removed");
            } else {
                values(c, was.get(), now.get());
            }
            candidates(c, cluster, was, now);
        }
    }

    private static void values(Changes c, FailoverPolicy was, FailoverPolicy now) {
        String cluster = now.cluster().name();
        Node node = Changes.node(c.after(), NodeKind.CLUSTER, cluster);
        FIELDS.forEach((field, value) -> {
            String a = value.apply(was);
            String b = value.apply(now);
            if (!Objects.equals(a, b)) {
                c.changed(ChangeType.CHANGED, ChangeElement.POLICY, cluster, null, field, a, b,
                        was.facts().orElse(field, was.position()), now.facts().orElse(field, now.position()), node,
                        null, cluster + ": failover");
            }
        });
    }

    private static void candidates(Changes c, String cluster, Optional<FailoverPolicy> was,
                                   Optional<FailoverPolicy> now) {
        Map<String, Integer> before = orders(was);
        Map<String, Integer> after = orders(now);
        for (Map.Entry<String, Integer> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                Ref ref = now.get().candidates().get(e.getValue() - 1);
                c.added(ChangeElement.FAILOVER_CANDIDATE, cluster, e.getKey(),
                        Changes.node(c.after(), NodeKind.CLUSTER, cluster), edge(c.after(), e.getKey(), e.getValue()),
                        ref.position(), cluster + ": failover candidate " + e.getKey() + " added (#" + e.getValue()
                                + " of " + after.size() + ")");
            }
        }
        for (Map.Entry<String, Integer> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                Ref ref = was.get().candidates().get(e.getValue() - 1);
                c.removed(ChangeElement.FAILOVER_CANDIDATE, cluster, e.getKey(),
                        Changes.node(c.before(), NodeKind.CLUSTER, cluster),
                        edge(c.before(), e.getKey(), e.getValue()), ref.position(),
                        cluster + ": failover candidate " + e.getKey() + " removed (was #" + e.getValue() + ")");
            }
        }
        List<String> keptBefore = before.keySet().stream().filter(after::containsKey).toList();
        List<String> keptAfter = after.keySet().stream().filter(before::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            c.changed(ChangeType.REORDERED, ChangeElement.FAILOVER_CANDIDATE, cluster, null, "order",
                    String.join(", ", keptBefore), String.join(", ", keptAfter), listPosition(was.get()),
                    listPosition(now.get()), Changes.node(c.after(), NodeKind.CLUSTER, cluster), null,
                    cluster + ": failover candidates");
        }
    }

    private static SourcePosition listPosition(FailoverPolicy p) {
        return p.candidates().isEmpty() ? p.facts().orElse("candidates", p.position())
                : p.candidates().get(0).position();
    }

    private static Change.EdgeRef edge(Topology side, String candidate, int order) {
        return new Change.EdgeRef(EdgeKind.FAILOVER, Changes.node(side, NodeKind.SERVER, candidate), order);
    }

    /** Candidate name to its 1-based order; a repeated name keeps its first place. */
    private static Map<String, Integer> orders(Optional<FailoverPolicy> policy) {
        Map<String, Integer> map = new LinkedHashMap<>();
        policy.ifPresent(p -> {
            int order = 1;
            for (Ref r : p.candidates()) {
                map.putIfAbsent(r.name(), order++);
            }
        });
        return map;
    }

    private static Map<String, Function<FailoverPolicy, String>> fields() {
        Map<String, Function<FailoverPolicy, String>> m = new LinkedHashMap<>();
        m.put("detection", p -> Durations.format(p.detection()));
        m.put("attempt-timeout", p -> Durations.format(p.attemptTimeout()));
        m.put("max-lag", p -> p.maxLagOpt().map(Durations::format).orElse(null));
        m.put("require-sync", p -> Boolean.toString(p.requireSync()));
        m.put("same-region-only", p -> Boolean.toString(p.sameRegionOnly()));
        return m;
    }
}
