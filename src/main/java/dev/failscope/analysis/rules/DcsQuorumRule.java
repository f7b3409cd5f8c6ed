package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.analysis.Rule;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.ManagerKind;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.simulation.engine.Block;
import dev.failscope.simulation.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Losing one zone leaves a Patroni cluster's DCS (etcd, Consul, ZooKeeper) without a majority: the primary
 * demotes itself and nobody can take the leader key, even when that zone holds no database. Asked of the
 * Patroni engine, like the simulator; the zones come from the inventory.
 */
public final class DcsQuorumRule implements Rule {
    @Override
    public String id() {
        return "dcs-quorum";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "losing one zone leaves a Patroni cluster's DCS without a majority";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(topology)) {
            if (p.manager().kind() != ManagerKind.PATRONI || p.monitors().isEmpty()) {
                continue;
            }
            Optional<MonitorZones> zones = MonitorZones.of(topology, p);
            if (zones.isEmpty()) {
                continue;
            }
            int n = zones.get().size();
            for (String zone : zones.get().distinct()) {
                int left = zones.get().leftWithout(zone);
                Optional<Block> b = Engines.of(p).coordination(p, left, n);
                if (b.isPresent()) {
                    findings.add(finding("losing zone " + zone + " leaves " + left + " of " + n + " DCS members of "
                            + "cluster '" + p.cluster().name() + "', no majority: the primary demotes itself and no "
                            + "member can take the leader key; spread the DCS over more zones", p.cluster().name(),
                            zone, p.monitors().get(0).position()));
                }
            }
        }
        return findings;
    }
}
