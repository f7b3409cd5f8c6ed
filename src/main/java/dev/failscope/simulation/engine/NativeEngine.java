package dev.failscope.simulation.engine;

import dev.failscope.model.Cluster;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.ManagerKind;
import java.util.List;

/**
 * The native format's semantics, unchanged: after {@code detection} the candidates are tried in the written
 * order, each unusable one costs {@code attempt-timeout}, and the first viable one is promoted. The simulator
 * runs that loop itself ({@link #serial()}); this engine only states the timing, which the configs decide
 * exactly, so the RTO range is one point.
 */
final class NativeEngine implements FailoverEngine {
    @Override
    public ManagerKind kind() {
        return ManagerKind.NATIVE;
    }

    @Override
    public boolean serial() {
        return true;
    }

    @Override
    public Timing timing(FailoverPolicy policy, FailoverState state) {
        return new Timing(policy.detection(), java.time.Duration.ZERO, policy.detection(), policy.detection(),
                "detection " + dev.failscope.model.Durations.format(policy.detection()));
    }

    @Override
    public Selection select(FailoverPolicy policy, Cluster cluster, FailoverState state, List<String> viable) {
        return viable.isEmpty() ? Selection.none("no viable candidate left", policy.position())
                : Selection.one(viable.get(0));
    }
}
