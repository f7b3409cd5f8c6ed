package dev.failscope.analysis.rules;

import dev.failscope.analysis.Rule;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import dev.failscope.model.Server;
import dev.failscope.model.ServerStatus;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An active server belongs to no cluster: it may be forgotten, or its inventory status may be stale. */
public final class UnusedServerRule implements Rule {
    @Override
    public String id() {
        return "unused-server";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public String description() {
        return "an active server belongs to no cluster";
    }

    @Override
    public List<Finding> check(Topology topology) {
        Set<String> monitors = null; // made on the first unused server: a fleet without one never pays for it
        List<Finding> findings = new ArrayList<>();
        for (Server s : topology.serversInForce()) {
            if (s.status() != ServerStatus.ACTIVE || !topology.clustersOf(s.name()).isEmpty()) {
                continue;
            }
            if (monitors == null) {
                monitors = monitors(topology);
            }
            if (!monitors.contains(s.name())) {
                findings.add(finding("server '" + s.name() + "' is active but belongs to no cluster: add it to a "
                        + "cluster, or mark it decommissioned if it is retired", s.name(), null, s.position()));
            }
        }
        return findings;
    }

    /** Servers watching a cluster (a failover policy's monitors, such as sentinels) are in use, though no member. */
    private static Set<String> monitors(Topology topology) {
        Set<String> names = new HashSet<>();
        for (FailoverPolicy p : topology.policies()) {
            for (Ref m : p.monitors()) {
                names.add(m.name());
            }
        }
        return names;
    }
}
