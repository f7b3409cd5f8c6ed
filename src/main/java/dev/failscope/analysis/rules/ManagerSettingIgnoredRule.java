package dev.failscope.analysis.rules;

import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.analysis.Rule;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.Topology;
import dev.failscope.simulation.engine.Engines;
import dev.failscope.simulation.engine.SettingNote;
import java.util.ArrayList;
import java.util.List;

/**
 * A setting that the cluster's manager, in the release it runs, ignores or adjusts: the config says one thing,
 * the manager does another. Asked of the same engine the simulator uses.
 */
public final class ManagerSettingIgnoredRule implements Rule {
    @Override
    public String id() {
        return "manager-setting-ignored";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String description() {
        return "a failover setting is ignored or adjusted by the manager's release";
    }

    @Override
    public List<Finding> check(Topology topology) {
        List<Finding> findings = new ArrayList<>();
        for (FailoverPolicy p : CandidateEvaluator.effectivePolicies(topology)) {
            for (SettingNote n : Engines.of(p).settingNotes(p)) {
                findings.add(finding(n.message(), p.cluster().name(), null, n.at()));
            }
        }
        return findings;
    }
}
