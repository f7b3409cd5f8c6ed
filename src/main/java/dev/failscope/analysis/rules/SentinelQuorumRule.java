package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.analysis.Rule;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sentinel-style monitors cannot fail over: the quorum exceeds the known monitors, or, when the inventory gives
 * every monitor's zone, losing one zone leaves fewer monitors than the quorum or than a majority (Sentinel needs
 * both: the quorum to agree the primary is down, a majority to authorise the failover).
 */
public final class SentinelQuorumRule implements Rule {
    @Override
    public String id() {
        return "sentinel-quorum";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "the sentinel quorum cannot be reached: more than the known sentinels, or after losing one zone";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(topology)) {
            if (p.quorum() == null) {
                continue;
            }
            String cluster = p.cluster().name();
            SourcePosition at = p.facts().orElse("quorum", p.position());
            int n = p.monitors().size();
            if (p.quorum() > n) {
                findings.add(finding("quorum " + p.quorum() + " of cluster '" + cluster + "' exceeds the " + n
                        + " known sentinel(s): no failover can ever be agreed; lower the quorum or add sentinels",
                        cluster, null, at));
                continue;
            }
            Optional<MonitorZones> zones = MonitorZones.of(topology, p);
            if (zones.isEmpty()) {
                continue;
            }
            int majority = n / 2 + 1;
            for (String zone : zones.get().distinct()) {
                long left = zones.get().leftWithout(zone);
                if (left < p.quorum() || left < majority) {
                    findings.add(finding("losing zone " + zone + " leaves " + left + " of " + n + " sentinels of "
                            + "cluster '" + cluster + "', fewer than the " + (left < p.quorum() ? "quorum "
                            + p.quorum() : "majority " + majority) + ": spread sentinels over more zones",
                            cluster, zone, at));
                }
            }
        }
        return findings;
    }
}
